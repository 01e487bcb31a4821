import { defineConfig } from 'drizzle-kit';

// `pnpm --filter @tessera/sync-server db:generate` writes a new migration into ./drizzle after a schema change.
// The same migrations run on PostgreSQL (DATABASE_URL) and on the embedded PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
