import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/**
 * Says when a graceful shutdown starts and when every connection (HTTP, PostgreSQL, Redis, BullMQ
 * workers) has been closed; the process then exits with code 0.
 */
@Injectable()
export class ShutdownLogger implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`shutting down (${signal ?? 'close'}): finishing work in progress`);
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`stopped cleanly (${signal ?? 'close'})`);
  }
}
