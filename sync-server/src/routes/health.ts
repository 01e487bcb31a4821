import { Hono } from 'hono';
import type { DatabaseHandle } from '../db';
import { errorBody } from '../errors';

/** `GET /api/health` → `{ ok: true, db, version }`, or 503 with the error shape when the database does not answer. */
export function healthRoutes({ db, version }: { db: DatabaseHandle; version: string }) {
  return new Hono().get('/', async (c) => {
    try {
      await db.ping();
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      console.error(`[tessera] health check: the ${db.kind} database did not answer: ${error instanceof Error ? error.message : String(error)}${cause}`);
      return c.json(
        errorBody('db_unavailable', `The database (${db.kind}) is not answering. Check that it is running and reachable, then retry.`),
        503,
      );
    }
    return c.json({ ok: true as const, db: db.kind, version });
  });
}
