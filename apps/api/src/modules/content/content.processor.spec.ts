import { UnrecoverableError, type Job } from 'bullmq';
import { JobName } from '../../queue/queues';
import { InvalidCompetencyMappingError } from '../competencies/competency-mapping.service';
import { ContentProcessor } from './content.processor';
import type { DemoContentService } from './demo-content.service';

const job = { name: JobName.ImportDemoContent } as Job;

describe('ContentProcessor', () => {
  it('fails the import job for good (no retry) when a mapping is invalid, with the reason', async () => {
    const service = { importDemoCourses: () => Promise.reject(new InvalidCompetencyMappingError('demo course "x"', [])) };
    const processor = new ContentProcessor(service as unknown as DemoContentService);
    await expect(processor.process(job)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processor.process(job)).rejects.toThrow(/demo course "x": invalid competency mapping/);
  });

  it('lets other errors be retried', async () => {
    const service = { importDemoCourses: () => Promise.reject(new Error('connection lost')) };
    const processor = new ContentProcessor(service as unknown as DemoContentService);
    await expect(processor.process(job)).rejects.not.toBeInstanceOf(UnrecoverableError);
  });
});
