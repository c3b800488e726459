import type { TFunction } from 'i18next';
import type { ClassSchedule } from './api';

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'vi-VN');

/** "Thứ Tư hằng tuần, 19:00, 90 phút" / "Every Wednesday, 19:00, 90 minutes". */
export function scheduleText(schedule: ClassSchedule, t: TFunction, lang: string): string {
  const weekday = t(`community.weekday.${schedule.weekday}` as 'community.weekday.1');
  return t('community.class.schedule', { weekday, time: schedule.startTime, minutes: schedule.durationMinutes, from: formatDate(schedule.firstDate, lang) });
}

/** A date of the Asia/Ho_Chi_Minh calendar (classes are local). */
export function formatDate(value: string, lang: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
}

export function formatDateTime(value: string, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(value));
}
