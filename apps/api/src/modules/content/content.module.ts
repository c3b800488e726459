import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module';
import { ContentJobsService } from './content-jobs.service';
import { DemoContentService } from './demo-content.service';

@Module({
  imports: [CompetenciesModule],
  providers: [DemoContentService, ContentJobsService],
  exports: [DemoContentService, ContentJobsService],
})
export class ContentModule {}
