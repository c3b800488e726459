import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import { InvalidCompetencyMappingError } from '../competencies/competency-mapping.service';
import { CsvImportException } from '../units/csv-import.exception';
import type { ImportResultDto } from '../units/dto/unit.dto';
import { UnitsService } from '../units/units.service';
import { DemoAccountsService } from './demo-accounts.service';
import { DemoContentService, type DemoImportResult } from './demo-content.service';
import { DEMO_POPULATIONS_CSV, DEMO_UNITS_CSV } from './demo-units';

/** Thin: each job calls one service method; the service holds the rules and the idempotency. */
@Processor(QueueName.Content)
export class ContentProcessor extends WorkerHost {
  constructor(
    private readonly demoContent: DemoContentService,
    private readonly units: UnitsService,
    private readonly demoAccounts: DemoAccountsService,
  ) {
    super();
  }

  async process(job: Job): Promise<DemoImportResult | { units: ImportResultDto; populations: ImportResultDto; accounts: { created: string[] } }> {
    switch (job.name as JobName) {
      case JobName.ImportDemoContent:
        return this.demoContent.importDemoCourses().catch(failForGood);
      case JobName.ImportDemoUnits:
        // Two upserts by key: a repeat (or a retry after a crash between them) changes nothing.
        return {
          units: await this.units.importUnitsCsv(DEMO_UNITS_CSV).catch(failForGood),
          populations: await this.units.importPopulationsCsv(DEMO_POPULATIONS_CSV).catch(failForGood),
          // The demo officials are scoped to the demo units, so they come after them.
          accounts: await this.demoAccounts.importDemoAccounts(),
        };
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Content}`);
    }
  }
}

/** Invalid data fails the same way on every retry: fail the job at once, with the reason. */
function failForGood(error: unknown): never {
  if (error instanceof InvalidCompetencyMappingError) throw new UnrecoverableError(error.message);
  if (error instanceof CsvImportException) throw new UnrecoverableError(`${error.message}: ${error.details.map((d) => `${d.field}: ${d.message}`).join('; ')}`);
  throw error;
}
