import { expect, test, type Page } from '@playwright/test';
import { fixture, importFile, openApp } from './app';

const workbookName = (page: Page) => page.getByRole('textbox', { name: 'Workbook name' });

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Settings shows stored datasets and usage, and deletes an unused snapshot', async ({ page }) => {
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  // a snapshot no workbook references (e.g. left by a deleted workbook)
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('tessera-datasets', { create: true });
    const handle = await dir.getFileHandle('ds_orphan@v1', { create: true });
    const writable = await handle.createWritable();
    await writable.write(new Uint8Array(4096));
    await writable.close();
  });

  const dialog = await openSettings(page);
  const usage = dialog.getByTestId('storage-usage');
  await expect(usage).toContainText('used of');
  expect(Number(await usage.getAttribute('data-bytes'))).toBeGreaterThan(0);

  const datasets = dialog.getByRole('table', { name: 'Stored datasets' });
  const sales = datasets.getByRole('row', { name: /^sales / });
  await expect(sales).toBeVisible();
  expect(Number(await sales.locator('td[data-bytes]').getAttribute('data-bytes'))).toBeGreaterThan(0);
  await expect(sales).toContainText('Untitled workbook');

  const orphan = datasets.getByRole('row', { name: 'ds_orphan v1' });
  await expect(orphan).toContainText('unused');
  await expect(orphan.locator('td[data-bytes]')).toHaveAttribute('data-bytes', '4096');

  // deleting the open workbook's snapshot warns what stops working; cancel keeps it
  await sales.getByRole('button', { name: /^Delete dataset sales/ }).click();
  const confirm = dialog.getByRole('group', { name: 'Confirm deletion' });
  await expect(confirm).toContainText('will stop working');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(sales).toBeVisible();

  await orphan.getByRole('button', { name: 'Delete dataset ds_orphan v1' }).click();
  await expect(confirm).toContainText('No workbook uses this snapshot');
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(orphan).toHaveCount(0);
  await expect(sales).toBeVisible();
  const remaining = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('tessera-datasets');
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
  expect(remaining).not.toContain('ds_orphan@v1');
  expect(remaining.length).toBeGreaterThan(0);

  // the workbooks list estimates the open one's size
  const workbooks = dialog.getByRole('table', { name: 'Stored workbooks' });
  const open = workbooks.getByRole('row', { name: 'Untitled workbook' });
  expect(Number(await open.locator('td[data-bytes]').getAttribute('data-bytes'))).toBeGreaterThan(0);
  await expect(open.getByRole('button', { name: 'Delete workbook Untitled workbook' })).toBeDisabled();

  // theme choice lives here too
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Help › Keyboard shortcuts lists the shortcuts; ? and Ctrl+/ open it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('menuitem', { name: /Keyboard shortcuts/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Report' }).getByRole('row', { name: /Ctrl\+Z Undo/ })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Model' }).getByRole('row', { name: /Ctrl\+Enter Save the measure being edited/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Ctrl\+Enter Run the query/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Ctrl\+S Save the workbook to a file/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+/');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.locator('body').press('?');
  await expect(dialog).toBeVisible();
});

test('a failed write to the browser storage shows an alert and loses nothing already saved', async ({ page }) => {
  await page.addInitScript(() => {
    const fail = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const flag = window as unknown as { __failWrites?: boolean };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (flag.__failWrites) fail();
        return original.apply(this, args);
      };
    }
  });
  await openApp(page);
  await workbookName(page).fill('Saved name');
  await workbookName(page).press('Enter');
  // the rename is stored: it survives a reload
  await page.reload();
  await expect(workbookName(page)).toHaveValue('Saved name', { timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'could not save' })).toHaveCount(0);

  await page.evaluate(() => {
    (window as unknown as { __failWrites?: boolean }).__failWrites = true;
  });
  await workbookName(page).fill('Never stored');
  await workbookName(page).press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Tessera could not save your latest changes on this device' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('storage for Tessera is full');
  await expect(alert).toContainText('Settings › Storage');
  await expect(alert).toContainText('Ctrl+S');
  // the edit is still on screen (in memory) so it can be saved to a file
  await expect(workbookName(page)).toHaveValue('Never stored');

  // the patch is inert after a reload (the flag is gone): the earlier saved state is intact
  await page.reload();
  await expect(workbookName(page)).toHaveValue('Saved name', { timeout: 60_000 });
  await expect(alert).toHaveCount(0);
});
