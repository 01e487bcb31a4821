import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4317);

// Browser end-to-end tests: Debian's Chromium against the real sync server serving the built PWA.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    // The service worker precaches ~75 MB (both DuckDB bundles) in every fresh context; only the PWA specs need it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node --import tsx sync-server/src/main.ts`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), TESSERA_DATA_DIR: `test-results/e2e-data-${Date.now()}` },
  },
});
