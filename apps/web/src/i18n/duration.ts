import type { TFunction } from 'i18next';

/** "khoảng 45 phút", "khoảng 2 giờ", "khoảng 1 giờ 30 phút" (rounded to 5 minutes past an hour). */
export function formatDuration(t: TFunction, totalMinutes: number): string {
  const minutes = Math.max(1, Math.round(totalMinutes));
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  let hours = Math.floor(minutes / 60);
  let rest = Math.round((minutes % 60) / 5) * 5;
  if (rest === 60) {
    hours += 1;
    rest = 0;
  }
  if (rest === 0) return t('duration.hours', { count: hours });
  return t('duration.hoursMinutes', { hours, minutes: rest });
}
