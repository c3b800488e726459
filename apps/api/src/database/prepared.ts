import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs a statement as a named prepared statement on the connection of `on` (the manager's transaction
 * when it has one, else a pooled connection for this call): PostgreSQL parses and plans it once per
 * connection instead of on every call. For the hot statements of the progress path, whose plans cost
 * more than their execution when a batch holds a request or two (measured in bench/README.md).
 *
 * One name, one text: pg refuses a name reused with another text.
 */
export async function queryPrepared<T>(on: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const manager = on instanceof DataSource ? on.manager : on;
  const runner = manager.queryRunner;
  if (runner && !runner.isReleased) return run<T>((await runner.connect()) as PoolClient, name, text, values);
  const own = manager.connection.createQueryRunner();
  try {
    return await run<T>((await own.connect()) as PoolClient, name, text, values);
  } finally {
    await own.release();
  }
}

async function run<T>(client: PoolClient, name: string, text: string, values: unknown[]): Promise<T[]> {
  const result = await client.query<T & Record<string, unknown>>({ name, text, values });
  return result.rows;
}
