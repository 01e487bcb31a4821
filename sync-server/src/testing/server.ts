import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../server';
import type { ServicesOptions } from '../services';
import { createTempDir, type TestDatabaseKind, withTestDatabase } from './databases';

/** The JWT secret test servers use (so two servers on one database accept each other's tokens). */
export const TEST_JWT_SECRET = 'tessera-test-secret-not-for-production';

export interface TestServer extends RunningServer {
  /** The fake built PWA the server serves (index.html + whatever the test wrote). */
  staticDir: string;
  /** Stops the server, drops its database and removes its temp folders. */
  cleanup(): Promise<void>;
}

/** Starts the real server on port 0 against a fresh PostgreSQL database or a fresh PGlite folder. */
export async function startTestServer(
  kind: TestDatabaseKind,
  options: { staticFiles?: Record<string, string | Uint8Array>; version?: string; services?: ServicesOptions } = {},
): Promise<TestServer> {
  const database = await withTestDatabase(kind);
  const web = await createTempDir('tessera-web-');
  // The app is served from <tmp>/web so a test can put files next to it (traversal checks).
  const staticDir = join(web.path, 'web');
  await mkdir(staticDir, { recursive: true });
  const files = options.staticFiles ?? { 'index.html': '<!doctype html><title>Tessera test</title>' };
  for (const [name, content] of Object.entries(files)) {
    const path = join(staticDir, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
  }
  let server: RunningServer;
  try {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      staticDir,
      version: options.version,
      services: { jwtSecret: TEST_JWT_SECRET, ...options.services },
    });
  } catch (error) {
    await database.cleanup();
    await web.remove();
    throw error;
  }
  return {
    ...server,
    staticDir,
    cleanup: async () => {
      await server.close();
      await database.cleanup();
      await web.remove();
    },
  };
}
