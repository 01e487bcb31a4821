import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { migrationsFolder } from './db/migrate';
import { queryRows } from './db/rows';
import { appMeta } from './db/schema';
import { startServer } from './server';
import { startTestServer, type TestServer } from './testing/server';
import { withTestDatabase } from './testing/databases';

describe.each(['postgres', 'pglite'] as const)('the server on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind, { version: '9.9.9-test' });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('answers GET /api/health with the database kind and version', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ ok: true, db: kind, version: '9.9.9-test' });
  });

  it('created the tables with the migrations', async () => {
    const tables = await queryRows<{ table: string | null }>(server.db.db, sql`select to_regclass('public.app_meta')::text as "table"`);
    expect(tables).toEqual([{ table: 'app_meta' }]);
    await server.db.db.insert(appMeta).values({ key: 'probe', value: 'yes' });
    const rows = await server.db.db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, 'probe'));
    expect(rows).toEqual([{ value: 'yes' }]);
  });

  it('answers unknown /api paths with the JSON 404 error shape', async () => {
    for (const path of ['/api/nope', '/api', '/api/health/extra/deep']) {
      const response = await fetch(`${server.url}${path}`, { method: path === '/api' ? 'POST' : 'GET' });
      expect(response.status, path).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toContain(path);
    }
  });

  it('mounts the connectors routes', async () => {
    const response = await fetch(`${server.url}/api/connectors`);
    expect(response.status).toBe(200);
    expect(await response.json()).toContainEqual({ id: 'http-file', name: 'CSV or JSON file from a URL' });
  });

  it('answers 503 with the error shape when the database stops answering', async () => {
    await server.db.close();
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('db_unavailable');
    expect(body.error.message).toContain(kind);
  });
});

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
const migrationCount = journal.entries.length;

describe.each(['postgres', 'pglite'] as const)('restarting on the same %s database', (kind) => {
  it('keeps the data and re-applies no migration', async () => {
    const setup = await withTestDatabase(kind);
    try {
      const options = { port: 0, host: '127.0.0.1', databaseUrl: setup.databaseUrl, dataDir: setup.dataDir, staticDir: setup.dataDir };
      const first = await startServer(options);
      await first.db.db.insert(appMeta).values({ key: 'installed', value: 'once' });
      await first.close();

      const second = await startServer(options);
      try {
        const rows = await second.db.db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, 'installed'));
        expect(rows).toEqual([{ value: 'once' }]);
        const applied = await queryRows<{ n: number }>(second.db.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(applied).toEqual([{ n: migrationCount }]);
        const health = await fetch(`${second.url}/api/health`);
        expect(await health.json()).toMatchObject({ ok: true, db: kind });
      } finally {
        await second.close();
      }
    } finally {
      await setup.cleanup();
    }
  });
});
