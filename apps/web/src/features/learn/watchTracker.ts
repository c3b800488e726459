/**
 * Which seconds of a video were actually played. Fed with the player's `timeupdate` times; only
 * contiguous playback counts: a seek (or any jump the player did not play through) closes the
 * current interval and starts a new one where playback resumes. The server keeps the union of the
 * intervals, so emitting a long interval in several pieces (every ~10 s) is harmless.
 */
export interface WatchedInterval {
  from: number;
  to: number;
}

/** A gap larger than this between two `timeupdate`s (in media seconds, beyond what the wall clock allows) is a jump. */
const TOLERANCE_SECONDS = 1.5;

export class WatchTracker {
  private start: number | null = null;
  private last: number | null = null;
  private lastWall = 0;
  private closed: WatchedInterval[] = [];

  /** A `timeupdate` while playing, at media time `time` (seconds); `rate` is the playback rate. */
  onTime(time: number, now = Date.now(), rate = 1): void {
    if (!Number.isFinite(time) || time < 0) return;
    if (this.start === null || this.last === null) {
      this.start = time;
      this.last = time;
      this.lastWall = now;
      return;
    }
    const played = time - this.last;
    const allowed = (Math.max(0, now - this.lastWall) / 1000) * Math.max(rate, 1) + TOLERANCE_SECONDS;
    if (played < -0.25 || played > allowed) {
      this.close();
      this.start = time;
    }
    this.last = Math.max(time, this.start);
    this.lastWall = now;
  }

  /** Seeking, pausing, ending, or the tab hiding: the current interval ends where playback was. */
  interrupt(): void {
    this.close();
    this.start = null;
    this.last = null;
  }

  /** The position last seen (for resume). */
  get position(): number | null {
    return this.last;
  }

  /** Intervals played since the last take(), the open one included (it goes on from where it was cut). */
  take(): WatchedInterval[] {
    if (this.start !== null && this.last !== null && this.last > this.start) {
      this.closed.push({ from: this.start, to: this.last });
      this.start = this.last;
    }
    const out = this.closed.filter((i) => i.to - i.from >= 0.05).map((i) => ({ from: round(i.from), to: round(i.to) }));
    this.closed = [];
    return out;
  }

  private close(): void {
    if (this.start !== null && this.last !== null && this.last > this.start) this.closed.push({ from: this.start, to: this.last });
  }
}

const round = (s: number) => Math.round(s * 100) / 100;
