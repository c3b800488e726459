import { Injectable, Logger } from '@nestjs/common';

export interface LessonCompletedEventPayload {
  userId: string;
  courseId: string;
  lessonId: string;
  lessonKey: string;
  /** video | text | opened | quiz | … */
  source: string;
  sourceId: string | null;
  completedAt: Date;
}

export interface CourseCompletedEventPayload {
  completionId: string;
  userId: string;
  courseId: string;
  versionId: string;
  completedAt: Date;
}

/** A reaction to learning events. Must be idempotent: a course completion may be delivered more than once. */
export interface CompletionListener {
  /** In the process that committed the completion, right after the commit (best effort). */
  lessonCompleted?(event: LessonCompletedEventPayload): Promise<void> | void;
  /**
   * From the CourseCompleted job in the worker, after the commit, at least once (retried with
   * backoff until every listener succeeds; a crash between commit and enqueue is caught by the
   * learning sweep, which re-enqueues completions not yet notified).
   */
  courseCompleted?(event: CourseCompletedEventPayload): Promise<void> | void;
}

/**
 * Where other modules (certificates, assessment…) register reactions to completions:
 * `constructor(hooks: CompletionHooks) { hooks.register({ courseCompleted: (e) => … }) }`.
 */
@Injectable()
export class CompletionHooks {
  private readonly logger = new Logger(CompletionHooks.name);
  private readonly listeners: CompletionListener[] = [];

  register(listener: CompletionListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Best effort: a failing listener is logged and does not affect the learner's request. */
  async lessonCompleted(events: readonly LessonCompletedEventPayload[]): Promise<void> {
    for (const event of events) {
      for (const listener of this.listeners) {
        if (!listener.lessonCompleted) continue;
        try {
          await listener.lessonCompleted(event);
        } catch (error) {
          this.logger.error({ err: error, userId: event.userId, lessonId: event.lessonId }, 'lessonCompleted listener failed');
        }
      }
    }
  }

  /** Every listener runs; if any failed, throws afterwards (so the job is retried). */
  async courseCompleted(event: CourseCompletedEventPayload): Promise<void> {
    const errors: unknown[] = [];
    for (const listener of this.listeners) {
      if (!listener.courseCompleted) continue;
      try {
        await listener.courseCompleted(event);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} courseCompleted listener(s) failed`);
  }
}
