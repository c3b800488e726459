import IORedis from 'ioredis';
import { testEnv } from './env';

/**
 * A queue/key prefix of one test file's own: its API and worker then share queues (and rate-limit
 * counters) with no other test file's worker, which would otherwise take its jobs. Delete its keys
 * with deleteKeysWithPrefix in afterAll (the global teardown removes only the run's own prefix).
 */
export function ownQueuePrefix(name: string): string {
  return `${testEnv.queuePrefix()}-${name}`;
}

export function deleteKeysWithPrefix(prefix: string): Promise<void> {
  return deleteKeysMatching(`${prefix}:*`);
}

/** Deletes every key matching a Redis glob pattern (SCAN, not KEYS, so a shared Redis is not blocked). */
export async function deleteKeysMatching(pattern: string): Promise<void> {
  const redis = new IORedis(testEnv.redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
