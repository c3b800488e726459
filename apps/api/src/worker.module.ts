import { DynamicModule, Module } from '@nestjs/common';
import { coreImports } from './app.module';
import { AppConfig } from './config/app-config';
import { ContentModule } from './modules/content/content.module';
import { ContentProcessor } from './modules/content/content.processor';

/** The worker process: the same services as the API, plus the BullMQ processors that call them. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [...coreImports(config), ContentModule], providers: [ContentProcessor] };
  }
}
