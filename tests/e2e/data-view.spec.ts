import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { datasetList, fixture, goToView, importFile, openApp } from './app';

const rows = readFileSync(fixture('sales.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const quantities = rows.map((r) => Number(r[4]));
const north = rows.filter((r) => r[2] === 'North');

test('Data view: sort, filter and column statistics match the file', async ({ page }) => {
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Data');
  await expect(page.getByText('200 of 200 rows')).toBeVisible();
  const grid = page.getByRole('grid');

  // sort by quantity: ascending, then descending
  await grid.getByRole('button', { name: 'Sort by quantity' }).click();
  await expect(grid.getByRole('columnheader', { name: 'quantity', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await grid.getByRole('button', { name: 'Sort by quantity' }).click();
  await expect(grid.getByRole('columnheader', { name: 'quantity', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(4)).toHaveText(String(Math.max(...quantities)));

  // filter region = North
  await grid.getByRole('button', { name: 'Filter region' }).click();
  const editor = page.getByRole('dialog', { name: 'Filter region' });
  await editor.getByRole('combobox', { name: 'Operator' }).selectOption('eq');
  await editor.getByRole('textbox', { name: 'Value' }).fill('North');
  await editor.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByText(`${north.length} of 200 rows`)).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toContainText('North');

  // statistics of quantity over the filtered rows
  await page.getByRole('combobox', { name: 'Statistics column' }).selectOption('quantity');
  const stats = page.locator('dl.stats');
  const northQ = north.map((r) => Number(r[4]));
  await expect(stats).toContainText(`Rows${north.length}`);
  await expect(stats).toContainText(`Min${Math.min(...northQ)}`);
  await expect(stats).toContainText(`Max${Math.max(...northQ)}`);
  await expect(stats).toContainText(`Distinct${new Set(northQ).size}`);
  await expect(stats).toContainText('Nulls0');
});

test('dropping a file on the window opens the import and imports it', async ({ page }) => {
  await openApp(page);
  const text = readFileSync(fixture('sales.tsv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.tsv', { type: 'text/tab-separated-values' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  const dialog = page.getByRole('dialog', { name: 'Import dropped.tsv' });
  await expect(dialog.getByRole('combobox', { name: 'Type of column 2' })).toHaveValue('DATE');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('dropped');
  await expect(datasetList(page)).toContainText('200 rows · 6 columns');
});
