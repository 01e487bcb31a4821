import { expect, test, type Locator } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { addChart, createHierarchy, fixture, goToView, importFile, openApp, points, sales, sumBy } from './app';

const fmt = (n: number): string => new Intl.NumberFormat('en-US').format(n);
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

async function pointTexts(visual: Locator): Promise<string[]> {
  return (await points(visual).allTextContents()).sort();
}

test('date hierarchy drill, cross-highlight, edit interactions and drill-through on the sales fixture', async ({ page }) => {
  const rows = sales();
  const total = rows.reduce((a, s) => a + s.quantity, 0);
  const years = sumBy(rows, (s) => s.date.slice(0, 4));
  const quarters = sumBy(rows, (s) => `${s.date.slice(0, 4)} Qtr ${Math.floor((Number(s.date.slice(5, 7)) - 1) / 3) + 1}`);
  const q1Months = sumBy(
    rows.filter((s) => Number(s.date.slice(5, 7)) <= 3),
    (s) => `${MONTHS[Number(s.date.slice(5, 7)) - 1]} ${s.date.slice(0, 4)}`,
  );
  const byRegion = sumBy(rows, (s) => s.region);
  expect([...years.keys()]).toEqual(['2024']);
  expect(quarters.size).toBe(4);

  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Report');

  // 1. column chart: order_date on the axis → the automatic date hierarchy shows years
  const dates = await addChart(page, 'Clustered column chart', 'Clustered column chart 1', { x: 170, y: 110 }, 'order_date', 'quantity');
  await expect(points(dates)).toHaveCount(1);
  await expect(points(dates).first()).toHaveText(`order_date (year) 2024, Sum of quantity ${fmt(total)}`);

  // "Go to the next level" → quarters of all years
  await dates.getByRole('button', { name: 'Go to the next level' }).click();
  await expect(points(dates)).toHaveCount(4);
  expect(await pointTexts(dates)).toEqual([...quarters].map(([q, n]) => `order_date (quarter) ${q}, Sum of quantity ${fmt(n)}`).sort());

  // "Drill down" mode: a click on Q1 drills into it → the months of Q1
  const drillDown = dates.getByRole('button', { name: 'Drill down' });
  await drillDown.click();
  await expect(drillDown).toHaveAttribute('aria-pressed', 'true');
  await points(dates).filter({ hasText: /2024 Qtr 1,/ }).dispatchEvent('click');
  await expect(points(dates)).toHaveCount(q1Months.size);
  expect(await pointTexts(dates)).toEqual([...q1Months].map(([m, n]) => `order_date (month) ${m}, Sum of quantity ${fmt(n)}`).sort());

  // "Drill up" → back to the quarters
  await dates.getByRole('button', { name: 'Drill up' }).click();
  await expect(points(dates)).toHaveCount(4);
  await drillDown.click();
  await expect(drillDown).toHaveAttribute('aria-pressed', 'false');

  // 2. cross-highlight: a region chart and a card
  const regions = await addChart(page, 'Clustered column chart', 'Clustered column chart 2', { x: 170, y: 420 }, 'region', 'quantity');
  await expect(points(regions)).toHaveCount(byRegion.size);
  const card = await addChart(page, 'Card', 'Card 1', { x: 620, y: 80 }, '', 'quantity');
  const cardValue = card.getByRole('status', { name: 'Sum of quantity' });
  await expect(cardValue).toHaveText(fmt(total));

  const [region, regionTotal] = [...byRegion.entries()].find(([, q]) => q !== total) ?? ['', 0];
  const regionPoint = points(regions).filter({ hasText: new RegExp(`^region ${esc(region)},`) });
  await regionPoint.dispatchEvent('click');
  await expect(cardValue).toHaveText(fmt(regionTotal));
  // the source keeps all its data points, the clicked one highlighted
  await expect(points(regions)).toHaveCount(byRegion.size);
  await expect(regionPoint).toHaveAttribute('aria-pressed', 'true');
  await expect(points(regions).filter({ hasNotText: new RegExp(`^region ${esc(region)},`) }).first()).toHaveAttribute('aria-pressed', 'false');
  await regionPoint.dispatchEvent('click');
  await expect(cardValue).toHaveText(fmt(total));

  // 3. Edit interactions: select the region chart, set None for the card
  await regions.getByTitle('Drag to move').click();
  const toolbar = page.getByRole('toolbar', { name: 'Report' });
  await toolbar.getByRole('button', { name: 'Edit interactions' }).click();
  const none = card.getByRole('button', { name: 'None Card 1 from Clustered column chart 2' });
  await expect(card.getByRole('button', { name: 'Filter Card 1 from Clustered column chart 2' })).toHaveAttribute('aria-pressed', 'true');
  await none.click();
  await expect(none).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Edit interactions' }).click();
  await expect(none).toHaveCount(0);
  await regionPoint.dispatchEvent('click');
  await expect(regionPoint).toHaveAttribute('aria-pressed', 'true');
  // the date chart (at the quarter level) still filters by the region
  const regionQuarters = sumBy(
    rows.filter((s) => s.region === region),
    (s) => `${s.date.slice(0, 4)} Qtr ${Math.floor((Number(s.date.slice(5, 7)) - 1) / 3) + 1}`,
  );
  await expect.poll(() => pointTexts(dates)).toEqual([...regionQuarters].map(([q, n]) => `order_date (quarter) ${q}, Sum of quantity ${fmt(n)}`).sort());
  await expect(cardValue).toHaveText(fmt(total));
  await regionPoint.dispatchEvent('click');

  // 4. drill-through: page 2 takes region as its drill-through field
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('region', { name: /^Canvas of page/ })).toHaveAccessibleName(/Page 2/);
  const fields = page.getByRole('complementary', { name: 'Fields' });
  await fields.getByText('region', { exact: true }).dragTo(page.getByRole('list', { name: 'Drill-through fields' }));
  await expect(page.getByRole('list', { name: 'Drill-through fields' })).toContainText('region');
  const detailCard = await addChart(page, 'Card', 'Card 1', { x: 300, y: 100 }, '', 'quantity');
  await expect(detailCard.getByRole('status', { name: 'Sum of quantity' })).toHaveText(fmt(total));
  await page.getByRole('tab', { name: /Page 1/ }).click();
  await regionPoint.dispatchEvent('contextmenu');
  await page.getByRole('menuitem', { name: 'Drill through › Page 2' }).click();
  await expect(page.getByRole('region', { name: /^Canvas of page/ })).toHaveAccessibleName(/Page 2/);
  await expect(detailCard.getByRole('status', { name: 'Sum of quantity' })).toHaveText(fmt(regionTotal));
  await toolbar.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('region', { name: /^Canvas of page/ })).toHaveAccessibleName(/Page 1/);

  // 5. a user hierarchy (region › product) dropped as a whole: the chart shows regions, drills into products
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('region', { name: /^Canvas of page/ })).toHaveAccessibleName(/Page 3/);
  const geo = await createHierarchy(fields, 'sales', 'Geo', ['region', 'product']);
  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(canvas, { targetPosition: { x: 170, y: 110 } });
  const geoChart = canvas.getByRole('group', { name: 'Clustered column chart 1', exact: true });
  await geo.dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await expect(viz.getByRole('list', { name: 'Axis', exact: true }).getByRole('listitem')).toHaveCount(2);
  await fields.getByRole('checkbox', { name: 'quantity', exact: true }).check();
  await expect(viz.getByRole('list', { name: 'Values', exact: true })).toContainText('Sum of quantity');
  await expect(points(geoChart)).toHaveCount(byRegion.size);
  await geoChart.getByRole('button', { name: 'Drill down' }).click();
  await points(geoChart).filter({ hasText: new RegExp(`^region ${esc(region)},`) }).dispatchEvent('click');
  const products = sumBy(
    rows.filter((s) => s.region === region),
    (s) => s.product,
  );
  await expect.poll(() => pointTexts(geoChart)).toEqual([...products].map(([p, n]) => `product ${p}, Sum of quantity ${fmt(n)}`).sort());

  await geo.click(); // collapse the hierarchy's levels in the Fields pane
  await expect(fields.getByRole('list', { name: 'Levels of Geo' })).toHaveCount(0);

  // 6. matrix: region › product rows, collapsed groups with subtotals, "Expand <region>" shows its products
  await viz.getByRole('button', { name: 'Matrix', exact: true }).dragTo(canvas, { targetPosition: { x: 700, y: 200 } });
  const matrix = canvas.getByRole('group', { name: 'Matrix 1', exact: true });
  for (const name of ['region', 'product', 'quantity']) await fields.getByRole('checkbox', { name, exact: true }).check();
  await expect(viz.getByRole('list', { name: 'Rows', exact: true })).toHaveText(/region.*product/);
  await expect(viz.getByRole('list', { name: 'Values', exact: true })).toContainText('Sum of quantity');
  const table = matrix.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(1 + byRegion.size + 1);
  const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`(^|\\s)${esc(name)}$`) }) });
  await expect(rowOf(region)).toContainText(fmt(regionTotal));
  await expect(table.getByRole('row').last()).toHaveText(new RegExp(`Total\\s*${esc(fmt(total))}`));
  await matrix.getByRole('button', { name: `Expand ${region}` }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + byRegion.size + products.size + 1);
  for (const [p, n] of products) await expect(rowOf(p)).toContainText(fmt(n));
  await matrix.getByRole('button', { name: `Collapse ${region}` }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + byRegion.size + 1);
});

test('timestamps with a time zone (ISO values ending in Z or an offset) get the date hierarchy, in UTC', async ({ page }, testInfo) => {
  const csv = testInfo.outputPath('events-utc.csv');
  // 23:30 UTC on 31 March is Q1; 03:00 at +02:00 on 1 July is 01:00 UTC, Q3
  writeFileSync(csv, 'id,happened_at,amount\n1,2024-03-31T23:30:00Z,10\n2,2024-07-01T03:00:00+02:00,20\n3,2024-12-31T12:00:00Z,30\n4,2025-01-02T00:00:00Z,40\n');
  await openApp(page);
  await importFile(page, csv);
  await goToView(page, 'Report');
  const chart = await addChart(page, 'Clustered column chart', 'Clustered column chart 1', { x: 170, y: 110 }, 'happened_at', 'amount');
  await expect(points(chart)).toHaveCount(2);
  expect(await pointTexts(chart)).toEqual(['happened_at (year) 2024, Sum of amount 60', 'happened_at (year) 2025, Sum of amount 40']);
  await chart.getByRole('button', { name: 'Go to the next level' }).click();
  await expect(points(chart)).toHaveCount(4);
  expect(await pointTexts(chart)).toEqual(
    ['2024 Qtr 1, Sum of amount 10', '2024 Qtr 3, Sum of amount 20', '2024 Qtr 4, Sum of amount 30', '2025 Qtr 1, Sum of amount 40'].map((t) => `happened_at (quarter) ${t}`),
  );
});
