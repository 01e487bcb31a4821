import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db';
import { startServer, type RunningServer } from '../server';
import { apiClient } from '../testing/api-client';
import { createTempDir, withTestDatabase, type TempDir, type TestDatabaseSetup } from '../testing/databases';
import { TEST_JWT_SECRET } from '../testing/server';
import { SharedTokenBucketLimiter } from './shared-rate-limit';

describe.each(['postgres', 'pglite'] as const)('shared token buckets on %s', (kind) => {
  let setup: TestDatabaseSetup;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    setup = await withTestDatabase(kind);
    handle = await openDatabase({ url: setup.databaseUrl, dataDir: setup.dataDir });
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await setup?.cleanup();
  });

  it('allows `capacity` takes per key, then says how long to wait; keys and scopes are apart', async () => {
    const limiter = new SharedTokenBucketLimiter(handle.db, 'test', { capacity: 2, refillPerSecond: 0.001 });
    expect(await limiter.take('a')).toBe(0);
    expect(await limiter.take('a')).toBe(0);
    // Empty: one token takes 1 / 0.001 s to come back (the few ms since are not enough).
    const wait = await limiter.take('a');
    expect(wait).toBeGreaterThan(990);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await limiter.take('a')).toBeGreaterThan(990);
    expect(await limiter.take('b')).toBe(0);
    expect(await new SharedTokenBucketLimiter(handle.db, 'other', { capacity: 1, refillPerSecond: 0.001 }).take('a')).toBe(0);
  });

  it('refills with time, up to the capacity', async () => {
    const limiter = new SharedTokenBucketLimiter(handle.db, 'fast', { capacity: 1, refillPerSecond: 1000 });
    for (let i = 0; i < 4; i++) {
      expect(await limiter.take('k')).toBe(0);
      // ≥ 10 ms at 1000/s is ≥ 10 tokens, capped at 1.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
});

describe('login rate limits across server processes on one PostgreSQL database', () => {
  let setup: TestDatabaseSetup;
  let web: TempDir;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    setup = await withTestDatabase('postgres');
    web = await createTempDir('tessera-web-');
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startServer({
          port: 0,
          host: '127.0.0.1',
          databaseUrl: setup.databaseUrl,
          dataDir: setup.dataDir,
          staticDir: web.path,
          services: { jwtSecret: TEST_JWT_SECRET, limits: { loginPerAccount: { capacity: 3, refillPerSecond: 0.01 } } },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await setup?.cleanup();
    await web?.remove();
  });

  it('an account gets its attempts once, not once per server', async () => {
    const [a, b] = servers.map((server) => apiClient(server.url));
    const user = await a.register('Shared');
    const login = (api: typeof a, password: string) => api.call('POST', '/api/auth/login', { email: user.user.email, password });
    expect((await login(a, 'correct horse battery')).status).toBe(200);
    expect((await login(b, 'wrong password')).status).toBe(401);
    expect((await login(a, 'wrong password')).status).toBe(401);
    // The fourth attempt, on the server that has seen only one of them.
    const limited = await login(b, 'correct horse battery');
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
