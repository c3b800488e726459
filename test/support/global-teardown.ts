import IORedis from 'ioredis';
import pg from 'pg';
import { testEnv } from './env';

/** Drops the run's database and deletes the run's queue keys. */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.TEST_DATABASE_NAME;
  if (database && !process.env.TEST_KEEP_DATABASE) {
    const admin = new pg.Client({ connectionString: testEnv.postgresAdminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.TEST_QUEUE_PREFIX;
  if (prefix) {
    const redis = new IORedis(testEnv.redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}
