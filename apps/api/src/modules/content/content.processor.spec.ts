import type { DemoAccountsService } from './demo-accounts.service';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName } from '../../queue/queues';
import { InvalidCompetencyMappingError } from '../competencies/competency-mapping.service';
import { ContentProcessor } from './content.processor';
import { CsvImportException } from '../units/csv-import.exception';
import type { UnitsService } from '../units/units.service';
import type { DemoContentService } from './demo-content.service';

const job = { name: JobName.ImportDemoContent } as Job;

describe('ContentProcessor', () => {
  it('fails the import job for good (no retry) when a mapping is invalid, with the reason', async () => {
    const service = { importDemoCourses: () => Promise.reject(new InvalidCompetencyMappingError('demo course "x"', [])) };
    const processor = new ContentProcessor(service as unknown as DemoContentService, {} as UnitsService, {} as DemoAccountsService);
    await expect(processor.process(job)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processor.process(job)).rejects.toThrow(/demo course "x": invalid competency mapping/);
  });

  it('lets other errors be retried', async () => {
    const service = { importDemoCourses: () => Promise.reject(new Error('connection lost')) };
    const processor = new ContentProcessor(service as unknown as DemoContentService, {} as UnitsService, {} as DemoAccountsService);
    await expect(processor.process(job)).rejects.not.toBeInstanceOf(UnrecoverableError);
  });

  it('fails the demo units job for good when the demo CSV has a wrong line, naming it', async () => {
    const units = { importUnitsCsv: () => Promise.reject(new CsvImportException([{ line: 3, column: 'parent_code', message: 'no unit has the code "Z"' }])) };
    const processor = new ContentProcessor({} as DemoContentService, units as unknown as UnitsService, {} as DemoAccountsService);
    const unitsJob = { name: JobName.ImportDemoUnits } as Job;
    await expect(processor.process(unitsJob)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processor.process(unitsJob)).rejects.toThrow('line 3: parent_code: no unit has the code "Z"');
  });
});
