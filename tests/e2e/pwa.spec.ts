import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { datasetList, fixture, goToView, importFile, openApp } from './app';

// The folder the server under test serves (playwright.config passes TESSERA_WEB_DIR through, else dist/web).
test.use({ serviceWorkers: 'allow' });

const webDir = resolve(process.env.TESSERA_WEB_DIR ?? 'dist/web');

/** Waits until a service worker is active and controls the page (precache complete). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 120_000 }).toBe('activated');
}

const status = (page: Page) => page.getByRole('status', { name: 'Status bar' });

test('the app works offline after the first visit: shell, engine, import, reload', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.fromServiceWorker()).toBe(true);
  await expect(status(page)).toContainText('Engine: ready', { timeout: 60_000 });

  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('200 rows · 6 columns');

  const again = await page.reload();
  expect(again?.fromServiceWorker()).toBe(true);
  await expect(status(page)).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('200 rows · 6 columns');
  await expect(page.getByText('200 of 200 rows')).toBeVisible({ timeout: 60_000 });

  // an app route offline gets the app shell (navigateFallback)
  const route = await page.goto('/some/route?x=1');
  expect(route?.fromServiceWorker()).toBe(true);
  await expect(status(page)).toContainText('Engine: ready', { timeout: 60_000 });
});

test('the manifest is served with its fields and every icon is fetchable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href ?? '');
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    display_override: string[];
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
    shortcuts: { name: string; url: string }[];
    screenshots: { src: string; sizes: string; form_factor?: string }[];
    file_handlers: { action: string; accept: Record<string, string[]> }[];
    launch_handler: { client_mode: string | string[] };
  };
  expect(manifest).toMatchObject({ name: 'Tessera', short_name: 'Tessera', start_url: '/', display: 'standalone' });
  expect(manifest.display_override).toEqual(['window-controls-overlay', 'standalone']);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.shortcuts.map((s) => [s.name, s.url])).toEqual([
    ['New workbook', '/?action=new'],
    ['Import data', '/?action=import'],
  ]);
  expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  expect(manifest.file_handlers[0]?.action).toBe('/');
  expect(Object.values(manifest.file_handlers[0]?.accept ?? {}).flat().sort()).toEqual(['.csv', '.json', '.parquet', '.tessera', '.tsv', '.xlsx']);
  expect(manifest.launch_handler.client_mode).toBeTruthy();

  for (const size of ['48x48', '72x72', '96x96', '144x144', '192x192', '512x512']) {
    expect(manifest.icons.some((i) => i.sizes === size && (i.purpose ?? 'any') === 'any'), `any icon ${size}`).toBe(true);
  }
  for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size && i.purpose === 'maskable'), `maskable ${size}`).toBe(true);

  // every image is a PNG of the declared size (IHDR width/height)
  for (const image of [...manifest.icons, ...manifest.screenshots]) {
    const file = await request.get(image.src);
    expect(file.ok(), image.src).toBe(true);
    expect(file.headers()['content-type']).toContain('image/png');
    const body = await file.body();
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, image.src).toBe(image.sizes);
  }
});

test('a new version waits for "Update available — Reload" and takes over only after the click', async ({ page }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  const firstScript = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  await expect(page.getByRole('button', { name: 'Update available — Reload' })).toHaveCount(0);

  // publish a "new build": the same worker with different bytes
  const swPath = join(webDir, 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    writeFileSync(swPath, `${original}\n// e2e update ${Date.now()}\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const button = page.getByRole('button', { name: 'Update available — Reload' });
    await expect(button).toBeVisible({ timeout: 120_000 });
    // still the old worker in control: nothing is applied before the click
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstScript);
    const waitingBefore = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null);
    expect(waitingBefore).toBe('installed');

    await page.evaluate(() => sessionStorage.setItem('e2e-before-update', 'yes'));
    const reload = page.waitForEvent('framenavigated');
    await button.click();
    await reload;
    await expect(status(page)).toContainText('Engine: ready', { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Update available — Reload' })).toHaveCount(0);
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting ?? null, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(after).toEqual({ waiting: null, controlled: true });
  } finally {
    writeFileSync(swPath, original);
  }
});
