import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import type { GradeAttemptJob } from './attempts.service';
import { AttemptsService } from './attempts.service';
import { GradingService } from './grading.service';

// Lock and stall-check periods may be shortened by tests that kill a worker mid-job (defaults: BullMQ's 30 s).
const lockDuration = Number(process.env.ASSESSMENT_WORKER_LOCK_MS) || undefined;

/** Thin: each job calls one service method. */
@Processor(QueueName.Assessment, {
  concurrency: Number(process.env.ASSESSMENT_WORKER_CONCURRENCY) || 4,
  ...(lockDuration ? { lockDuration, stalledInterval: lockDuration } : {}),
})
export class AssessmentProcessor extends WorkerHost {
  constructor(
    private readonly grading: GradingService,
    private readonly attempts: AttemptsService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.GradeAttempt:
        return this.grading.grade((job.data as GradeAttemptJob).attemptId);
      case JobName.CloseOverdueAttempt:
        return { closed: await this.attempts.closeOverdue((job.data as GradeAttemptJob).attemptId) };
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Assessment}`);
    }
  }
}
