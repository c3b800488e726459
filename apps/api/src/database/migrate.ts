import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Any fixed number: the key of the advisory lock that lets one process at a time run migrations. */
const MIGRATION_LOCK_KEY = 4_861_507_213;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several API replicas or
 * a worker starting together never run the same migration twice.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Connects, then (when options.migrationsRun) brings the schema up to date before anyone uses it. */
export async function createDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (options.migrationsRun) {
    const applied = await runMigrationsLocked(dataSource);
    if (applied.length > 0) new Logger('Migrations').log(`applied ${applied.length} migration(s): ${applied.join(', ')}`);
  }
  return dataSource;
}
