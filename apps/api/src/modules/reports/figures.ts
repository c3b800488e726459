import type { CountsDto, FiguresDto } from './dto/reports.dto';

/** Pure assembly of figures from rollup rows. */

/** Built once (localeCompare with a locale builds a collator per call). */
const VI = new Intl.Collator('vi');

export const COUNT_KEYS = ['registered', 'enrolled', 'completed', 'certified', 'confirmed', 'householdsCovered', 'classesHeld', 'attendance'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export const zeroCounts = (): CountsDto => ({ registered: 0, enrolled: 0, completed: 0, certified: 0, confirmed: 0, householdsCovered: 0, classesHeld: 0, attendance: 0 });

export function addCounts(into: CountsDto, from: Partial<CountsDto>): CountsDto {
  for (const k of COUNT_KEYS) into[k] += Number(from[k] ?? 0);
  return into;
}

export function emptyFigures(activeAsOf: string): FiguresDto {
  return { ...zeroCounts(), newInPeriod: zeroCounts(), active30d: 0, activeAsOf, mentors: 0, mentees: 0, population: null, coverage: null };
}

/** confirmed / population, rounded to 4 decimals; null without a population. */
export function coverageOf(confirmed: number, population: number | null): number | null {
  if (!population || population <= 0) return null;
  return Math.round((confirmed / population) * 10_000) / 10_000;
}

/** Population rows (unit, group, year) → for each unit and group, the value of the latest year ≤ `year`. */
export function pickPopulation(rows: readonly { unitId: string; targetGroup: string; year: number; population: string | number }[], year: number): Map<string, Map<string, number>> {
  const best = new Map<string, Map<string, { year: number; population: number }>>();
  for (const r of rows) {
    if (r.year > year) continue;
    const groups = best.get(r.unitId) ?? new Map<string, { year: number; population: number }>();
    best.set(r.unitId, groups);
    const current = groups.get(r.targetGroup);
    if (!current || current.year < r.year) groups.set(r.targetGroup, { year: r.year, population: Number(r.population) });
  }
  return new Map([...best].map(([unit, groups]) => [unit, new Map([...groups].map(([g, v]) => [g, v.population]))]));
}

/** Ranks by coverage (highest first; unknown last), then confirmed, then name. */
export function rankByCoverage<T extends { unit: { name: string }; figures: FiguresDto }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort(
    (a, b) =>
      (b.figures.coverage ?? -1) - (a.figures.coverage ?? -1) ||
      b.figures.confirmed - a.figures.confirmed ||
      VI.compare(a.unit.name, b.unit.name),
  );
  return sorted.map((item, i) => ({ ...item, rank: i + 1 }));
}
