import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { LessonCompletionService } from '../learning/lesson-completion.service';

export interface QuizCompletionSource {
  source: 'quiz';
  sourceId: string;
}

/**
 * Reports a passed quiz lesson to LearningModule's `LessonCompletionService.completeLesson`
 * (idempotent there). Resolved from the whole application (ModuleRef, strict: false) so the
 * assessment module does not import LearningModule (and its media/xAPI dependencies) itself; the
 * API and the worker both import LearningModule. Without it (a trimmed test app) a warning is logged.
 */
@Injectable()
export class LessonCompletionPort implements OnModuleInit {
  private readonly logger = new Logger('Assessment');
  private service: Pick<LessonCompletionService, 'completeLesson'> | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    try {
      this.service = this.moduleRef.get(LessonCompletionService, { strict: false });
    } catch {
      this.service = undefined;
    }
  }

  async completeLesson(userId: string, lessonId: string, by: QuizCompletionSource): Promise<void> {
    if (!this.service) {
      this.logger.warn({ userId, lessonId, ...by }, 'LessonCompletionService is not available: the passed quiz lesson was not reported');
      return;
    }
    await this.service.completeLesson(userId, lessonId, { source: by.source, sourceId: by.sourceId, attemptId: by.sourceId });
  }
}
