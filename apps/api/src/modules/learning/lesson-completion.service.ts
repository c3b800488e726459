import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CompletionHooks } from './completion-hooks';
import { LearningJobs } from './learning-jobs.service';
import { completionRuleOf, LessonDirectory } from './lesson-directory';
import { recordCourseCompletions } from './progress-writer';
import { LearningService } from './learning.service';

export interface CompletionSource {
  /** What completed the lesson: 'quiz' for a passed attempt, … */
  source: string;
  /** The attempt (or other record) that did it. */
  sourceId?: string | null;
  /** Alias of sourceId for quizzes. */
  attemptId?: string | null;
}

export interface CompleteLessonResult {
  /** This call completed the lesson (false: it was completed before). */
  completedNow: boolean;
  completedAt: Date;
  /** Courses this completion completed (recorded once; the CourseCompleted job is enqueued). */
  completedCourseIds: string[];
}

/**
 * Completion of lessons that do not complete from progress events, e.g. a quiz passed
 * (AssessmentService calls `completeLesson(userId, lessonId, { source: 'quiz', attemptId })`).
 * Idempotent: completed_at is set once; the course completion is recorded at most once.
 * Runs its own transaction; listeners and jobs run after the commit.
 */
@Injectable()
export class LessonCompletionService {
  private readonly logger = new Logger(LessonCompletionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: LessonDirectory,
    private readonly hooks: CompletionHooks,
    private readonly jobs: LearningJobs,
    private readonly learning: LearningService,
  ) {}

  async completeLesson(userId: string, lessonId: string, by: CompletionSource): Promise<CompleteLessonResult> {
    const meta = (await this.directory.lessons([lessonId])).get(lessonId);
    if (!meta) throw new NotFoundException(`There is no lesson ${lessonId}.`);
    const sourceId = by.sourceId ?? by.attemptId ?? null;
    const { row, courses } = await this.dataSource.transaction(async (manager) => {
      const [written] = (await manager.query(
        `INSERT INTO lesson_progress AS lp (user_id, course_id, lesson_key, lesson_id, version_id, completion_rule, required_seconds,
                                            opened_at, completed_at, completion_source, completion_source_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, now(), now(), $7, $8, now())
         ON CONFLICT (user_id, course_id, lesson_key) DO UPDATE SET
           completed_at = COALESCE(lp.completed_at, now()),
           completion_source = CASE WHEN lp.completed_at IS NULL THEN EXCLUDED.completion_source ELSE lp.completion_source END,
           completion_source_id = CASE WHEN lp.completed_at IS NULL THEN EXCLUDED.completion_source_id ELSE lp.completion_source_id END,
           opened_at = COALESCE(lp.opened_at, now()),
           updated_at = now()
         RETURNING lp.completed_at, (lp.completed_at = now()) AS just_completed`,
        [userId, meta.courseId, meta.lessonKey, meta.id, meta.versionId, completionRuleOf(meta.kind), by.source.slice(0, 20), sourceId?.slice(0, 100) ?? null],
      )) as { completed_at: Date; just_completed: boolean }[];
      const completed = written!.just_completed ? await recordCourseCompletions(manager, [{ userId, courseId: meta.courseId }]) : [];
      return { row: written!, courses: completed };
    });
    if (row.just_completed) {
      await this.hooks.lessonCompleted([
        { userId, courseId: meta.courseId, lessonId: meta.id, lessonKey: meta.lessonKey, source: by.source, sourceId, completedAt: row.completed_at },
      ]);
      await this.jobs
        .mirror({ kind: 'lesson-completed', userId, courseId: meta.courseId, lessonKey: meta.lessonKey, lessonKind: meta.kind, source: by.source, completedAt: row.completed_at.toISOString() })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not enqueue the xAPI mirror of a lesson completion'));
    }
    await this.learning.courseCompletedJobs(courses);
    return { completedNow: row.just_completed, completedAt: row.completed_at, completedCourseIds: courses.map((c) => c.course_id) };
  }
}
