import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addChart, fixture, goToView, importFile, openApp, readShowData, sales, sumBy } from './app';

/** Chooses one end of the relationship in the open dialog. */
async function pickEnd(dialog: Locator, side: 'From' | 'To', table: string, column: string): Promise<void> {
  await dialog.getByRole('combobox', { name: `${side} table` }).selectOption({ label: table });
  await dialog.getByRole('combobox', { name: `${side} column` }).selectOption({ label: column });
}

/** region → manager of tests/fixtures/regions.csv, read from the file. */
function managers(): Map<string, string> {
  const lines = readFileSync(fixture('regions.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(lines.map((l) => l.split(',')).map(([region, manager]) => [region, manager]));
}

test('relationships in the Model view: refused when the one side repeats, created, used by a visual, edited, deleted, undone, autodetected', async ({ page }, testInfo) => {
  const orders = sales();
  const regionOf = managers();
  const expected = new Map([...sumBy(orders, (s) => s.region)].map(([region, quantity]) => [regionOf.get(region), quantity]));
  const regionCount = new Set(orders.map((s) => s.region)).size;

  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await importFile(page, fixture('regions.csv'));

  // before any relationship: a visual with a column of each table says they are not connected, and what to click
  await goToView(page, 'Report');
  const chart = await addChart(page, 'Clustered column chart', 'Clustered column chart 1', { x: 420, y: 260 }, 'manager', 'quantity');
  await expect(chart.getByRole('alert')).toContainText('are not connected by a relationship');
  await expect(chart.getByRole('alert')).toContainText('New relationship');

  await goToView(page, 'Model');
  const toolbar = page.getByRole('toolbar', { name: 'Model' });
  const list = page.getByRole('region', { name: 'Relationships' });
  await expect(list).toContainText('No relationships yet');

  // the sides chosen the wrong way round: regions.region → sales.region, Many to one. The "one" side repeats: refused
  await toolbar.getByRole('button', { name: 'New relationship' }).click();
  let dialog = page.getByRole('dialog', { name: 'New relationship' });
  const pick = (side: 'From' | 'To', table: string, column: string) => pickEnd(dialog, side, table, column);
  await pick('From', 'regions', 'region');
  await pick('To', 'sales', 'region');
  await expect(dialog.getByRole('combobox', { name: 'Cardinality' })).toHaveValue('many-to-one');
  const problem = dialog.getByRole('alert');
  await expect(problem).toContainText(`sales.region must have unique values on the “one” side of Many to one (*:1), but ${regionCount} of its values appear more than once`);
  await expect(problem).toContainText(`${orders.length - regionCount} duplicate rows`);
  await expect(problem).toContainText('Many to many');
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Swap sides' })).toBeVisible();
  await dialog.screenshot({ path: testInfo.outputPath('relationship-not-unique.png') });
  // the same table on both sides, and columns whose types can never match, are refused too
  await pick('To', 'regions', 'manager');
  await expect(problem).toContainText('A relationship must join two different datasets');
  await pick('To', 'sales', 'order_date');
  await expect(problem).toContainText('regions.region holds text (VARCHAR) and sales.order_date holds dates (DATE)');
  await expect(save).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(list).toContainText('No relationships yet');

  // created the right way: sales.region → regions.region
  await toolbar.getByRole('button', { name: 'New relationship' }).click();
  dialog = page.getByRole('dialog', { name: 'New relationship' });
  await pick('From', 'sales', 'region');
  await pick('To', 'regions', 'region');
  await expect(dialog.getByRole('status')).toContainText('Values match');
  await expect(dialog.getByRole('checkbox', { name: 'Active' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const label = 'sales.region → regions.region';
  const row = list.getByRole('row', { name: label });
  await expect(row.getByRole('cell')).toHaveText(['sales.region', 'regions.region', 'Many to one (*:1)', 'Single', 'Yes', '✎×']);

  // the visual now joins sales to regions: quantity by manager, as computed from the two CSV files
  await goToView(page, 'Report');
  await expect(chart.getByRole('alert')).toHaveCount(0);
  await expect(chart.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveCount(expected.size);
  const data = await readShowData(page, chart);
  expect(data.headers).toEqual(['manager', 'Sum of quantity']);
  expect(new Map(data.rows.map(([m, q]) => [m, Number(q.replace(/,/g, ''))]))).toEqual(expected);

  // edit: Both directions; undo brings Single back
  await goToView(page, 'Model');
  await list.getByRole('button', { name: `Edit relationship ${label}` }).click();
  dialog = page.getByRole('dialog', { name: `Edit relationship ${label}` });
  await expect(dialog.getByRole('combobox', { name: 'To column' })).toHaveValue('region');
  await dialog.getByRole('combobox', { name: 'Cross-filter direction' }).selectOption({ label: 'Both' });
  await expect(dialog.getByRole('status')).toContainText('Values match');
  await expect(dialog.getByRole('status')).toContainText('With “Both”, filters on the many side also filter the one side');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('cell').nth(3)).toHaveText('Both');
  await page.keyboard.press('Control+z');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Single');
  await page.screenshot({ path: testInfo.outputPath('model-relationships.png') });

  // delete: the visual is unconnected again; Ctrl+Z brings the relationship back and the visual with it
  await list.getByRole('button', { name: `Delete relationship ${label}` }).click();
  await expect(row).toHaveCount(0);
  await expect(list).toContainText('No relationships yet');
  await goToView(page, 'Report');
  await expect(chart.getByRole('alert')).toContainText('are not connected by a relationship');
  await goToView(page, 'Model');
  await page.keyboard.press('Control+z');
  await expect(row).toHaveCount(1);
  await goToView(page, 'Report');
  await expect(chart.getByRole('alert')).toHaveCount(0);
  await expect(chart.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveCount(expected.size);

  // Autodetect finds the same relationship once it is gone, and nothing more the second time
  await goToView(page, 'Model');
  await list.getByRole('button', { name: `Delete relationship ${label}` }).click();
  await expect(row).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Autodetect' }).click();
  await expect(list.getByRole('status')).toHaveText(`Added 1 relationship: ${label}.`);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Many to one (*:1)');
  await toolbar.getByRole('button', { name: 'Autodetect' }).click();
  await expect(list.getByRole('status')).toHaveText('No new relationships found.');
  await expect(list.getByRole('row')).toHaveCount(2); // the header and the one relationship
});

test('a relationship may join on calculated columns: offered in the dialog, checked, used by a visual', async ({ page }) => {
  const orders = sales();
  const regionOf = managers();
  const expected = new Map([...sumBy(orders, (s) => s.region)].map(([region, quantity]) => [regionOf.get(region), quantity]));

  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await importFile(page, fixture('regions.csv'));
  await goToView(page, 'Model');
  const model = page.getByRole('region', { name: 'Model' });
  for (const table of ['sales', 'regions']) {
    await model.getByRole('article', { name: table }).getByRole('button', { name: `New column in ${table}` }).click();
    const editor = page.getByRole('dialog', { name: 'New column' });
    await editor.getByRole('textbox', { name: 'Column name' }).fill('Region key');
    await editor.getByRole('textbox', { name: 'Expression' }).fill('UPPER([region])');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
  }

  await page.getByRole('toolbar', { name: 'Model' }).getByRole('button', { name: 'New relationship' }).click();
  const dialog = page.getByRole('dialog', { name: 'New relationship' });
  const pick = (side: 'From' | 'To', table: string, column: string) => pickEnd(dialog, side, table, column);
  // the "one" side is checked on the expression's values: upper-cased, the sales side repeats
  await pick('From', 'regions', 'Region key (calculated)');
  await pick('To', 'sales', 'Region key (calculated)');
  await expect(dialog.getByRole('alert')).toContainText('sales.Region key must have unique values');
  await dialog.getByRole('button', { name: 'Swap sides' }).click();
  await expect(dialog.getByRole('combobox', { name: 'From column' })).toHaveValue('Region key');
  await expect(dialog.getByRole('status')).toContainText('Values match');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Relationships' }).getByRole('row', { name: 'sales.Region key → regions.Region key' })).toHaveCount(1);

  await goToView(page, 'Report');
  const chart = await addChart(page, 'Clustered column chart', 'Clustered column chart 1', { x: 420, y: 260 }, 'manager', 'quantity');
  await expect(chart.getByRole('alert')).toHaveCount(0);
  const data = await readShowData(page, chart);
  expect(new Map(data.rows.map(([m, q]) => [m, Number(q.replace(/,/g, ''))]))).toEqual(expected);
});
