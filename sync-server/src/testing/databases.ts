import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresClient, withDatabase } from '../db/connection-url';

/**
 * Test databases on the real PostgreSQL (127.0.0.1:5432, user postgres, trust auth). Each test file
 * creates its own database and drops it afterwards; the server itself is never stopped.
 * Override the admin connection with TESSERA_TEST_PG_ADMIN_URL.
 */
export const adminUrl = process.env.TESSERA_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  /** postgres:// URL of the new, empty database. */
  url: string;
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tessera_t_${randomBytes(6).toString('hex')}`;
  const admin = postgresClient(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `Could not create the test database on ${adminUrl}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Is PostgreSQL running? (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)',
      { cause: error },
    );
  }
  let dropped = false;
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      try {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

/** A fresh temporary folder (e.g. a PGlite data dir or a fake dist/web). */
export async function createTempDir(prefix = 'tessera-test-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export type TestDatabaseKind = 'postgres' | 'pglite';

export interface TestDatabaseSetup {
  kind: TestDatabaseKind;
  /** Set for 'postgres'. */
  databaseUrl?: string;
  /** Always set: PGlite lives in `<dataDir>/pglite`. */
  dataDir: string;
  cleanup(): Promise<void>;
}

/**
 * One call for either engine, so a test file can run the same cases on both:
 * `describe.each(['postgres', 'pglite'] as const)(…, (kind) => { beforeAll(async () => { setup = await withTestDatabase(kind) }) })`.
 */
export async function withTestDatabase(kind: TestDatabaseKind): Promise<TestDatabaseSetup> {
  const dir = await createTempDir('tessera-data-');
  if (kind === 'pglite') return { kind, dataDir: dir.path, cleanup: () => dir.remove() };
  const database = await createTestDatabase();
  return {
    kind,
    databaseUrl: database.url,
    dataDir: dir.path,
    cleanup: async () => {
      await database.drop();
      await dir.remove();
    },
  };
}
