import { useTranslation } from 'react-i18next';
import type { LessonKind, LessonState } from './api';

/** "(Video · 5 phút)" after a lesson's title. */
export function LessonKindLabel({ kind, minutes }: { kind: LessonKind; minutes?: number | null }) {
  const { t } = useTranslation();
  return (
    <span className="lesson-kind">
      ({t(`learn.kind.${kind}`)}
      {minutes ? ` · ${t('time.minutes', { count: minutes })}` : ''})
    </span>
  );
}

const STATE_ICON: Record<LessonState, string> = { locked: '🔒', available: '○', in_progress: '◐', completed: '✓' };

/** The learner's state of a lesson, as a visible word (not colour alone) with an icon hidden from screen readers. */
export function LessonStateLabel({ state, percent }: { state: LessonState; percent?: number | null }) {
  const { t } = useTranslation();
  return (
    <span className={`lesson-state lesson-state--${state}`}>
      <span aria-hidden="true">{STATE_ICON[state]} </span>
      {state === 'in_progress' && percent ? t('learn.state.inProgressPercent', { percent: Math.round(percent) }) : t(`learn.state.${state}`)}
    </span>
  );
}
