import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from './app';
import { createOwnDatabase } from './own-database';
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
  const database = await createOwnDatabase('xapi_remote');
  const queuePrefix = ownQueuePrefix(`xapi-remote-${database.name.slice(-8)}`);
  const api = await startApi({ DATABASE_URL: database.url, RUN_MIGRATIONS: 'true', QUEUE_PREFIX: queuePrefix });
  const db = (api.app as INestApplicationContext).get<DataSource>(getDataSourceToken());
  return {
    api,
    db,
    endpoint: `${api.url}/xapi`,
    queuePrefix,
    close: async () => {
      await api.close();
      await database.drop();
    },
  };
}
