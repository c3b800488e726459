import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import type { StuckReason } from './api';

export const formatDate = (iso: string, lang: Language): string => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));

/** One reason a mentee is stuck, as a sentence. */
export function useStuckText() {
  const { t } = useTranslation();
  return (reason: StuckReason): string => {
    const values = { days: reason.days ?? 0, failures: reason.failures ?? 0, lesson: reason.lessonTitle ?? '', course: reason.courseTitle ?? '' };
    switch (reason.kind) {
      case 'not_started':
        return t('mentoring.stuck.not_started', values);
      case 'inactive':
        return t('mentoring.stuck.inactive', values);
      case 'lesson_stalled':
        return t('mentoring.stuck.lesson_stalled', values);
      case 'quiz_failed':
        return t('mentoring.stuck.quiz_failed', values);
    }
  };
}

/** Where a mentee is stuck (a list), or that all is well. */
export function StuckList({ reasons }: { reasons: readonly StuckReason[] }) {
  const { t } = useTranslation();
  const text = useStuckText();
  if (reasons.length === 0) return <p className="mentee-ok">{t('mentoring.dashboard.notStuck')}</p>;
  return (
    <div className="mentee-stuck">
      <p className="mentee-stuck__title">{t('mentoring.dashboard.stuckTitle')}</p>
      <ul>
        {reasons.map((reason, index) => (
          <li key={`${reason.kind}-${index}`}>{text(reason)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A v4 UUID for a nudge's client id (crypto.randomUUID needs a secure context; plain http on a LAN too). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
