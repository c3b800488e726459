import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../identity/auth-user';
import type { ReviewTaskDto } from './dto/attempt.dto';

/**
 * Who may grade an attempt's free-text answers: reviewers and administrators grade for every course;
 * an author only for the courses they author (course_authors), like a teacher of the course.
 * SQL condition on alias `a` (quiz_attempts); parameters: $allCourses (boolean), $user.
 */
export function mayGrade(allCoursesParam: string, userParam: string): string {
  return `(${allCoursesParam}::boolean OR EXISTS (
            SELECT 1 FROM lessons gl JOIN course_modules gm ON gm.id = gl.module_id JOIN course_versions gv ON gv.id = gm.version_id
              JOIN course_authors ca ON ca.course_id = gv.course_id AND ca.user_id = ${userParam}
             WHERE gl.id = a.lesson_id))`;
}

export function gradesEveryCourse(user: AuthUser): boolean {
  return user.roles.some((r) => r.role === 'reviewer' || r.role === 'administrator');
}

/** The manual-grading queue: free-text answers waiting for a person (oldest first, never the reviewer's own). */
@Injectable()
export class ReviewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async pending(reviewer: AuthUser): Promise<ReviewTaskDto[]> {
    const rows = (await this.db.query(
      `SELECT ai.attempt_id AS "attemptId", ai.item_id AS "itemId", q.title AS "quizTitle", i.stem, i.answer_key->>'rubric' AS rubric,
              coalesce(ai.response->>'text', '') AS answer, a.submitted_at AS "submittedAt"
         FROM attempt_items ai JOIN quiz_attempts a ON a.id = ai.attempt_id JOIN quizzes q ON q.id = a.quiz_id
         JOIN assessment_items i ON i.id = ai.item_id
        WHERE ai.needs_review AND a.status = 'pending_review' AND a.user_id <> $1 AND ${mayGrade('$2', '$1')}
        ORDER BY a.submitted_at, ai.position LIMIT 200`,
      [reviewer.id, gradesEveryCourse(reviewer)],
    )) as (Omit<ReviewTaskDto, 'submittedAt'> & { submittedAt: Date })[];
    return rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() }));
  }
}
