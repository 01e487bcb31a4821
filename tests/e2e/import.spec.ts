import { expect, test } from '@playwright/test';
import { datasetList, fixture, goToView, importFile, openApp, previewTypes, startImport } from './app';

const COLUMNS = ['order_id', 'order_date', 'region', 'product', 'quantity', 'price'];
const SNIFFED = ['BIGINT', 'DATE', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE'];

const formats = [
  { file: 'sales.csv', name: 'sales', types: SNIFFED },
  { file: 'sales.tsv', name: 'sales', types: SNIFFED },
  { file: 'sales.json', name: 'sales', types: SNIFFED },
  { file: 'sales.ndjson', name: 'sales', types: SNIFFED },
  { file: 'sales.parquet', name: 'sales', types: ['INTEGER', 'DATE', 'VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE'] },
  { file: 'sales.xlsx', name: 'sales', types: SNIFFED },
];

for (const format of formats) {
  test(`imports ${format.file}: sniffed types, 200 rows, types shown in the grid`, async ({ page }) => {
    await openApp(page);
    const dialog = await startImport(page, fixture(format.file));
    expect(await previewTypes(dialog)).toEqual(format.types);
    await expect(dialog.getByRole('textbox', { name: 'Name of column 1' })).toHaveValue('order_id');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });

    await goToView(page, 'Data');
    await expect(datasetList(page)).toContainText('200 rows · 6 columns');
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', /\d+/);
    for (const [i, type] of format.types.entries()) {
      await expect(grid.getByRole('columnheader', { name: COLUMNS[i], exact: true })).toContainText(type);
    }
    // row 1 of the fixture: 1, 2024-01-04, South, Gizmo, 8, 47.49
    await expect(grid.getByRole('row').nth(1)).toContainText('2024-01-04');
    await expect(grid.getByRole('row').nth(1)).toContainText('South');
    await expect(grid.getByRole('row').nth(1)).toContainText('47.49');
  });
}

test('imports the chosen sheet of a workbook, with renamed column and changed type', async ({ page }) => {
  await openApp(page);
  const dialog = await startImport(page, fixture('sales.xlsx'));
  await dialog.getByRole('combobox', { name: 'Sheet' }).selectOption('Regions');
  await expect(dialog.getByRole('textbox', { name: 'Name of column 2' })).toHaveValue('manager');
  await dialog.getByRole('textbox', { name: 'Name of column 2' }).fill('owner');
  await dialog.getByRole('combobox', { name: 'Type of column 3' }).selectOption('VARCHAR');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('4 rows · 3 columns');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('columnheader', { name: 'owner', exact: true })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'target', exact: true })).toContainText('VARCHAR');
});

test('datasets survive a reload without re-import', async ({ page }) => {
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await importFile(page, fixture('sales.parquet'));
  await goToView(page, 'Data');
  await expect(datasetList(page).getByRole('listitem')).toHaveCount(2);

  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'Data');
  await expect(datasetList(page).getByRole('listitem')).toHaveCount(2);
  await expect(datasetList(page)).toContainText('sales (2)');
  // the rows come from the stored snapshot: the grid shows them and no import dialog opened
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText('South');
  await datasetList(page).getByRole('button', { name: /^sales \(2\) 200 rows/ }).click();
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText('Gizmo');
});

test('a malformed CSV names the line and column and leaves no dataset', async ({ page }) => {
  await openApp(page);
  const dialog = await startImport(page, fixture('malformed.csv'));
  // "abc" on line 8 makes the sniffer call price VARCHAR; ask for numbers as a user would
  await dialog.getByRole('combobox', { name: 'Type of column 6' }).selectOption('DOUBLE');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Line 8');
  await expect(alert).toContainText('price');
  await expect(alert).toContainText('abc');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('No datasets yet');
  // nothing half-made in the engine either
  await goToView(page, 'SQL');
  await page.getByRole('textbox', { name: 'SQL editor' }).fill("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name NOT LIKE 'sqlite_%'");
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText('0');
});

test('a full disk while saving shows what to do and loses nothing', async ({ page }) => {
  // Simulated quota failure: OPFS writes reject with QuotaExceededError once the flag is set.
  await page.addInitScript(() => {
    const proto = (globalThis as unknown as { FileSystemWritableFileStream?: { prototype: { write: (...a: unknown[]) => Promise<void> } } })
      .FileSystemWritableFileStream?.prototype;
    if (!proto) return;
    const write = proto.write;
    proto.write = function (this: unknown, ...args: unknown[]) {
      if ((globalThis as unknown as { __failWrites?: boolean }).__failWrites) {
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      }
      return write.apply(this, args);
    };
  });
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await page.evaluate(() => ((globalThis as unknown as { __failWrites?: boolean }).__failWrites = true));
  const dialog = await startImport(page, fixture('sales.tsv'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(/storage|space/i);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'Data');
  await expect(datasetList(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText('South');
});

test('without OPFS, datasets are stored in IndexedDB and survive a reload', async ({ page }) => {
  // A browser without the Origin Private File System (older Safari, some private modes).
  await page.addInitScript(() => {
    Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: undefined, configurable: true });
  });
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('200 rows · 6 columns');
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText('South');
  // the snapshot is really in IndexedDB
  const stored = await page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.map((db) => db.name ?? '');
  });
  expect(stored.some((name) => /dataset|snapshot/i.test(name))).toBe(true);
});
