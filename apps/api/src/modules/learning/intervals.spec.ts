import fc from 'fast-check';
import { coveredSeconds, fromMultirange, normalize, requiredSeconds, toMultirange, toSecondInterval, union, watchedPercent, type Interval } from './intervals';

const interval = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 120 })).map(([a, len]): Interval => [a, a + len]);
const intervals = fc.array(interval, { maxLength: 30 });

/** The reference: a set of whole seconds. */
function seconds(set: Iterable<Interval>): Set<number> {
  const out = new Set<number>();
  for (const [a, b] of set) for (let s = a; s < b; s++) out.add(s);
  return out;
}

describe('watched intervals', () => {
  it('merges overlapping and adjacent intervals and drops empty ones', () => {
    expect(normalize([[10, 20], [0, 5], [5, 8], [15, 30], [40, 40]])).toEqual([[0, 8], [10, 30]]);
    expect(coveredSeconds([[0, 10], [5, 15]])).toBe(15);
  });

  it('skipping ahead covers nothing in between', () => {
    // watched 0–10, jumped to 590, watched to the end of a 600 s video: 20 distinct seconds
    expect(coveredSeconds(union([[0, 10]], [[590, 600]]))).toBe(20);
    expect(watchedPercent(20, 600)).toBe(3);
  });

  it('clips played stretches to the video and to whole seconds', () => {
    expect(toSecondInterval(-3, 4.6, 100)).toEqual([0, 5]);
    expect(toSecondInterval(95.2, 130, 100)).toEqual([95, 100]);
    expect(toSecondInterval(10.2, 10.4, 100)).toBeNull();
    expect(requiredSeconds(600, 90)).toBe(540);
    expect(requiredSeconds(0.4, 90)).toBe(1);
  });

  it('round-trips PostgreSQL multirange text', () => {
    expect(toMultirange([[20, 30], [0, 10]])).toBe('{[0,10),[20,30)}');
    expect(fromMultirange('{[0,10),[20,30)}')).toEqual([[0, 10], [20, 30]]);
    expect(fromMultirange('{}')).toEqual([]);
    expect(fromMultirange('{[0,3]}')).toEqual([[0, 4]]);
  });

  it('property: the union covers exactly the seconds of its parts', () => {
    fc.assert(
      fc.property(intervals, intervals, (x, y) => {
        const u = union(x, y);
        expect(seconds(u)).toEqual(new Set([...seconds(x), ...seconds(y)]));
        expect(coveredSeconds(u)).toBe(seconds(u).size);
      }),
    );
  });

  it('property: the union is order-independent (commutative, associative, any permutation)', () => {
    fc.assert(
      fc.property(intervals, intervals, intervals, (x, y, z) => {
        expect(union(x, y)).toEqual(union(y, x));
        expect(union(union(x, y), z)).toEqual(union(x, union(y, z)));
        expect(normalize([...x].reverse())).toEqual(normalize(x));
      }),
    );
  });

  it('property: the union is idempotent (a repeated event changes nothing)', () => {
    fc.assert(
      fc.property(intervals, intervals, (x, y) => {
        const once = union(x, y);
        expect(union(once, y)).toEqual(once);
        expect(union(once, once)).toEqual(once);
      }),
    );
  });

  it('property: folding events one by one never decreases the watched seconds', () => {
    fc.assert(
      fc.property(intervals, (events) => {
        let state: Interval[] = [];
        let before = 0;
        for (const event of events) {
          state = union(state, [event]);
          const now = coveredSeconds(state);
          expect(now).toBeGreaterThanOrEqual(before);
          before = now;
        }
        expect(fromMultirange(toMultirange(state))).toEqual(state);
      }),
    );
  });
});
