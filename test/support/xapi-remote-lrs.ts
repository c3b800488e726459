import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { withDatabase } from '../../scripts/lib/infra';
import { startApi, type RunningApi } from './app';
import { testEnv } from './env';
import { ownQueuePrefix } from './redis-keys';

/**
 * A second, independent hocso LRS: its own database (migrated at boot) and queue prefix, listening on
 * another port. The forwarding tests send statements to it as they would to any external LRS.
 */
export interface RemoteLrs {
  api: RunningApi;
  db: DataSource;
  endpoint: string;
  queuePrefix: string;
  close(): Promise<void>;
}

export async function startRemoteLrs(): Promise<RemoteLrs> {
  const database = `hocso_test_xapi_remote_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testEnv.postgresAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const queuePrefix = ownQueuePrefix(`xapi-remote-${database.slice(-8)}`);
  const api = await startApi({ DATABASE_URL: withDatabase(testEnv.postgresAdminUrl(), database), RUN_MIGRATIONS: 'true', QUEUE_PREFIX: queuePrefix });
  const db = (api.app as INestApplicationContext).get<DataSource>(getDataSourceToken());
  return {
    api,
    db,
    endpoint: `${api.url}/xapi`,
    queuePrefix,
    close: async () => {
      await api.close();
      const drop = new pg.Client({ connectionString: testEnv.postgresAdminUrl() });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await drop.end();
    },
  };
}
