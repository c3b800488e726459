import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { MIGRATIONS } from '../../migrations';
import { testEnv } from '../support/env';

describe('entities and migrations', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(testEnv.databaseUrl())).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('agree: the migrated schema needs no change to match the entities', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied, and every migration file is listed in migrations/index.ts in order', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const files = readdirSync(join(__dirname, '../../migrations'))
      .filter((f) => /^\d{13}-[A-Z][A-Za-z0-9]+\.ts$/.test(f))
      .sort();
    const listed = MIGRATIONS.map((m) => new m().constructor.name);
    expect(listed).toEqual(files.map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1')));
  });
});
