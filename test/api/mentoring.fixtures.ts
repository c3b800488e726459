import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { publishVersion, type FixtureVersion } from './learning-fixtures';

/**
 * Learning facts for the mentoring tests, written straight to the learning tables with times in
 * the past (what the progress API would have written days ago).
 */

/** A course of two text lessons and a quiz lesson, with its quiz. */
export async function mentoringCourse(db: DataSource, title = `Khoá kèm cặp ${randomUUID().slice(0, 6)}`): Promise<FixtureVersion & { quizId: string; title: string }> {
  const course = await publishVersion(db, { title, lessons: [{ kind: 'text', title: 'Mở đầu' }, { kind: 'text', title: 'Dùng Zalo an toàn' }, { kind: 'quiz', title: 'Bài kiểm tra cuối' }] });
  const [{ id: quizId }] = (await db.query(`INSERT INTO quizzes (lesson_key, title) VALUES ($1, 'Kiểm tra') RETURNING id`, [course.lessons[2].lessonKey])) as { id: string }[];
  return { ...course, quizId, title };
}

export async function enrol(db: DataSource, userId: string, course: FixtureVersion, daysAgo: number): Promise<void> {
  await db.query(`INSERT INTO enrolments (user_id, course_id, version_id, enrolled_at) VALUES ($1, $2, $3, now() - make_interval(days => $4))`, [
    userId,
    course.courseId,
    course.versionId,
    daysAgo,
  ]);
}

/** A lesson opened `openedDaysAgo` and, when `completedDaysAgo` is given, completed then. */
export async function lessonProgress(db: DataSource, userId: string, course: FixtureVersion, index: number, openedDaysAgo: number, completedDaysAgo?: number): Promise<void> {
  const lesson = course.lessons[index];
  const last = completedDaysAgo ?? openedDaysAgo;
  await db.query(
    `INSERT INTO lesson_progress (user_id, course_id, lesson_key, lesson_id, version_id, completion_rule, opened_at, completed_at, completion_source, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'text', now() - make_interval(days => $6), CASE WHEN $7::int IS NULL THEN NULL ELSE now() - make_interval(days => $7::int) END,
             CASE WHEN $7::int IS NULL THEN NULL ELSE 'text' END, now() - make_interval(days => $8))`,
    [userId, course.courseId, lesson.lessonKey, lesson.id, course.versionId, openedDaysAgo, completedDaysAgo ?? null, last],
  );
}

/** Graded attempts of the course's quiz, `daysAgo` old: one per entry of `passed`. */
export async function quizAttempts(db: DataSource, userId: string, course: FixtureVersion & { quizId: string }, passed: boolean[], daysAgo: number): Promise<void> {
  for (const [i, ok] of passed.entries()) {
    const [{ id }] = (await db.query(
      `INSERT INTO quiz_attempts (quiz_id, user_id, lesson_id, attempt_number, status, started_at, submitted_at)
       VALUES ($1, $2, $3, $4, 'graded', now() - make_interval(days => $5), now() - make_interval(days => $5)) RETURNING id`,
      [course.quizId, userId, course.lessons[2].id, i + 1, daysAgo],
    )) as { id: string }[];
    await db.query(`INSERT INTO grades (attempt_id, user_id, quiz_id, score, max_score, percent, passed) VALUES ($1, $2, $3, $4, 10, $5, $6)`, [
      id,
      userId,
      course.quizId,
      ok ? 9 : 3,
      ok ? 90 : 30,
      ok,
    ]);
  }
}

/** An active mentorship written directly (for counts), started `daysAgo`. */
export async function activeMentorship(db: DataSource, mentorId: string, menteeId: string, daysAgo = 10): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO mentorships (mentor_user_id, mentee_user_id, status, created_by, created_at, started_at)
     VALUES ($1, $2, 'active', $1, now() - make_interval(days => $3), now() - make_interval(days => $3)) RETURNING id`,
    [mentorId, menteeId, daysAgo],
  )) as { id: string }[];
  return id;
}
