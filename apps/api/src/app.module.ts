import { DynamicModule, Module } from '@nestjs/common';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AdminModule } from './modules/admin/admin.module';
import { ArchivesModule } from './modules/archives/archives.module';
import { AuditModule } from './modules/audit/audit.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CompetenciesModule } from './modules/competencies/competencies.module';
import { ContentModule } from './modules/content/content.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MediaModule } from './modules/media/media.module';
import { UnitsModule } from './modules/units/units.module';
import { XapiModule } from './modules/xapi/xapi.module';
import { QueueModule } from './queue/queue.module';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { StudioModule } from './modules/studio/studio.module';
import { LearningModule } from './modules/learning/learning.module';
import { MentoringModule } from './modules/mentoring/mentoring.module';
import { CommunityModule } from './modules/community/community.module';

import { ReportsModule } from './modules/reports/reports.module';

/** Infrastructure shared by the HTTP API and the worker. */
export function coreImports(config: AppConfig) {
  return [ConfigModule.forRoot(config), DatabaseModule, QueueModule];
}

/** The HTTP API: domain modules with their controllers and services. Queue processors live in WorkerModule. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [...coreImports(config), HealthModule, CatalogModule, CompetenciesModule, ContentModule, UnitsModule, AdminModule, AuditModule, IdentityModule, MediaModule, ArchivesModule, AssessmentModule, XapiModule, CertificatesModule, StudioModule, LearningModule, MentoringModule, ReportsModule, CommunityModule] };
  }
}
