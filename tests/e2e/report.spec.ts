import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixture, formatCount, goToView, importFile, openApp, reportPanes, salesQuantities } from './app';

const fmt = formatCount;

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

/** Drags with real mouse moves (pointer events), in steps. */
async function mouseDrag(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
  await page.mouse.up();
}

test('builds a three-visual page by drag and drop, cross-filters, undoes a move and reloads as left', async ({ page }) => {
  const { total, byRegion } = salesQuantities();
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Report');

  const { canvas, viz, field } = reportPanes(page);
  await expect(field('quantity')).toBeVisible();

  // 1. a clustered column chart: region on Axis, quantity in Values
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(canvas, { targetPosition: { x: 170, y: 110 } });
  const column = canvas.getByRole('group', { name: 'Clustered column chart 1' });
  await expect(column).toBeVisible();
  await expect(column).toContainText('Add fields to build this visual');
  await field('region').dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  await expect(viz.getByRole('combobox', { name: 'Aggregation of quantity' })).toHaveValue('sum');
  const points = column.getByRole('list', { name: 'Data points' }).getByRole('button');
  await expect(points).toHaveCount(byRegion.size);
  await expect(column.locator('canvas')).toBeVisible();

  // 2. a card: sum of quantity
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 480, y: 70 } });
  const card = canvas.getByRole('group', { name: 'Card 1' });
  await expect(card).toBeVisible();
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const cardValue = card.getByRole('status', { name: 'Sum of quantity' });
  await expect(cardValue).toHaveText(fmt(total));

  // 3. a table: region + product
  await viz.getByRole('button', { name: 'Table', exact: true }).dragTo(canvas, { targetPosition: { x: 480, y: 330 } });
  const table = canvas.getByRole('group', { name: 'Table 1' });
  await expect(table).toBeVisible();
  await field('region').dragTo(viz.getByRole('list', { name: 'Columns', exact: true }));
  await field('product').dragTo(viz.getByRole('list', { name: 'Columns', exact: true }));
  await expect(table.getByRole('columnheader', { name: 'region' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'product' })).toBeVisible();
  await expect(canvas.getByRole('group')).toHaveCount(3);

  // cross-filter: clicking East's column filters the card to East's total; clicking it again clears
  const [region, regionTotal] = [...byRegion.entries()].find(([, q]) => q !== total) ?? ['', 0];
  const eastPoint = column.getByRole('list', { name: 'Data points' }).getByRole('button', { name: new RegExp(`^region ${region},`) });
  await eastPoint.dispatchEvent('click');
  await expect(cardValue).toHaveText(fmt(regionTotal));
  await expect(table.getByRole('row')).not.toHaveCount(1);
  const rows = await table.getByRole('row').allInnerTexts();
  expect(rows[0]).toMatch(/^region\s+product$/);
  for (const row of rows.slice(1)) expect(row.startsWith(`${region}\t`)).toBe(true);
  await eastPoint.dispatchEvent('click');
  await expect(cardValue).toHaveText(fmt(total));

  // move the table by its header; undo puts it back, redo moves it again
  const before = await box(table);
  const header = table.getByTitle('Drag to move');
  const h = await box(header);
  await mouseDrag(page, { x: h.x + 30, y: h.y + h.height / 2 }, 60, 40);
  await expect.poll(async () => (await box(table)).x).toBeGreaterThan(before.x + 30);
  const moved = await box(table);
  const toolbar = page.getByRole('toolbar', { name: 'Report' });
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => Math.round((await box(table)).x)).toBe(Math.round(before.x));
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => Math.round((await box(table)).x)).toBe(Math.round(moved.x));
  // keyboard too: Ctrl+Z / Ctrl+Y
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box(table)).x)).toBe(Math.round(before.x));
  await page.keyboard.press('Control+y');
  await expect.poll(async () => Math.round((await box(table)).y)).toBe(Math.round(moved.y));

  const layout = async () => {
    const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const [name, loc] of [['column', column], ['card', card], ['table', table]] as const) out[name] = await box(loc);
    return out;
  };
  const left = await layout();

  // reload: the page is exactly as left
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await expect(canvas.getByRole('group')).toHaveCount(3);
  await expect(cardValue).toHaveText(fmt(total));
  await expect(points).toHaveCount(byRegion.size);
  await expect(table.getByRole('columnheader', { name: 'product' })).toBeVisible();
  const after = await layout();
  for (const name of Object.keys(left)) {
    expect(Math.round(after[name].x)).toBe(Math.round(left[name].x));
    expect(Math.round(after[name].y)).toBe(Math.round(left[name].y));
    expect(Math.round(after[name].width)).toBe(Math.round(left[name].width));
  }
  await page.screenshot({ path: 'test-results/e2e/report-designer.png' });
});
