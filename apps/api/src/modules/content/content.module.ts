import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { MediaModule } from '../media/media.module';
import { UnitsModule } from '../units/units.module';
import { ContentJobsService } from './content-jobs.service';
import { DemoAccountsService } from './demo-accounts.service';
import { DemoContentService } from './demo-content.service';

@Module({
  imports: [CompetenciesModule, UnitsModule, IdentityModule, MediaModule],
  providers: [DemoContentService, DemoAccountsService, ContentJobsService],
  // UnitsModule for the worker's ContentProcessor (the demo province import).
  exports: [DemoContentService, DemoAccountsService, ContentJobsService, UnitsModule],
})
export class ContentModule {}
