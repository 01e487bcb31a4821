import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { datasetList, fixture, goToView, importFile, openApp } from './app';

/** hyparquet is a dependency of the web package, not of tests/: resolve it from there. */
interface Hyparquet {
  parquetMetadata(file: ArrayBuffer): { num_rows: bigint; schema: { name: string }[] };
  parquetReadObjects(options: { file: ArrayBuffer }): Promise<Record<string, unknown>[]>;
}
async function loadHyparquet(): Promise<Hyparquet> {
  const fromWeb = createRequire(new URL('../../web/package.json', import.meta.url));
  return (await import(pathToFileURL(fromWeb.resolve('hyparquet')).href)) as Hyparquet;
}

test.use({ acceptDownloads: true });

test('exports a dataset as Parquet; page tab and field context menus work', async ({ browser }) => {
  // without the File System Access picker, Save falls back to a download
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  const page = await context.newPage();
  await openApp(page);
  await importFile(page, fixture('sales.csv'));

  await goToView(page, 'Data');
  const download = page.waitForEvent('download');
  await datasetList(page).getByRole('button', { name: 'Export sales as Parquet' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sales.parquet');
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
  expect(bytes.subarray(bytes.length - 4).toString('latin1')).toBe('PAR1');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { parquetMetadata, parquetReadObjects } = await loadHyparquet();
  expect(Number(parquetMetadata(buffer).num_rows)).toBe(200);
  const rows = await parquetReadObjects({ file: buffer });
  expect(rows).toHaveLength(200);
  expect(rows[0]).toMatchObject({ region: 'South', product: 'Gizmo', price: 47.49 });
  expect(Object.keys(rows[0])).toEqual(['order_id', 'order_date', 'region', 'product', 'quantity', 'price']);

  await goToView(page, 'Report');
  const tabs = page.getByRole('tablist', { name: 'Pages' }).getByRole('tab');
  await expect(tabs).toHaveCount(1);
  await tabs.first().click({ button: 'right' });
  const pageMenu = page.getByRole('menu', { name: /^Page / });
  await expect(pageMenu.getByRole('menuitem', { name: 'Rename page' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(pageMenu).toBeHidden();
  await tabs.first().click({ button: 'right' });
  await pageMenu.getByRole('menuitem', { name: 'Duplicate page' }).click();
  await expect(tabs).toHaveCount(2);

  const visuals = page.getByRole('region', { name: /^Canvas of page/ }).locator('[data-visual-id]');
  await expect(visuals).toHaveCount(0);
  const field = page.getByRole('list', { name: 'Fields of sales' }).getByText('region', { exact: true });
  await field.click({ button: 'right' });
  const fieldMenu = page.getByRole('menu', { name: 'Field region' });
  await fieldMenu.getByRole('menuitem', { name: 'New visual from this field' }).click();
  await expect(fieldMenu).toBeHidden();
  await expect(visuals).toHaveCount(1);
  await context.close();
});
