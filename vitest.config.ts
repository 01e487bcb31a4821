import { defineConfig } from 'vitest/config';

// Unit and integration tests (*.test.ts[x]) beside the code and in tests/integration.
// Playwright specs (*.spec.ts) are never collected here.
export default defineConfig({
  test: {
    include: ['{shared,web,sync-server,connectors-proxy}/src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
