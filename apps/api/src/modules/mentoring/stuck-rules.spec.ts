import { isActiveLearner, STUCK_RULES, stuckReasons, type MenteeFacts } from './stuck-rules';

const now = new Date('2026-12-02T08:00:00Z');
const daysAgo = (d: number, hours = 0) => new Date(now.getTime() - d * 86_400_000 - hours * 3_600_000);
const facts = (over: Partial<MenteeFacts> = {}): MenteeFacts => ({
  followedSince: daysAgo(30),
  lastActivityAt: daysAgo(1),
  enrolments: 1,
  openLessons: [],
  quizzes: [],
  ...over,
});

describe('stuckReasons', () => {
  it('finds nothing for a mentee learning this week', () => {
    expect(stuckReasons(facts(), now)).toEqual([]);
  });

  it('flags no enrolment only after the grace days', () => {
    expect(stuckReasons(facts({ enrolments: 0, lastActivityAt: null, followedSince: daysAgo(2, 23) }), now)).toEqual([]);
    expect(stuckReasons(facts({ enrolments: 0, lastActivityAt: null, followedSince: daysAgo(3) }), now)).toEqual([{ kind: 'not_started', days: 3 }]);
  });

  it('flags 7 days without activity, not 6 days 23 hours', () => {
    expect(stuckReasons(facts({ lastActivityAt: daysAgo(6, 23) }), now)).toEqual([]);
    expect(stuckReasons(facts({ lastActivityAt: daysAgo(7) }), now)).toEqual([{ kind: 'inactive', days: 7 }]);
    expect(stuckReasons(facts({ lastActivityAt: daysAgo(40) }), now)).toEqual([{ kind: 'inactive', days: 40 }]);
  });

  it('flags lessons opened long ago and not completed, oldest first, at most three, ignoring completed courses', () => {
    const lesson = (title: string, days: number, courseCompleted = false) => ({ courseTitle: 'Khoá A', lessonTitle: title, openedAt: daysAgo(days), courseCompleted });
    const reasons = stuckReasons(
      facts({ openLessons: [lesson('Bài 1', 6), lesson('Bài 2', 8), lesson('Bài 3', 20), lesson('Bài 4', 9), lesson('Bài 5', 10), lesson('Bài 6', 30, true)] }),
      now,
    );
    expect(reasons).toEqual([
      { kind: 'lesson_stalled', days: 20, courseTitle: 'Khoá A', lessonTitle: 'Bài 3' },
      { kind: 'lesson_stalled', days: 10, courseTitle: 'Khoá A', lessonTitle: 'Bài 5' },
      { kind: 'lesson_stalled', days: 9, courseTitle: 'Khoá A', lessonTitle: 'Bài 4' },
    ]);
    expect(reasons).toHaveLength(STUCK_RULES.MAX_STALLED);
  });

  it('flags a quiz failed repeatedly and never passed', () => {
    const quiz = (failedAttempts: number, passed: boolean) => ({ courseTitle: 'Khoá A', lessonTitle: 'Kiểm tra', failedAttempts, passed });
    expect(stuckReasons(facts({ quizzes: [quiz(1, false)] }), now)).toEqual([]);
    expect(stuckReasons(facts({ quizzes: [quiz(3, true)] }), now)).toEqual([]);
    expect(stuckReasons(facts({ quizzes: [quiz(2, false)] }), now)).toEqual([{ kind: 'quiz_failed', failures: 2, courseTitle: 'Khoá A', lessonTitle: 'Kiểm tra' }]);
  });

  it('combines reasons', () => {
    const reasons = stuckReasons(
      facts({ lastActivityAt: daysAgo(12), openLessons: [{ courseTitle: 'K', lessonTitle: 'B', openedAt: daysAgo(12), courseCompleted: false }], quizzes: [{ courseTitle: 'K', lessonTitle: 'Q', failedAttempts: 2, passed: false }] }),
      now,
    );
    expect(reasons.map((r) => r.kind)).toEqual(['inactive', 'lesson_stalled', 'quiz_failed']);
  });
});

describe('isActiveLearner', () => {
  it('is active with activity in the last 30 days', () => {
    expect(isActiveLearner(daysAgo(30), now)).toBe(true);
    expect(isActiveLearner(daysAgo(30, 1), now)).toBe(false);
    expect(isActiveLearner(null, now)).toBe(false);
  });
});
