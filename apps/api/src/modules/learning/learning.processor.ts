import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import type { CourseCompletedJob, MirrorLearningJob } from './learning-jobs.service';
import { LearningJobs } from './learning-jobs.service';
import { LearningMirrorService } from './learning-mirror.service';

/** Thin: each learning job calls LearningMirrorService (registered in WorkerModule only). */
@Processor(QueueName.Learning)
export class LearningProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(LearningProcessor.name);

  constructor(
    private readonly mirror: LearningMirrorService,
    private readonly jobs: LearningJobs,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.scheduleSweep().catch((error: unknown) => this.logger.warn({ err: error }, 'could not schedule the learning sweep'));
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.CourseCompleted:
        return this.mirror.courseCompleted(job.data as CourseCompletedJob);
      case JobName.MirrorXapiLearning:
        return this.mirror.mirrorLearning(job.data as MirrorLearningJob);
      case JobName.MirrorXapiProgress:
        return { mirrored: await this.mirror.mirrorProgress() };
      case JobName.LearningSweep:
        return this.mirror.sweep();
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Learning}`);
    }
  }
}
