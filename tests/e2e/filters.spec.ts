import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, goToView, importFile, openApp } from './app';

interface Sale {
  order_date: string;
  region: string;
  product: string;
  quantity: number;
}

/** The fixture's rows, read from the file itself (expected numbers are computed from it, not hard-coded). */
function sales(): Sale[] {
  const [header, ...lines] = readFileSync(fixture('sales.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((line) => {
    const c = line.split(',');
    return { order_date: c[cols.indexOf('order_date')], region: c[cols.indexOf('region')], product: c[cols.indexOf('product')], quantity: Number(c[cols.indexOf('quantity')]) };
  });
}

const fmt = (n: number): string => new Intl.NumberFormat('en-US').format(n);
const total = (rows: Sale[]): number => rows.reduce((a, r) => a + r.quantity, 0);

/**
 * HTML5 drag and drop by events (dragstart → dragenter → dragover → drop → dragend with one DataTransfer): the Fields
 * pane and the Filters pane sit in one scrolling column, too far apart for a mouse drag to keep both on screen.
 */
async function dragByEvents(page: Page, source: Locator, target: Locator): Promise<void> {
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await source.scrollIntoViewIfNeeded();
  await source.dispatchEvent('dragstart', { dataTransfer });
  await target.scrollIntoViewIfNeeded();
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await source.dispatchEvent('dragend', { dataTransfer });
}

/** Adds a card of Sum of quantity by dragging the Card type onto the canvas and quantity into Values. */
async function addCard(page: Page, at: { x: number; y: number }): Promise<Locator> {
  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  const fields = page.getByRole('complementary', { name: 'Fields' });
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: at });
  const card = canvas.getByRole('group', { name: 'Card 1' });
  await expect(card).toBeVisible();
  await fields.getByText('quantity', { exact: true }).dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  return card.getByRole('status', { name: 'Sum of quantity' });
}

test('Filters pane: page, visual and report filters, relative dates and a numeric range slicer; all kept after reload', async ({ page }) => {
  test.setTimeout(300_000);
  const rows = sales();
  const north = rows.filter((r) => r.region === 'North');
  const product = rows[0].product;
  // "in the last N months, including this one", with N chosen so the period starts on 1 June 2024 (the fixture's last quarter)
  const now = new Date();
  const months = (now.getUTCFullYear() - 2024) * 12 + now.getUTCMonth() - 5 + 1;
  const recent = (r: Sale) => r.order_date >= '2024-06-01';

  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Report');

  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  const fields = page.getByRole('complementary', { name: 'Fields' });
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const field = (name: string) => fields.getByText(name, { exact: true });
  await expect(field('quantity')).toBeVisible();

  // a card (Sum of quantity) and a table (region, product)
  const cardValue = await addCard(page, { x: 160, y: 80 });
  await expect(cardValue).toHaveText(fmt(total(rows)));
  await viz.getByRole('button', { name: 'Table', exact: true }).dragTo(canvas, { targetPosition: { x: 520, y: 260 } });
  const table = canvas.getByRole('group', { name: 'Table 1' });
  await field('region').dragTo(viz.getByRole('list', { name: 'Columns', exact: true }));
  await field('product').dragTo(viz.getByRole('list', { name: 'Columns', exact: true }));
  await expect(table.getByRole('columnheader', { name: 'product' })).toBeVisible();

  // 1. basic page filter: drag region into "Filters on this page", tick North
  const pageSection = filters.getByRole('region', { name: 'Filters on this page' });
  await dragByEvents(page, field('region'), pageSection.getByText('Add data fields here'));
  const regionCard = pageSection.getByRole('group', { name: 'region filter' });
  await expect(regionCard.getByRole('combobox', { name: 'Filter type' })).toHaveValue('values');
  await expect(regionCard.getByRole('checkbox', { name: 'North' })).toBeVisible();
  await regionCard.getByRole('checkbox', { name: 'North' }).check();
  await expect(cardValue).toHaveText(fmt(total(north)));
  for (const row of (await table.getByRole('row').allInnerTexts()).slice(1)) expect(row.startsWith('North\t')).toBe(true);
  // the search box narrows the value list
  await regionCard.getByRole('searchbox', { name: 'Search values' }).fill('sou');
  await expect(regionCard.getByRole('checkbox')).toHaveCount(1);
  await regionCard.getByRole('searchbox', { name: 'Search values' }).fill('');

  // 2. advanced visual filter on the card: quantity > 10
  await canvas.getByRole('group', { name: 'Card 1' }).click();
  const visualSection = filters.getByRole('region', { name: 'Filters on this visual' });
  await visualSection.getByRole('combobox', { name: 'Add filter to Filters on this visual' }).selectOption({ label: 'quantity' });
  const qtyCard = visualSection.getByRole('group', { name: 'quantity filter' });
  await qtyCard.getByRole('combobox', { name: 'Filter type' }).selectOption({ label: 'Advanced filtering' });
  await qtyCard.getByRole('combobox', { name: 'Condition 1 operator' }).selectOption({ label: '>' });
  await qtyCard.getByRole('spinbutton', { name: 'Condition 1 value' }).fill('10');
  await qtyCard.getByRole('button', { name: 'Apply filter' }).click();
  const bigNorth = north.filter((r) => r.quantity > 10);
  await expect(cardValue).toHaveText(fmt(total(bigNorth)));
  // the table is not filtered by the card's own filter: it still lists North's small orders' products
  await expect(table.getByRole('row')).not.toHaveCount(1);

  // lock: the card's controls are disabled
  await qtyCard.getByRole('button', { name: 'Lock filter' }).click();
  await expect(qtyCard.getByRole('button', { name: 'Lock filter' })).toHaveAttribute('aria-pressed', 'true');
  await expect(qtyCard.getByRole('combobox', { name: 'Filter type' })).toBeDisabled();
  await expect(qtyCard.getByRole('button', { name: 'Remove filter' })).toBeDisabled();

  // 3. report-level filter (all pages): product = the first order's product
  const reportSection = filters.getByRole('region', { name: 'Filters on all pages' });
  await dragByEvents(page, field('product'), reportSection.getByText('Add data fields here'));
  const productCard = reportSection.getByRole('group', { name: 'product filter' });
  await productCard.getByRole('checkbox', { name: product }).check();
  await expect(cardValue).toHaveText(fmt(total(bigNorth.filter((r) => r.product === product))));

  // ... it applies on a second page too
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('tab', { name: 'Page 2' })).toHaveAttribute('aria-selected', 'true');
  const card2 = await addCard(page, { x: 160, y: 80 });
  const ofProduct = rows.filter((r) => r.product === product);
  await expect(card2).toHaveText(fmt(total(ofProduct)));

  // 4. relative date page filter on page 2: order_date in the last N months (including this one)
  const page2Section = filters.getByRole('region', { name: 'Filters on this page' });
  await page2Section.getByRole('combobox', { name: 'Add filter to Filters on this page' }).selectOption({ label: 'order_date' });
  const dateCard = page2Section.getByRole('group', { name: 'order_date filter' });
  await dateCard.getByRole('combobox', { name: 'Filter type' }).selectOption({ label: 'Relative date' });
  await dateCard.getByRole('combobox', { name: 'Relative period' }).selectOption('last');
  await dateCard.getByRole('spinbutton', { name: 'Number of periods' }).fill(String(months));
  await dateCard.getByRole('combobox', { name: 'Period unit' }).selectOption({ label: 'months' });
  await expect(dateCard.getByRole('checkbox', { name: 'Include today' })).toBeChecked();
  await dateCard.getByRole('button', { name: 'Apply filter' }).click();
  const recentOfProduct = ofProduct.filter(recent);
  expect(recentOfProduct.length).toBeGreaterThan(0);
  await expect(card2).toHaveText(fmt(total(recentOfProduct)));

  // 5. a slicer on quantity: a number field gets the "Between" style; 5 ≤ quantity ≤ 10
  await viz.getByRole('button', { name: 'Slicer', exact: true }).dragTo(canvas, { targetPosition: { x: 520, y: 120 } });
  const slicer = canvas.getByRole('group', { name: 'Slicer 1' });
  await expect(slicer).toBeVisible();
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Field', exact: true }));
  await expect(viz.getByRole('combobox', { name: 'Slicer style' })).toHaveValue('between');
  const min = slicer.getByRole('spinbutton', { name: 'Minimum' });
  await expect(slicer.getByRole('slider', { name: 'Minimum slider' })).toBeVisible();
  await min.fill('5');
  await min.press('Enter');
  await expect(card2).toHaveText(fmt(total(recentOfProduct.filter((r) => r.quantity >= 5))));
  const max = slicer.getByRole('spinbutton', { name: 'Maximum' });
  await max.fill('10');
  await max.press('Enter');
  const sliced = recentOfProduct.filter((r) => r.quantity >= 5 && r.quantity <= 10);
  expect(sliced.length).toBeGreaterThan(0);
  await expect(card2).toHaveText(fmt(total(sliced)));

  // reload: every filter is still there and still applies
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Page 2' }).click();
  await expect(card2).toHaveText(fmt(total(sliced)));
  await expect(filters.getByRole('region', { name: 'Filters on this page' }).getByRole('group', { name: 'order_date filter' })).toContainText(`in the last ${months} months`);
  await expect(filters.getByRole('region', { name: 'Filters on all pages' }).getByRole('group', { name: 'product filter' }).getByRole('checkbox', { name: product })).toBeChecked();
  await page.getByRole('tab', { name: 'Page 1' }).click();
  await expect(cardValue).toHaveText(fmt(total(bigNorth.filter((r) => r.product === product))));
  await canvas.getByRole('group', { name: 'Card 1' }).click();
  await expect(filters.getByRole('region', { name: 'Filters on this visual' }).getByRole('group', { name: 'quantity filter' })).toContainText('> 10');
  await page.screenshot({ path: 'test-results/e2e/filters.png' });
  await filters.screenshot({ path: 'test-results/e2e/filters-pane.png' });
});
