import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReviewTaskDto } from './dto/attempt.dto';

/** The manual-grading queue: free-text answers waiting for a person (oldest first, never the reviewer's own). */
@Injectable()
export class ReviewsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async pending(reviewerId: string): Promise<ReviewTaskDto[]> {
    const rows = (await this.db.query(
      `SELECT ai.attempt_id AS "attemptId", ai.item_id AS "itemId", q.title AS "quizTitle", i.stem, i.answer_key->>'rubric' AS rubric,
              coalesce(ai.response->>'text', '') AS answer, a.submitted_at AS "submittedAt"
         FROM attempt_items ai JOIN quiz_attempts a ON a.id = ai.attempt_id JOIN quizzes q ON q.id = a.quiz_id
         JOIN assessment_items i ON i.id = ai.item_id
        WHERE ai.needs_review AND a.status = 'pending_review' AND a.user_id <> $1
        ORDER BY a.submitted_at, ai.position LIMIT 200`,
      [reviewerId],
    )) as (Omit<ReviewTaskDto, 'submittedAt'> & { submittedAt: Date })[];
    return rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() }));
  }
}
