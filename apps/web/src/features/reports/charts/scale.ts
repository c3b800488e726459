/**
 * Pure helpers of the charts: "nice" axis ticks, which labels fit, and the one-sentence summary
 * a screen reader hears (role="img" + aria-label).
 */

/** The smallest "nice" number (1, 2, 2.5 or 5 × 10^n) at or above `value`; 1 for 0 or less. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power + 1e-9) return step * power;
  }
  return 10 * power;
}

/** Evenly spaced ticks from 0 to a nice maximum at or above `max` (whole numbers for counts). */
export function ticks(max: number, count = 4, whole = true): number[] {
  const top = niceCeil(max);
  let step = niceCeil(top / count);
  if (whole) step = Math.max(1, Math.ceil(step));
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  if (out[out.length - 1]! < max) out.push(Number((out[out.length - 1]! + step).toFixed(6)));
  return out;
}

/** Every how many x-axis labels one is shown, so that labels of `labelWidth` px fit in `width` px. */
export function labelStride(count: number, width: number, labelWidth: number): number {
  if (count <= 1 || width <= 0) return 1;
  const fit = Math.max(1, Math.floor(width / Math.max(1, labelWidth)));
  return Math.max(1, Math.ceil(count / fit));
}

export interface SeriesSummaryInput {
  name: string;
  values: readonly (number | null)[];
}

/** First and last known values and the highest one of a series (with the labels where they occur). */
export function describeSeries(labels: readonly string[], series: SeriesSummaryInput) {
  const known = series.values.map((value, index) => ({ value, label: labels[index] ?? '' })).filter((p): p is { value: number; label: string } => p.value !== null);
  if (known.length === 0) return undefined;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const highest = known.reduce((best, p) => (p.value > best.value ? p : best), first);
  return { first, last, highest };
}

/** Share of `actual` in `target` (0 when there is no target), for bars and percentages. */
export function shareOf(actual: number, target: number | null | undefined): number {
  if (!target || target <= 0) return 0;
  return actual / target;
}
