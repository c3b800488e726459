import { Module } from '@nestjs/common';
import { ContentJobsService } from './content-jobs.service';
import { DemoContentService } from './demo-content.service';

@Module({
  providers: [DemoContentService, ContentJobsService],
  exports: [DemoContentService, ContentJobsService],
})
export class ContentModule {}
