import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ProgressEvent, ProgressEventType } from './api';
import { newEventId, progressQueueFor, type ProgressQueue, type SyncStatus } from './progressQueue';
import { WatchTracker } from './watchTracker';

/** How often watched intervals go out while a video plays. */
export const BATCH_INTERVAL_MS = 10_000;

const positionKey = (lessonId: string) => `hocso.position.${lessonId}`;

/** The last position seen on this device (fallback when the server's is not there yet). */
export function localPosition(lessonId: string): { seconds: number; at: number } | null {
  try {
    const raw = window.localStorage.getItem(positionKey(lessonId));
    if (!raw) return null;
    const v = JSON.parse(raw) as { seconds?: unknown; at?: unknown };
    return typeof v.seconds === 'number' && typeof v.at === 'number' ? { seconds: v.seconds, at: v.at } : null;
  } catch {
    return null;
  }
}

function storeLocalPosition(lessonId: string, seconds: number): void {
  try {
    window.localStorage.setItem(positionKey(lessonId), JSON.stringify({ seconds: Math.round(seconds * 10) / 10, at: Date.now() }));
  } catch {
    // storage full or disabled: the server's position still holds
  }
}

/**
 * Turns what happens in a lesson into progress events: watched intervals and the position of a
 * video (every ~10 s, on pause/end, and when the page is hidden or left), text opened/scrolled.
 */
export class LessonRecorder {
  readonly tracker = new WatchTracker();
  private lastSentPosition: number | null = null;
  private lastLocalWrite = 0;

  constructor(
    readonly queue: ProgressQueue,
    readonly lessonId: string,
  ) {}

  private event(type: ProgressEventType, extra: Partial<ProgressEvent> = {}): ProgressEvent {
    return { id: newEventId(), lessonId: this.lessonId, type, at: new Date().toISOString(), ...extra };
  }

  record(type: ProgressEventType, extra: Partial<ProgressEvent> = {}): void {
    void this.queue.enqueue([this.event(type, extra)]);
  }

  /** A `timeupdate` while playing. */
  time(seconds: number, rate: number): void {
    this.tracker.onTime(seconds, Date.now(), rate);
    if (Date.now() - this.lastLocalWrite > 1000) {
      this.lastLocalWrite = Date.now();
      storeLocalPosition(this.lessonId, seconds);
    }
  }

  /** Seek, pause or end: the current interval stops here. */
  interrupt(position?: number): void {
    this.tracker.interrupt();
    if (position !== undefined) storeLocalPosition(this.lessonId, position);
  }

  /** Sends what was watched since the last flush, and the position. */
  flush(position: number | null, leaving = false): void {
    const events: ProgressEvent[] = this.tracker.take().map((i) => this.event('video_watched', { from: i.from, to: i.to }));
    if (position !== null && Number.isFinite(position) && (leaving || position !== this.lastSentPosition)) {
      this.lastSentPosition = position;
      storeLocalPosition(this.lessonId, position);
      events.push(this.event('video_position', { position: Math.round(position * 100) / 100 }));
    }
    if (events.length === 0) return;
    if (leaving) this.queue.sendNow(events);
    else void this.queue.enqueue(events);
  }
}

export function useLessonRecorder(userId: string, lessonId: string): LessonRecorder {
  return useMemo(() => new LessonRecorder(progressQueueFor(userId), lessonId), [userId, lessonId]);
}

export function useSyncStatus(queue: ProgressQueue): SyncStatus {
  return useSyncExternalStore(queue.subscribe, queue.getStatus, queue.getStatus);
}

/** Calls `leave` when the page is hidden or left (tab closed, app switched, phone locked). */
export function usePageLeave(leave: () => void): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', leave);
    };
  }, [leave]);
}
