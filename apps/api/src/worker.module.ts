import { DynamicModule, Module } from '@nestjs/common';
import { coreImports } from './app.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { AssessmentProcessor } from './modules/assessment/assessment.processor';
import { AppConfig } from './config/app-config';
import { ContentModule } from './modules/content/content.module';
import { ContentProcessor } from './modules/content/content.processor';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MediaModule } from './modules/media/media.module';
import { MediaProcessor } from './modules/media/media.processor';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotificationsProcessor } from './modules/notifications/notifications.processor';
import { XapiModule } from './modules/xapi/xapi.module';
import { XapiProcessor } from './modules/xapi/xapi.processor';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { CertificatesProcessor, CertificatesSweepScheduler } from './modules/certificates/certificates.processor';
import { LearningModule } from './modules/learning/learning.module';
import { LearningProcessor } from './modules/learning/learning.processor';
import { ReportsModule } from './modules/reports/reports.module';
import { ReportsProcessor, ReportsRefreshScheduler } from './modules/reports/reports.processor';

/** The worker process: the same services as the API, plus the BullMQ processors that call them. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...coreImports(config), ContentModule, AuditModule, IdentityModule, NotificationsModule, MediaModule, AssessmentModule, XapiModule, CertificatesModule, LearningModule, ReportsModule],
      providers: [ContentProcessor, NotificationsProcessor, MediaProcessor, AssessmentProcessor, XapiProcessor, CertificatesProcessor, CertificatesSweepScheduler, LearningProcessor, ReportsProcessor, ReportsRefreshScheduler],
    };
  }
}
