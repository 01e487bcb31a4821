import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addChart, createHierarchy, fixture, goToView, importFile, openApp, readShowData, reportPanes } from './app';

/** The sales fixture's rows with the columns the calculated columns read, from the file itself. */
function salesRows(): { region: string; quantity: number; price: number }[] {
  const [header, ...lines] = readFileSync(fixture('sales.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const [r, q, p] = ['region', 'quantity', 'price'].map((c) => cols.indexOf(c));
  return lines.map((line) => {
    const cells = line.split(',');
    return { region: cells[r], quantity: Number(cells[q]), price: Number(cells[p]) };
  });
}

const number = (text: string): number => Number(text.replace(/,/g, ''));

test('calculated columns: new (an error shown at its place saves nothing), in the Fields pane, in visuals; undo, delete when used', async ({ page }, testInfo) => {
  const rows = salesRows();
  const revenueByRegion = new Map<string, number>();
  const quantityBySize = new Map<string, number>();
  for (const r of rows) {
    revenueByRegion.set(r.region, (revenueByRegion.get(r.region) ?? 0) + r.quantity * r.price);
    const size = r.quantity >= 10 ? 'Bulk' : 'Single';
    quantityBySize.set(size, (quantityBySize.get(size) ?? 0) + r.quantity);
  }

  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Model');
  const model = page.getByRole('region', { name: 'Model' });
  const toolbar = page.getByRole('toolbar', { name: 'Model' });
  const table = model.getByRole('article', { name: 'sales' });
  const columns = table.getByRole('table', { name: 'Columns of sales' });

  // New column: a wrong name in the expression is shown at its place while typing; Save refuses; nothing is saved
  await table.getByRole('button', { name: 'New column in sales' }).click();
  let dialog = page.getByRole('dialog', { name: 'New column' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Column name' }).fill('Revenue');
  const expression = dialog.getByRole('textbox', { name: 'Expression' });
  const broken = '[quantity] *\n  [prise]';
  await expression.fill(broken);
  await expect(dialog.getByRole('alert')).toHaveText('Line 2, column 3: Unknown column [prise] in sales. Did you mean [price]?');
  await expect(expression).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('mark')).toHaveText('[prise]');
  await dialog.screenshot({ path: testInfo.outputPath('column-editor-error.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(columns.getByRole('row', { name: 'Revenue, calculated' })).toHaveCount(0);

  // fixed: its type is shown, Ctrl+Enter saves; the engine's type is stored and listed
  await table.getByRole('button', { name: 'New column in sales' }).click();
  dialog = page.getByRole('dialog', { name: 'New column' });
  await dialog.getByRole('textbox', { name: 'Column name' }).fill('Revenue');
  await dialog.getByRole('textbox', { name: 'Expression' }).fill('[quantity] * [price]');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('status', { name: 'Column type' })).toContainText('Type: number');
  await dialog.getByRole('textbox', { name: 'Expression' }).press('Control+Enter');
  await expect(dialog).toBeHidden();
  const revenueRow = columns.getByRole('row', { name: 'Revenue, calculated' });
  await expect(revenueRow).toContainText('calculated');
  await expect(revenueRow).toContainText('= [quantity] * [price]');
  await expect(revenueRow.getByRole('cell').nth(1)).toHaveText('DOUBLE');

  // a text bucket with IF
  await table.getByRole('button', { name: 'New column in sales' }).click();
  dialog = page.getByRole('dialog', { name: 'New column' });
  await dialog.getByRole('textbox', { name: 'Column name' }).fill('Order size');
  await dialog.getByRole('textbox', { name: 'Expression' }).fill('IF([quantity] >= 10, "Bulk", "Single")');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const sizeRow = columns.getByRole('row', { name: 'Order size, calculated' });
  await expect(sizeRow.getByRole('cell').nth(1)).toHaveText('VARCHAR');
  await page.screenshot({ path: testInfo.outputPath('model-calculated-columns.png') });

  // undo / redo
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(sizeRow).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(sizeRow).toHaveCount(1);

  // the Fields pane lists them under sales, marked calculated, with their kind
  await goToView(page, 'Report');
  const { fields, viz } = reportPanes(page);
  const salesFields = fields.getByRole('list', { name: 'Fields of sales' });
  await expect(salesFields.getByRole('checkbox', { name: 'Revenue' })).toHaveAttribute('aria-description', 'number, calculated column');
  await expect(salesFields.getByRole('checkbox', { name: 'Order size' })).toHaveAttribute('aria-description', 'text, calculated column');

  // a column chart of Revenue by region: summed by default, the numbers of the CSV
  const chart = await addChart(page, 'Clustered column chart', 'Clustered column chart 1', { x: 170, y: 110 }, 'region', 'Revenue');
  await expect(viz.getByRole('list', { name: 'Values', exact: true })).toContainText('Sum of Revenue');
  await expect(chart.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveCount(revenueByRegion.size);
  const data = await readShowData(page, chart);
  expect(data.headers).toEqual(['region', 'Sum of Revenue']);
  expect(data.rows).toHaveLength(revenueByRegion.size);
  for (const [region, value] of data.rows) expect(number(value)).toBeCloseTo(revenueByRegion.get(region)!, 1);

  // the text bucket as the axis
  const bySize = await addChart(page, 'Clustered bar chart', 'Clustered bar chart 1', { x: 170, y: 420 }, 'Order size', 'quantity');
  const sizes = await readShowData(page, bySize);
  expect(new Map(sizes.rows.map(([s, q]) => [s, number(q)]))).toEqual(quantityBySize);

  // a slicer on the calculated number: "Between" (a number), and it filters the other visuals
  const { canvas, field } = reportPanes(page);
  await viz.getByRole('button', { name: 'Slicer', exact: true }).dragTo(canvas, { targetPosition: { x: 620, y: 110 } });
  const slicer = canvas.getByRole('group', { name: 'Slicer 1' });
  await expect(slicer).toBeVisible();
  await field('Revenue').dragTo(viz.getByRole('list', { name: 'Field', exact: true }));
  await expect(viz.getByRole('combobox', { name: 'Slicer style' })).toHaveValue('between');
  const min = slicer.getByRole('spinbutton', { name: 'Minimum' });
  // both bounds fit in the (narrow) slicer
  const [slicerBox, maxBox] = [await slicer.boundingBox(), await slicer.getByRole('spinbutton', { name: 'Maximum' }).boundingBox()];
  expect(maxBox!.x + maxBox!.width).toBeLessThanOrEqual(slicerBox!.x + slicerBox!.width);
  await min.fill('500');
  await min.press('Enter');
  const big = new Map<string, number>();
  for (const r of rows) if (r.quantity * r.price >= 500) big.set(r.quantity >= 10 ? 'Bulk' : 'Single', (big.get(r.quantity >= 10 ? 'Bulk' : 'Single') ?? 0) + r.quantity);
  expect(big.size).toBeGreaterThan(0);
  await expect.poll(async () => new Map((await readShowData(page, bySize)).rows.map(([s, q]) => [s, number(q)]))).toEqual(big);
  await page.screenshot({ path: testInfo.outputPath('report-calculated-columns.png') });

  // renaming a column in use carries the new name into the visuals and the filter, in one undo step
  await goToView(page, 'Model');
  await revenueRow.getByRole('button', { name: 'Edit column Revenue' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit column Revenue' });
  await editor.getByRole('textbox', { name: 'Column name' }).fill('Sales value');
  await expect(editor.getByRole('status', { name: 'Rename' })).toHaveText('Saving also renames “Revenue” in 2 visuals and 1 filter.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(columns.getByRole('row', { name: 'Sales value, calculated' })).toHaveCount(1);
  await goToView(page, 'Report');
  await expect(chart.getByRole('alert')).toHaveCount(0);
  const renamed = await readShowData(page, chart);
  expect(renamed.headers).toEqual(['region', 'Sum of Sales value']);
  // still filtered by the slicer (Sales value ≥ 500), which was renamed too
  const bigRevenueByRegion = new Map<string, number>();
  for (const r of rows) if (r.quantity * r.price >= 500) bigRevenueByRegion.set(r.region, (bigRevenueByRegion.get(r.region) ?? 0) + r.quantity * r.price);
  expect(renamed.rows).toHaveLength(bigRevenueByRegion.size);
  for (const [region, value] of renamed.rows) expect(number(value)).toBeCloseTo(bigRevenueByRegion.get(region)!, 1);
  await expect.poll(async () => new Map((await readShowData(page, bySize)).rows.map(([s, q]) => [s, number(q)]))).toEqual(big);
  await goToView(page, 'Model');
  await page.keyboard.press('Control+z');
  await expect(revenueRow).toHaveCount(1);

  // deleting a column in use asks first; the visual then says what is missing; undo brings it back
  await revenueRow.getByRole('button', { name: 'Delete column Revenue' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete column Revenue' });
  await expect(confirm).toContainText('It is used by 2 visuals and 1 filter.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(revenueRow).toHaveCount(0);
  await goToView(page, 'Report');
  await expect(chart.getByRole('alert')).toContainText('does not exist');
  await goToView(page, 'Model');
  await page.keyboard.press('Control+z');
  await expect(revenueRow).toHaveCount(1);
  await goToView(page, 'Report');
  await expect(chart.getByRole('alert')).toHaveCount(0);
  await expect(chart.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveCount(revenueByRegion.size);

  // a hierarchy may have calculated levels: Order size › region, dropped as a whole on a new page's chart
  const hierarchy = await createHierarchy(fields, 'sales', 'Size and region', ['Order size', 'region']);
  await fields.getByRole('button', { name: 'New hierarchy in sales' }).click();
  // Revenue and Order size are offered as levels too, marked calculated
  await expect(fields.getByRole('form', { name: 'New hierarchy in sales' }).getByText('calculated')).toHaveCount(2);
  await fields.getByRole('form', { name: 'New hierarchy in sales' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(canvas).toHaveAccessibleName(/Page 2/);
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(canvas, { targetPosition: { x: 170, y: 110 } });
  const sizeChart = canvas.getByRole('group', { name: 'Clustered column chart 1', exact: true });
  await hierarchy.dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await expect(viz.getByRole('list', { name: 'Axis', exact: true }).getByRole('listitem')).toHaveCount(2);
  await fields.getByRole('checkbox', { name: 'quantity', exact: true }).check();
  const bySizeLevel = await readShowData(page, sizeChart);
  expect(bySizeLevel.headers).toEqual(['Order size', 'Sum of quantity']);
  expect(new Map(bySizeLevel.rows.map(([s, q]) => [s, number(q)]))).toEqual(quantityBySize);
});
