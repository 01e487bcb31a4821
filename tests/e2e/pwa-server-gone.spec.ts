import { chromium, expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetList, fixture, goToView, importFile } from './app';


const status = (page: Page) => page.getByRole('status', { name: 'Status bar' });

/** A server process of our own (the shared one must keep running for the other specs). */
async function startOwnServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), TESSERA_DATA_DIR: mkdtempSync(join(tmpdir(), 'tessera-gone-')) },
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 240; attempt++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the server on port ${port} did not start`);
}

test('with the server process gone, a new tab opens the app and the workbook from the service worker', async ({ launchOptions }) => {
  const port = 4430 + (test.info().workerIndex % 10);
  const origin = `http://localhost:${port}`;
  const server = await startOwnServer(port);
  // A real (non-incognito) profile, as an installed app has: Chromium refuses installation in incognito.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tessera-profile-')), { ...launchOptions, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await expect(status(page)).toContainText('Engine: ready', { timeout: 60_000 });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 120_000 }).toBe('activated');

    // Chromium's own installability check passes (manifest, icons, service worker, secure origin)
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);

    await importFile(page, fixture('sales.csv'));

    // the server process is gone entirely
    server.kill('SIGKILL');
    await once(server, 'exit');
    expect(await fetch(`${origin}/api/health`).then(() => 'up').catch(() => 'down')).toBe('down');

    const tab = await context.newPage();
    const response = await tab.goto(`${origin}/`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(status(tab)).toContainText('Engine: ready', { timeout: 60_000 });
    await goToView(tab, 'Data');
    await expect(datasetList(tab)).toContainText('200 rows · 6 columns');
    await expect(tab.getByText('200 of 200 rows')).toBeVisible({ timeout: 60_000 });
  } finally {
    await context.close();
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
});
