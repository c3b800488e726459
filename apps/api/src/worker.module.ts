import { DynamicModule, Module } from '@nestjs/common';
import { coreImports } from './app.module';
import { AppConfig } from './config/app-config';
import { ContentModule } from './modules/content/content.module';
import { ContentProcessor } from './modules/content/content.processor';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotificationsProcessor } from './modules/notifications/notifications.processor';

/** The worker process: the same services as the API, plus the BullMQ processors that call them. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...coreImports(config), ContentModule, AuditModule, IdentityModule, NotificationsModule],
      providers: [ContentProcessor, NotificationsProcessor],
    };
  }
}
