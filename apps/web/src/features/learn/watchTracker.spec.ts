import { WatchTracker } from './watchTracker';

/** Plays from `from` to `to` with a timeupdate every 250 ms of wall clock. */
function play(tracker: WatchTracker, from: number, to: number, start: number): number {
  let now = start;
  for (let t = from; t <= to + 1e-9; t += 0.25) {
    tracker.onTime(t, now);
    now += 250;
  }
  return now;
}

describe('WatchTracker', () => {
  it('records contiguous playback as one interval, cut into pieces by take()', () => {
    const tracker = new WatchTracker();
    const now = play(tracker, 0, 4, 0);
    expect(tracker.take()).toEqual([{ from: 0, to: 4 }]);
    play(tracker, 4.25, 6, now);
    expect(tracker.take()).toEqual([{ from: 4, to: 6 }]);
    expect(tracker.take()).toEqual([]);
  });

  it('a seek starts a new interval: skipped seconds are not counted', () => {
    const tracker = new WatchTracker();
    const now = play(tracker, 0, 3, 0);
    tracker.interrupt(); // seeking
    play(tracker, 15, 16, now + 100);
    expect(tracker.take()).toEqual([
      { from: 0, to: 3 },
      { from: 15, to: 16 },
    ]);
  });

  it('a jump with no seek event (larger than the wall clock allows) also starts a new interval', () => {
    const tracker = new WatchTracker();
    tracker.onTime(0, 0);
    tracker.onTime(1, 1000);
    tracker.onTime(10, 1250); // 9 s of media in 0.25 s
    tracker.onTime(11, 2250);
    expect(tracker.take()).toEqual([
      { from: 0, to: 1 },
      { from: 10, to: 11 },
    ]);
  });

  it('allows faster playback rates without cutting', () => {
    const tracker = new WatchTracker();
    tracker.onTime(0, 0, 1.5);
    tracker.onTime(1.5, 1000, 1.5);
    tracker.onTime(3, 2000, 1.5);
    expect(tracker.take()).toEqual([{ from: 0, to: 3 }]);
  });

  it('going backwards (a replay) starts a new interval', () => {
    const tracker = new WatchTracker();
    play(tracker, 5, 7, 0);
    tracker.onTime(2, 3000);
    tracker.onTime(3, 4000);
    expect(tracker.take()).toEqual([
      { from: 5, to: 7 },
      { from: 2, to: 3 },
    ]);
  });
});
