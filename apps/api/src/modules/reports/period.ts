/**
 * Reporting periods (pure). Labels: '2026' (year), '2026-H1' (half), '2026-Q3' (quarter), '2026-07'
 * (month). Days are Vietnam calendar days; months are given by their first day ('2026-07-01').
 */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  label: string;
  kind: PeriodKind;
  year: number;
  /** First month (YYYY-MM-01) and last month (YYYY-MM-01) of the period. */
  firstMonth: string;
  lastMonth: string;
  /** First and last day (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** The time zone of report days. */
export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const pad = (n: number) => String(n).padStart(2, '0');
export const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;

/** Last day of a month (1-12) as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

function build(label: string, kind: PeriodKind, year: number, first: number, last: number): Period {
  return { label, kind, year, firstMonth: monthStart(year, first), lastMonth: monthStart(year, last), from: monthStart(year, first), to: monthEnd(year, last) };
}

/** Parses a period label; undefined when it is not one (years 2000–2100). */
export function parsePeriod(label: string): Period | undefined {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(label.trim().toUpperCase());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  const part = m[2];
  if (!part) return build(`${year}`, 'year', year, 1, 12);
  if (part.startsWith('H')) {
    const h = Number(part.slice(1));
    return build(`${year}-H${h}`, 'half', year, h * 6 - 5, h * 6);
  }
  if (part.startsWith('Q')) {
    const q = Number(part.slice(1));
    return build(`${year}-Q${q}`, 'quarter', year, q * 3 - 2, q * 3);
  }
  const month = Number(part);
  if (month < 1 || month > 12) return undefined;
  return build(`${year}-${pad(month)}`, 'month', year, month, month);
}

/** The label of a periodic report: ('quarter', 2026, 3) → '2026-Q3'; undefined when the part does not fit the kind. */
export function reportPeriodLabel(kind: 'quarter' | 'half' | 'year', year: number, part: number | null | undefined): string | undefined {
  if (kind === 'year') return part == null ? `${year}` : undefined;
  const max = kind === 'quarter' ? 4 : 2;
  if (part == null || !Number.isInteger(part) || part < 1 || part > max) return undefined;
  return `${year}-${kind === 'quarter' ? 'Q' : 'H'}${part}`;
}

/** Every month start from `first` to `last` (both YYYY-MM-01 or YYYY-MM), in order. */
export function monthsBetween(first: string, last: string): string[] {
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(monthStart(y, m));
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Today in Vietnam as YYYY-MM-DD. */
/** Built once: constructing an Intl.DateTimeFormat is costly, and every request asks for today. */
const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: REPORT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function localToday(now: Date = new Date()): string {
  return LOCAL_DAY.format(now);
}

/** The day up to which the active count of a period runs: its last day, or today when the period is not over. */
export function activeAsOf(period: Pick<Period, 'to'>, today: string): string {
  return period.to < today ? period.to : today;
}
