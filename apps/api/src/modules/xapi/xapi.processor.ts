import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import { XapiForwardingService } from './xapi-forwarding.service';

/** Thin: forwarding to the external LRS lives in XapiForwardingService. */
@Processor(QueueName.Xapi)
export class XapiProcessor extends WorkerHost {
  constructor(private readonly forwarding: XapiForwardingService) {
    super();
  }

  async process(job: Job<{ statementIds: string[] }>): Promise<{ forwarded: number; skipped: number }> {
    switch (job.name as JobName) {
      case JobName.ForwardXapiStatements:
        return this.forwarding.forward(job.data.statementIds);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Xapi}`);
    }
  }
}
