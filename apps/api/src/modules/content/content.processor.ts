import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import { InvalidCompetencyMappingError } from '../competencies/competency-mapping.service';
import { DemoContentService, type DemoImportResult } from './demo-content.service';

/** Thin: each job calls one service method; the service holds the rules and the idempotency. */
@Processor(QueueName.Content)
export class ContentProcessor extends WorkerHost {
  constructor(private readonly demoContent: DemoContentService) {
    super();
  }

  async process(job: Job): Promise<DemoImportResult> {
    switch (job.name as JobName) {
      case JobName.ImportDemoContent:
        return this.demoContent.importDemoCourses().catch(failForGood);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Content}`);
    }
  }
}

/** Invalid data fails the same way on every retry: fail the job at once, with the reason. */
function failForGood(error: unknown): never {
  if (error instanceof InvalidCompetencyMappingError) throw new UnrecoverableError(error.message);
  throw error;
}
