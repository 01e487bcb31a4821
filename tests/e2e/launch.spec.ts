import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, openApp } from './app';

/**
 * Files opened from the OS reach the app through the File Handling API's `launchQueue`. Headless
 * Chromium never launches the app from the OS, so the test stands in for the browser: it provides a
 * `launchQueue` whose consumer the test then calls with a real FileSystemFileHandle (an OPFS file).
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __launch?: (params: unknown) => void };
    // Chromium has a native (read-only) launchQueue: shadow it with one the test can drive.
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: { setConsumer: (consumer: (params: unknown) => void) => (w.__launch = consumer) },
    });
  });
});

test('a data file opened from the OS opens the import dialog with its preview', async ({ page }) => {
  await openApp(page);
  const csv = readFileSync(fixture('sales.csv'), 'utf8');
  await page.evaluate(async (text) => {
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle('from-the-os.csv', { create: true });
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    (window as unknown as { __launch: (params: unknown) => void }).__launch({ files: [handle] });
  }, csv);
  const dialog = page.getByRole('dialog', { name: 'Import from-the-os.csv' });
  await expect(dialog.getByRole('combobox', { name: 'Type of column 2' })).toHaveValue('DATE');
});

test('the manifest shortcuts: ?action=import asks for a file, ?action=new starts a new workbook', async ({ page }) => {
  await openApp(page);
  await page.goto('/?action=import');
  await expect(page.getByRole('dialog', { name: 'Import data' })).toBeVisible();
  await expect(page).toHaveURL((url) => !url.searchParams.has('action'));

  await page.getByRole('textbox', { name: 'Workbook name' }).fill('Before the shortcut');
  await page.getByRole('textbox', { name: 'Workbook name' }).press('Enter');
  await page.goto('/?action=new');
  await expect(page.getByRole('textbox', { name: 'Workbook name' })).not.toHaveValue('Before the shortcut', { timeout: 60_000 });
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
});

test('"Install Tessera" appears when the browser offers installation and hands the choice to the browser', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Install Tessera' })).toHaveCount(0);
  // What Chromium fires when the app is installable (it never does in headless mode).
  await page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt?: () => Promise<void>; userChoice?: Promise<unknown> };
    event.prompt = async () => {
      (window as unknown as { __prompted?: boolean }).__prompted = true;
    };
    event.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
    window.dispatchEvent(event);
  });
  const install = page.getByRole('button', { name: 'Install Tessera' });
  await expect(install).toBeVisible();
  await install.click();
  expect(await page.evaluate(() => (window as unknown as { __prompted?: boolean }).__prompted)).toBe(true);
  await expect(install).toHaveCount(0);
});
