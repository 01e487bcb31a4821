import type { SQL } from 'drizzle-orm';
import type { Database } from './index';

/**
 * Runs raw SQL and returns its rows on both drivers (postgres-js answers an array, PGlite `{ rows }`).
 * Prefer the query builder; use this for catalog queries and the like.
 */
export async function queryRows<Row extends Record<string, unknown>>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as Row[];
  throw new Error('Unexpected result shape from the database driver.');
}
