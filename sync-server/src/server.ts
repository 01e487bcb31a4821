import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { createApp } from './app';
import { createServices, type Services, type ServicesOptions } from './services';
import { type DatabaseHandle, openDatabase } from './db';
import { readVersion } from './version';

export interface StartServerOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** postgres:// URL; absent → embedded PGlite in `<dataDir>/pglite`. */
  databaseUrl?: string;
  dataDir: string;
  /** Folder of the built PWA. */
  staticDir: string;
  version?: string;
  /** Auth, origins, limits and sync settings (JWT secret, ALLOWED_ORIGINS, compaction…). */
  services?: ServicesOptions;
}

export interface RunningServer {
  /** `http://localhost:<port>` (or the host it listens on, when that is not all interfaces). */
  url: string;
  port: number;
  db: DatabaseHandle;
  services: Services;
  /** Stops accepting connections, ends open ones, then closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** Opens the database, applies the migrations, and serves the app. Used by main.ts and by tests (port 0). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const db = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  try {
    await db.migrate();
  } catch (error) {
    await db.close().catch(() => {});
    throw new Error(
      `Could not prepare the ${db.kind} database (migrations failed): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }

  const services = createServices(db, options.dataDir, options.services);
  try {
    await services.hub.start();
  } catch (error) {
    await db.close().catch(() => {});
    throw new Error(`Could not LISTEN for other server processes: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const app = createApp({ db, staticDir: options.staticDir, version: options.version ?? readVersion(), services });
  const wss = new WebSocketServer({ noServer: true, maxPayload: services.limits.wsMaxPayloadBytes });
  let server: ReturnType<typeof serve>;
  let port: number;
  try {
    ({ server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: options.host ?? '0.0.0.0', websocket: { server: wss } }, (info: AddressInfo) =>
        resolve({ server: s, port: info.port }),
      );
      s.once('error', reject);
    }));
  } catch (error) {
    await services.hub.close().catch(() => {});
    await db.close().catch(() => {});
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EADDRINUSE') {
      throw new Error(`Port ${options.port} is already in use: stop the other program or set PORT to a free port.`, { cause: error });
    }
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await services.hub.close();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.close();
    })();
    return closing;
  };

  const host = options.host ?? '0.0.0.0';
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, port, db, services, close };
}
