import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import { postgresClient } from './connection-url';
import { migratePglite, migratePostgres } from './migrate';
import * as schema from './schema';

export { schema };
export type Schema = typeof schema;

/** The drizzle database every route uses, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /**
   * The postgres-js client behind `db` (PostgreSQL only), for the few hot statements that must be
   * prepared once per connection: drizzle's `execute` sends unprepared SQL, which postgres-js runs as
   * two round trips (describe the parameters, then bind and execute) and PostgreSQL parses each time.
   */
  postgres?: Sql;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Applies the committed migrations in sync-server/drizzle (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * LISTEN on `channel` over a dedicated connection (PostgreSQL only; PGlite is single-process and
   * has none). Resolves once listening; the result stops it. When the connection is lost, postgres-js
   * reconnects and listens again, then `onRelisten` runs: what was notified in between is lost.
   */
  listen?(channel: string, onPayload: (payload: string) => void, onRelisten?: () => void): Promise<() => Promise<void>>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL (TCP, or a unix socket in libpq's form: see db/connection-url.ts). When absent, an embedded PGlite database lives in `<dataDir>/pglite`. */
  url?: string;
  dataDir: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url) : openPglite(join(options.dataDir, 'pglite'));
}

function openPostgres(url: string): DatabaseHandle {
  const client = postgresClient(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' });
  return {
    db,
    kind: 'postgres',
    postgres: client,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    migrate: () => migratePostgres(client),
    close: () => client.end({ timeout: 5 }),
    listen: async (channel, onPayload, onRelisten) => {
      let listened = false;
      const { unlisten } = await client.listen(channel, onPayload, () => {
        if (listened) onRelisten?.();
        listened = true;
      });
      return unlisten;
    },
  };
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  await mkdir(dir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(dir);
  } catch (error) {
    throw new Error(
      `Could not open the embedded database in ${dir}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check that the folder is writable and not used by another Tessera process, or set DATABASE_URL to use PostgreSQL.',
      { cause: error },
    );
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    migrate: () => migratePglite(db),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
