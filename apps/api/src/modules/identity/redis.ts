import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { redisOptionsFromUrl } from '../../queue/redis-connection';

/**
 * The Redis connection of the identity module: rate-limit counters and OpenID Connect sign-in
 * transactions, shared by every API replica. Keys start with `<QUEUE_PREFIX>:` like BullMQ's, so that
 * installations (and test runs) sharing a Redis never see each other's keys.
 */
@Injectable()
export class IdentityRedis implements OnApplicationShutdown {
  readonly client: Redis;
  readonly keyPrefix: string;

  constructor(config: AppConfig) {
    this.client = new IORedis({ ...redisOptionsFromUrl(config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'hocso-identity' });
    // An unreachable Redis fails the requests that need it (and readiness), not the process.
    this.client.on('error', () => undefined);
    this.keyPrefix = `${config.QUEUE_PREFIX}:`;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status === 'ready') await this.client.quit().catch(() => undefined);
    else this.client.disconnect();
  }
}
