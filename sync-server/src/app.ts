import { connectorsRoutes } from '@tessera/connectors-proxy';
import { Hono } from 'hono';
import type { DatabaseHandle } from './db';
import { errorBody, handleError } from './errors';
import { healthRoutes } from './routes/health';
import { serveWebApp } from './static/serve-web-app';

export interface AppOptions {
  db: DatabaseHandle;
  /** Folder of the built PWA (dist/web). It may be missing: pages then answer 503 with how to build it. */
  staticDir: string;
  version: string;
}

/** The whole HTTP surface: one Hono app composed of per-resource sub-apps (DESIGN §5, §5.1). */
export function createApp({ db, staticDir, version }: AppOptions) {
  const app = new Hono();
  app.onError(handleError);

  app.route('/api/health', healthRoutes({ db, version }));
  app.route('/api/connectors', connectorsRoutes());
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}. Check the path against the API contract.`), 404),
  );

  app.use('*', serveWebApp({ root: staticDir }));
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

export type App = ReturnType<typeof createApp>;
