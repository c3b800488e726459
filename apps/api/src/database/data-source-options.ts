import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';
import { ENTITIES } from './entities';

/**
 * Connection options shared by the API, the worker, the migration CLI and the tests.
 * `migrationsRun` is honoured by {@link createDataSource}, which runs them under an advisory lock.
 */
export function dataSourceOptions(databaseUrl: string, runMigrations = false): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL 13+: no extension to install
    synchronize: false,
    migrationsRun: runMigrations,
    extra: { max: 20, connectionTimeoutMillis: 5000, application_name: 'hocso' },
  };
}
