/**
 * Where a mentee is stuck: pure rules over facts read from the learning tables, so that they are
 * unit-tested and the same everywhere (dashboard list and detail).
 *
 * - `not_started`: followed for at least NOT_STARTED_DAYS days and no course enrolled yet.
 * - `inactive`: the last learning activity is INACTIVE_DAYS days old or more.
 * - `lesson_stalled`: a lesson opened STALLED_LESSON_DAYS days ago or more and still not completed
 *   (at most MAX_STALLED of them, the oldest first; lessons of completed courses do not count).
 * - `quiz_failed`: a quiz failed QUIZ_FAILURES times or more (graded attempts) and never passed.
 */
export const STUCK_RULES = {
  NOT_STARTED_DAYS: 3,
  INACTIVE_DAYS: 7,
  STALLED_LESSON_DAYS: 7,
  QUIZ_FAILURES: 2,
  MAX_STALLED: 3,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface OpenLessonFact {
  courseTitle: string;
  lessonTitle: string;
  openedAt: Date;
  courseCompleted: boolean;
}

export interface QuizFact {
  courseTitle: string;
  lessonTitle: string;
  failedAttempts: number;
  passed: boolean;
}

export interface MenteeFacts {
  /** When the mentorship became active. */
  followedSince: Date;
  lastActivityAt: Date | null;
  enrolments: number;
  openLessons: readonly OpenLessonFact[];
  quizzes: readonly QuizFact[];
}

export type StuckReason =
  | { kind: 'not_started'; days: number }
  | { kind: 'inactive'; days: number }
  | { kind: 'lesson_stalled'; days: number; courseTitle: string; lessonTitle: string }
  | { kind: 'quiz_failed'; failures: number; courseTitle: string; lessonTitle: string };

/** Whole days between two instants (rounded down, never negative). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** The reasons a mentee looks stuck at `now`, most general first; empty when all is well. */
export function stuckReasons(facts: MenteeFacts, now: Date): StuckReason[] {
  const reasons: StuckReason[] = [];
  if (facts.enrolments === 0) {
    const days = daysBetween(facts.followedSince, now);
    if (days >= STUCK_RULES.NOT_STARTED_DAYS) reasons.push({ kind: 'not_started', days });
  }
  if (facts.lastActivityAt) {
    const days = daysBetween(facts.lastActivityAt, now);
    if (days >= STUCK_RULES.INACTIVE_DAYS) reasons.push({ kind: 'inactive', days });
  }
  const stalled = facts.openLessons
    .filter((l) => !l.courseCompleted)
    .map((l) => ({ ...l, days: daysBetween(l.openedAt, now) }))
    .filter((l) => l.days >= STUCK_RULES.STALLED_LESSON_DAYS)
    .sort((a, b) => b.days - a.days || a.lessonTitle.localeCompare(b.lessonTitle))
    .slice(0, STUCK_RULES.MAX_STALLED);
  for (const l of stalled) reasons.push({ kind: 'lesson_stalled', days: l.days, courseTitle: l.courseTitle, lessonTitle: l.lessonTitle });
  for (const q of facts.quizzes) {
    if (!q.passed && q.failedAttempts >= STUCK_RULES.QUIZ_FAILURES) {
      reasons.push({ kind: 'quiz_failed', failures: q.failedAttempts, courseTitle: q.courseTitle, lessonTitle: q.lessonTitle });
    }
  }
  return reasons;
}

/** Active mentee: learning activity within this many days (the unit view's definition). */
export const ACTIVE_DAYS = 30;
/** The movement asks each mentor to follow at least this many (active) mentees. */
export const MENTEES_MINIMUM = 5;

export function isActiveLearner(lastActivityAt: Date | null, now: Date): boolean {
  return lastActivityAt !== null && now.getTime() - lastActivityAt.getTime() <= ACTIVE_DAYS * DAY_MS;
}
