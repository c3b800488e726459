import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import { DEMO_COURSES } from './demo-courses';
import { DEMO_QUIZZES } from './demo-quizzes';
import { DEMO_POPULATIONS_CSV, DEMO_UNITS_CSV } from './demo-units';

/** Enqueues content jobs; used by the API (never processes them itself). */
@Injectable()
export class ContentJobsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContentJobsService.name);

  constructor(
    @InjectQueue(QueueName.Content) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.DEMO_CONTENT) {
      // Units and accounts first (seconds), so people can sign in while the courses' videos are made.
      const units = await this.enqueueDemoUnitsImport();
      this.logger.log(`demo units import enqueued as job ${units.id}`);
      const job = await this.enqueueDemoImport();
      this.logger.log(`demo content import enqueued as job ${job.id}`);
    }
  }

  /** One job per revision of the demo set: adding it again while it is kept is a no-op. */
  enqueueDemoImport() {
    const revision = createHash('sha256').update(JSON.stringify(DEMO_COURSES)).update(JSON.stringify(DEMO_QUIZZES)).digest('hex').slice(0, 12);
    return this.queue.add(JobName.ImportDemoContent, {}, { jobId: jobId(JobName.ImportDemoContent, revision) });
  }

  /** The demo province (units and populations), one job per revision of the data. */
  enqueueDemoUnitsImport() {
    const revision = createHash('sha256').update(DEMO_UNITS_CSV).update(DEMO_POPULATIONS_CSV).digest('hex').slice(0, 12);
    return this.queue.add(JobName.ImportDemoUnits, {}, { jobId: jobId(JobName.ImportDemoUnits, revision) });
  }
}
