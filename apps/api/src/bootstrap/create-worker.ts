import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRootLogger, PinoNestLogger } from '../common/logger';
import { WorkerModule } from '../worker.module';

/** Builds the worker as it runs in production (used by worker.ts and the tests). */
export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  const logger = createRootLogger(config.LOG_LEVEL, 'hocso-worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  // Exit through process.exit so the JSON logger flushes its last lines (Nest would re-raise the signal).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.init();
  logger.info('hocso worker started');
  return app;
}
