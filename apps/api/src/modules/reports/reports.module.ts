import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MediaModule } from '../media';
import { ReportFilesService } from './report-files.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ReportsRollupService } from './rollup.service';

/**
 * Reports for officials (issue 9): targets, figures from rollup tables, dashboards, periodic report
 * files. ReportsProcessor and ReportsRefreshScheduler are registered in WorkerModule.
 */
@Module({
  imports: [AuditModule, MediaModule],
  controllers: [ReportsController],
  providers: [ReportsRollupService, ReportsService, ReportFilesService],
  exports: [ReportsRollupService, ReportsService, ReportFilesService],
})
export class ReportsModule {}
