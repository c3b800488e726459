import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module';
import { UnitsModule } from '../units/units.module';
import { ContentJobsService } from './content-jobs.service';
import { DemoContentService } from './demo-content.service';

@Module({
  imports: [CompetenciesModule, UnitsModule],
  providers: [DemoContentService, ContentJobsService],
  // UnitsModule for the worker's ContentProcessor (the demo province import).
  exports: [DemoContentService, ContentJobsService, UnitsModule],
})
export class ContentModule {}
