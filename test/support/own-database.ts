import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../../scripts/lib/infra';
import { testEnv } from './env';

/**
 * A database of the test file's own, for tests whose effects other test files would share in the run's
 * database (the demo set, a second installation). Start the API on it with RUN_MIGRATIONS=true.
 */
export interface OwnDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createOwnDatabase(label: string): Promise<OwnDatabase> {
  const name = `hocso_test_${label}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(testEnv.postgresAdminUrl(), name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testEnv.postgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
