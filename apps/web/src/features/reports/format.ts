import { TARGET_GROUPS } from '@hocso/curriculum';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';

/** Numbers, shares and dates of the reports pages in the UI language. */
export function formatters(lang: Language) {
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  return {
    number: (value: number) => number.format(value),
    /** A share 0…1 as a percentage ("45,5 %"). */
    percent: (share: number) => percent.format(share),
    /** "2026-03" → "thg 3" / "Mar". */
    month: (yyyyMm: string) => month.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** The name of a target group ("all" and none included). */
export function groupName(t: TFunction, id: string | null | undefined, lang: Language): string {
  if (!id || id === 'all') return t('reports.targetGroup.all');
  if (id === 'none') return t('reports.targetGroup.none');
  return TARGET_GROUPS.find((g) => g.id === id)?.name[lang] ?? id;
}

export const TARGET_METRICS = ['coverage_percent', 'confirmed_count', 'registered_count', 'completed_count'] as const;
export type TargetMetricName = (typeof TARGET_METRICS)[number];

export function metricName(t: TFunction, metric: string): string {
  return (TARGET_METRICS as readonly string[]).includes(metric) ? t(`reports.targetMetric.${metric as TargetMetricName}`) : metric;
}

/** Years offered in the filters: this year and the four before it. */
export function recentYears(now = new Date()): number[] {
  const year = now.getFullYear();
  return [year, year - 1, year - 2, year - 3, year - 4];
}

/** A year from the address (`?nam=2026`), or this year. */
export function yearParam(value: string | null, now = new Date()): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2020 && year <= 2100 ? year : now.getFullYear();
}
