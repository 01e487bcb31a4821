import { expect, test, type Locator } from '@playwright/test';
import { addChart, fixture, formatCount, goToView, importFile, openApp, points, sales, sumBy } from './app';

const fmt = formatCount;
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How the card's rows were answered: 'cube' (the cross-filter cube) or 'query' (the visual's own SQL). */
const answeredBy = (visual: Locator) => visual.locator('.visual__content').getAttribute('data-answered-by');

test('pointing at a chart prepares cross-filter cubes; clicks are answered from them with the right numbers', async ({ page }) => {
  const rows = sales();
  const total = rows.reduce((a, s) => a + s.quantity, 0);
  const byRegion = sumBy(rows, (s) => s.region);
  const byQuarter = sumBy(rows, (s) => `${s.date.slice(0, 4)} Q${Math.floor((Number(s.date.slice(5, 7)) - 1) / 3) + 1}`);

  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Report');
  const regions = await addChart(page, 'Clustered column chart', 'Clustered column chart 1', { x: 170, y: 110 }, 'region', 'quantity');
  const dates = await addChart(page, 'Clustered column chart', 'Clustered column chart 2', { x: 170, y: 420 }, 'order_date', 'quantity');
  const card = await addChart(page, 'Card', 'Card 1', { x: 620, y: 80 }, '', 'quantity');
  const cardValue = card.getByRole('status', { name: 'Sum of quantity' });
  await expect(cardValue).toHaveText(fmt(total));
  await expect(points(regions)).toHaveCount(byRegion.size);

  // the pointer enters the region chart: the card builds its cube for region clicks in the background
  await regions.locator('canvas').hover();
  const [region, regionTotal] = [...byRegion.entries()].find(([, q]) => q !== total) ?? ['', 0];
  const regionPoint = points(regions).filter({ hasText: new RegExp(`^region ${esc(region)},`) });
  // click, check the number, clear — until the answer comes from the cube (the first ones may not)
  await expect
    .poll(async () => {
      await regionPoint.dispatchEvent('click');
      await expect(cardValue).toHaveText(fmt(regionTotal));
      const by = await answeredBy(card);
      await regionPoint.dispatchEvent('click');
      await expect(cardValue).toHaveText(fmt(total));
      return by;
    })
    .toBe('cube');
  // every region through the cube gives that region's total
  for (const [name, quantity] of byRegion) {
    const point = points(regions).filter({ hasText: new RegExp(`^region ${esc(name)},`) });
    await point.dispatchEvent('click');
    await expect(cardValue).toHaveText(fmt(quantity));
    expect(await answeredBy(card)).toBe('cube');
    await point.dispatchEvent('click');
    await expect(cardValue).toHaveText(fmt(total));
  }

  // a date chart at quarter level cross-filters by the quarter it shows (its hierarchy key)
  await dates.getByRole('button', { name: 'Go to the next level' }).click();
  await expect(points(dates)).toHaveCount(byQuarter.size);
  await dates.locator('canvas').hover();
  const [quarter, quarterTotal] = [...byQuarter.entries()][1];
  const quarterPoint = points(dates).filter({ hasText: new RegExp(`Qtr ${quarter.slice(-1)},`) });
  await expect
    .poll(async () => {
      await quarterPoint.dispatchEvent('click');
      await expect(cardValue).toHaveText(fmt(quarterTotal));
      const by = await answeredBy(card);
      await quarterPoint.dispatchEvent('click');
      await expect(cardValue).toHaveText(fmt(total));
      return by;
    })
    .toBe('cube');
  // and the region chart follows the quarter: each region's bar is its total within the quarter
  await quarterPoint.dispatchEvent('click');
  const inQuarter = sumBy(rows.filter((s) => `${s.date.slice(0, 4)} Q${Math.floor((Number(s.date.slice(5, 7)) - 1) / 3) + 1}` === quarter), (s) => s.region);
  await expect(points(regions)).toHaveCount(inQuarter.size);
  for (const [name, quantity] of inQuarter) await expect(points(regions).filter({ hasText: new RegExp(`^region ${esc(name)},`) })).toHaveText(new RegExp(`Sum of quantity ${esc(fmt(quantity))}$`));
});
