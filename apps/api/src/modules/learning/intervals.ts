/**
 * Watched-interval arithmetic of video lessons, pure. An interval is [from, to) in whole seconds of
 * the video; a set of intervals is kept sorted, disjoint and non-adjacent (normalised), so that its
 * size is the number of distinct seconds watched. Union is commutative, associative and idempotent,
 * and never shrinks a set: the order in which (or how often) events arrive cannot change the result.
 * PostgreSQL's int4multirange `+` (used by the progress writer) is the same algebra on the same
 * half-open integer ranges; these functions are the reference for it and for the batch merges.
 */
export type Interval = readonly [from: number, to: number];

/** Whole seconds covered by a played stretch [from, to) of a video of `duration` seconds (clipped; empty → null). */
export function toSecondInterval(from: number, to: number, duration: number): Interval | null {
  const a = Math.max(0, Math.round(from));
  const b = Math.min(Math.round(to), Math.ceil(duration));
  return b > a ? [a, b] : null;
}

/** Sorted, disjoint, non-adjacent intervals with from < to. */
export function normalize(intervals: Iterable<Interval>): Interval[] {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The union of interval sets. */
export function union(...sets: Iterable<Interval>[]): Interval[] {
  return normalize(sets.flatMap((s) => [...s]));
}

/** Number of distinct seconds covered. */
export function coveredSeconds(intervals: Iterable<Interval>): number {
  return normalize(intervals).reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** Share of a video watched, 0..100 (whole percent, rounded down so 100 means everything). */
export function watchedPercent(watchedSeconds: number, durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0;
  return Math.min(100, Math.floor((watchedSeconds * 100) / Math.ceil(durationSeconds)));
}

/** Distinct seconds to watch for a video of `durationSeconds` to count as done at `completionPercent`. */
export function requiredSeconds(durationSeconds: number, completionPercent: number): number {
  return Math.max(1, Math.ceil((Math.ceil(durationSeconds) * completionPercent) / 100));
}

/** PostgreSQL multirange literal of normalised intervals, e.g. `{[0,10),[20,30)}`. */
export function toMultirange(intervals: Iterable<Interval>): string {
  return `{${normalize(intervals).map(([a, b]) => `[${a},${b})`).join(',')}}`;
}

/** Parses PostgreSQL's text form of an int4multirange (canonical: `[a,b)` ranges). */
export function fromMultirange(text: string | null | undefined): Interval[] {
  if (!text) return [];
  const out: Interval[] = [];
  for (const match of text.matchAll(/([[(])(-?\d*),(-?\d*)([\])])/g)) {
    const a = Number(match[2]) + (match[1] === '(' ? 1 : 0);
    const b = Number(match[3]) + (match[4] === ']' ? 1 : 0);
    out.push([a, b]);
  }
  return normalize(out);
}
