import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { redisOptionsFromUrl } from '../../queue/redis-connection';

export interface DependencyCheck {
  status: 'up' | 'down';
  latencyMs: number;
  reason?: string;
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: IORedis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    // A client of its own that fails fast instead of queueing commands while Redis is away.
    this.redis = new IORedis({
      ...redisOptionsFromUrl(config.REDIS_URL),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined); // reported by the check, not as an unhandled event
  }

  async checkAll(): Promise<{ database: DependencyCheck; redis: DependencyCheck }> {
    const [database, redis] = await Promise.all([
      this.check('PostgreSQL', () => this.dataSource.query('SELECT 1')),
      this.check('Redis', async () => {
        if (this.redis.status === 'wait') await this.redis.connect();
        await this.redis.ping();
      }),
    ]);
    return { database, redis };
  }

  private async check(what: string, probe: () => Promise<unknown>): Promise<DependencyCheck> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
        }),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { status: 'down', latencyMs: Math.round(performance.now() - started), reason: `${what} is not reachable: ${detail}` };
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
