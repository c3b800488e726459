import { DynamicModule, Global, Module } from '@nestjs/common';
import { ShutdownLogger } from '../common/shutdown-logger';
import { AppConfig, loadConfig } from './app-config';

/** Provides the validated AppConfig everywhere; tests and benchmarks pass their own. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }, ShutdownLogger], exports: [AppConfig] };
  }
}
