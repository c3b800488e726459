import type { TFunction } from 'i18next';

/** "30 giây", "2 phút", "1 giờ": a wait in words, rounded up to what a person would say. */
export function formatWait(t: TFunction, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return t('time.seconds', { count: s });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return t('time.minutes', { count: minutes });
  return t('time.hours', { count: Math.ceil(minutes / 60) });
}
