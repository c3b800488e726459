import { monthEnd } from './period';

/** Pure day and month arithmetic of the rollups (Vietnam days as YYYY-MM-DD). */

/** Every day from `from` to `to` (YYYY-MM-DD), inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The months (first days) of some days. */
export function monthsOf(days: readonly string[]): string[] {
  return [...new Set(days.map((d) => `${d.slice(0, 7)}-01`))].sort();
}

/** The months whose active count (30 days up to the month end, or today) includes one of these activity days. */
export function activeMonthsFor(days: readonly string[], today: string): string[] {
  const months = new Set<string>();
  const currentMonth = `${today.slice(0, 7)}-01`;
  for (const d of days) {
    const [y, mo] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    for (const [yy, mm] of [[y, mo], mo === 12 ? [y + 1, 1] : [y, mo + 1]] as [number, number][]) {
      const month = `${yy}-${String(mm).padStart(2, '0')}-01`;
      if (month > currentMonth) continue;
      const end = monthEnd(yy, mm);
      const asOf = end < today ? end : today;
      const windowStart = new Date(Date.parse(`${asOf}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      if (d >= windowStart && d <= asOf) months.add(month);
    }
  }
  return [...months].sort();
}
