import pg from 'pg';
import { testEnv } from './env';
import { deleteKeysMatching } from './redis-keys';

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
  // The run's prefix, and the test files' own prefixes derived from it (`<prefix>-<name>`).
  if (prefix) await deleteKeysMatching(`${prefix}*`);
}
