import { connectorsRoutes } from '@tessera/connectors-proxy';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { DatabaseHandle } from './db';
import { ApiError, errorBody, handleError } from './errors';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { originGuard } from './routes/origins';
import { syncRoutes } from './routes/sync';
import { workbookRoutes } from './routes/workbooks';
import { workspaceRoutes } from './routes/workspaces';
import { createServices, type Services } from './services';
import { serveWebApp } from './static/serve-web-app';

export interface AppOptions {
  db: DatabaseHandle;
  /** Folder of the built PWA (dist/web). It may be missing: pages then answer 503 with how to build it. */
  staticDir: string;
  version: string;
  /** Shared state of the routes; created with defaults (random JWT secret, temp-less data dir) when absent. */
  services?: Services;
}

const DATASET_PUT = /^\/api\/workbooks\/[^/]+\/datasets\/[^/]+\/[^/]+$/;

/** The whole HTTP surface: one Hono app composed of per-resource sub-apps (DESIGN §5, §5.1). */
export function createApp({ db, staticDir, version, services: given }: AppOptions) {
  const services = given ?? createServices(db, '.');
  const app = new Hono();
  app.onError(handleError);

  const jsonLimit = bodyLimit({
    maxSize: services.limits.jsonBodyBytes,
    onError: () => {
      throw new ApiError(413, 'too_large', `The request body is larger than ${Math.round(services.limits.jsonBodyBytes / 1024)} KiB.`);
    },
  });
  app.use('/api/*', originGuard(services.allowedOrigins));
  app.use('/sync/*', originGuard(services.allowedOrigins));
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (services.allowedOrigins.includes(origin) || services.allowedOrigins.includes('*') ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  // Dataset uploads are streamed with their own, larger limit (routes/datasets.ts).
  app.use('/api/*', (c, next) => (c.req.method === 'PUT' && DATASET_PUT.test(c.req.path) ? next() : jsonLimit(c, next)));

  app.route('/api/health', healthRoutes({ db, version }));
  app.route('/api/auth', authRoutes(services));
  app.route('/api/me', meRoutes(services));
  app.route('/api/workspaces', workspaceRoutes(services));
  app.route('/api/workbooks', workbookRoutes(services));
  app.route('/api/connectors', connectorsRoutes());
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}. Check the path against the API contract.`), 404),
  );
  app.route('/sync', syncRoutes(services));

  app.use('*', serveWebApp({ root: staticDir }));
  app.notFound((c) => c.text('Not found', 404));
  return app;
}

export type App = ReturnType<typeof createApp>;
