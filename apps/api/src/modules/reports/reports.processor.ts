import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import { ReportFilesService, type GenerateReportJob } from './report-files.service';
import { ReportsRollupService, type RecomputeRange } from './rollup.service';

/** How often the worker refreshes the report rollups (the days touched since the last run). */
export const REPORTS_REFRESH_EVERY_MS = 5 * 60_000;

/** Thin: each job of the reports queue calls one service method. Registered in WorkerModule only. */
@Processor(QueueName.Reports)
export class ReportsProcessor extends WorkerHost {
  constructor(
    private readonly rollup: ReportsRollupService,
    private readonly files: ReportFilesService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.RefreshReports:
        return this.rollup.refresh();
      case JobName.RecomputeReports:
        return this.rollup.recompute(job.data as RecomputeRange);
      case JobName.GenerateReport:
        return this.files.generate(job.data as GenerateReportJob);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Reports}`);
    }
  }
}

/** Worker side: the repeatable refresh (one scheduler per installation, whatever the number of workers). */
@Injectable()
export class ReportsRefreshScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Reports) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(JobName.RefreshReports, { every: REPORTS_REFRESH_EVERY_MS }, { name: JobName.RefreshReports, data: {} });
  }
}
