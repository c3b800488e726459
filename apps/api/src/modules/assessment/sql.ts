import type { EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE … RETURNING (TypeORM's PostgreSQL driver answers `[rows, affected]` for
 * UPDATE and DELETE, and plain rows for SELECT and INSERT).
 */
export async function updateReturning<T>(m: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  const result = (await m.query(sql, params)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
