import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';
import { notBuiltMessage } from './static/serve-web-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer({
    port: config.port,
    host: config.host,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    staticDir: config.webDir,
    services: { jwtSecret: config.jwtSecret, allowedOrigins: config.allowedOrigins, accessTokenTtlSeconds: config.accessTokenTtlSeconds },
  });
  if (!config.jwtSecret) console.warn('JWT_SECRET is not set: using a random secret, so sessions end when Tessera restarts. Set JWT_SECRET to keep them.');

  const where = server.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${join(config.dataDir, 'pglite')}`;
  console.log(`Tessera is running at ${server.url} (database: ${where})`);
  if (!existsSync(join(config.webDir, 'index.html'))) console.warn(notBuiltMessage);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}: stopping Tessera…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Tessera did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Tessera could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
