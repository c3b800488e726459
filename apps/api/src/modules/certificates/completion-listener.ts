import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CompletionHooks } from '../learning/completion-hooks';
import { CertificatesService } from './certificates.service';

/**
 * Reacts to the learning module's completions (when LearningModule is part of the application):
 * a completed course → its certificate job; a passed quiz (new competency evidence) → a universalisation
 * check. Both are idempotent (deterministic job ids, UNIQUE constraints); the periodic sweep catches
 * anything missed.
 */
@Injectable()
export class CertificatesCompletionListener implements OnApplicationBootstrap {
  private readonly logger = new Logger('Certificates');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly certificates: CertificatesService,
  ) {}

  onApplicationBootstrap(): void {
    let hooks: CompletionHooks | undefined;
    try {
      hooks = this.moduleRef.get(CompletionHooks, { strict: false });
    } catch {
      hooks = undefined;
    }
    if (!hooks) {
      this.logger.warn('LearningModule is not loaded: certificates rely on the periodic sweep of course_completions');
      return;
    }
    hooks.register({
      courseCompleted: (event) => this.certificates.requestCourseCertificate(event.userId, event.courseId),
      lessonCompleted: async (event) => {
        if (event.source === 'quiz') await this.certificates.requestUniversalisationCheck(event.userId, event.sourceId ?? event.lessonId);
      },
    });
  }
}
