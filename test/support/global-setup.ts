import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { runMigrationsLocked } from '../../apps/api/src/database/migrate';
import { withDatabase } from '../../scripts/lib/infra';
import { testEnv } from './env';

/** Creates one database for the run and migrates it; each test then makes its own users and data. */
export default async function globalSetup(): Promise<void> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `hocso_test_${suffix}`;
  const admin = new pg.Client({ connectionString: testEnv.postgresAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const databaseUrl = withDatabase(testEnv.postgresAdminUrl(), database);
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();

  process.env.TEST_DATABASE_NAME = database;
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_QUEUE_PREFIX = `hocso-test-${suffix}`;
}
