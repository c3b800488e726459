import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName } from '../../queue/queues';
import { ConfirmationsService, type DeliverConfirmationJob } from '../confirmations/confirmations.service';
import { CertificatesService, type CheckUniversalisationJob, type IssueCertificateJob } from './certificates.service';

/** Thin: each job of the certificates queue calls one service method. Registered in WorkerModule only. */
@Processor(QueueName.Certificates)
export class CertificatesProcessor extends WorkerHost {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly confirmations: ConfirmationsService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.IssueCertificate:
        return this.certificates.issue(job.data as IssueCertificateJob);
      case JobName.CheckUniversalisation:
        return this.certificates.checkUniversalisation(job.data as CheckUniversalisationJob);
      case JobName.CertificatesSweep:
        return this.certificates.sweep();
      case JobName.DeliverNationalIdConfirmation:
        return this.confirmations.deliver(job.data as DeliverConfirmationJob, {
          attemptsMade: job.attemptsMade,
          final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        });
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Certificates}`);
    }
  }
}

/** Worker side: schedules the periodic sweep (CERT_SWEEP_MINUTES; 0 removes it). */
@Injectable()
export class CertificatesSweepScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Certificates) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.CERT_SWEEP_MINUTES > 0) {
      await this.queue.upsertJobScheduler(JobName.CertificatesSweep, { every: this.config.CERT_SWEEP_MINUTES * 60_000 }, { name: JobName.CertificatesSweep, data: {} });
    } else {
      await this.queue.removeJobScheduler(JobName.CertificatesSweep);
    }
  }
}
