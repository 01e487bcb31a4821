import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { formatCount, goToView, importFile, openApp, reportPanes } from './app';

const COUNT = 1500;
const label = (i: number): string => `item_${String(i).padStart(4, '0')}`;

test('basic filter: a value beyond the first 1,000 is found by search (in SQL), and ticking it filters the visual', async ({ page }, testInfo) => {
  // a column with more distinct values than the list shows: item_0001 … item_1500, amount = the item's number
  const csv = testInfo.outputPath('many-items.csv');
  writeFileSync(csv, ['label,amount', ...Array.from({ length: COUNT }, (_, k) => `${label(k + 1)},${k + 1}`)].join('\n') + '\n');
  const target = 1400;
  const all = (COUNT * (COUNT + 1)) / 2;

  await openApp(page);
  await importFile(page, csv);
  await goToView(page, 'Report');
  const { canvas, viz, field } = reportPanes(page);
  await expect(field('amount')).toBeVisible();

  // a card of Sum of amount
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 200, y: 100 } });
  await expect(canvas.getByRole('group', { name: 'Card 1' })).toBeVisible();
  await field('amount').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const cardValue = canvas.getByRole('group', { name: 'Card 1' }).getByRole('status', { name: 'Sum of amount' });
  await expect(cardValue).toHaveText(formatCount(all));

  // a page filter on label: the list stops at 1,000 values and says so
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const pageSection = filters.getByRole('region', { name: 'Filters on this page' });
  await pageSection.getByRole('combobox', { name: 'Add filter to Filters on this page' }).selectOption({ label: 'label' });
  const card = pageSection.getByRole('group', { name: 'label filter' });
  const list = card.getByRole('list', { name: 'Values of label' });
  await expect(list.getByRole('checkbox', { name: label(1), exact: true })).toBeVisible();
  await expect(list).toContainText(`Showing first ${formatCount(1000)} of ${formatCount(COUNT)} values — search to find more`);
  await expect(list.getByRole('checkbox', { name: /^item_/ })).toHaveCount(1000);
  await expect(list.getByRole('checkbox', { name: label(target), exact: true })).toHaveCount(0);

  // search reaches it; ticking it filters the card to that one item
  const search = card.getByRole('searchbox', { name: 'Search values' });
  await search.fill(label(target));
  const hit = list.getByRole('checkbox', { name: label(target), exact: true });
  await expect(hit).toBeVisible();
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list).not.toContainText('Showing first');
  await hit.check();
  await expect(cardValue).toHaveText(formatCount(target));
  await expect(card).toContainText(`is ${label(target)}`);

  // a wider search lists every match: item_1400 … item_1499
  await search.fill('item_14');
  await expect(list.getByRole('checkbox')).toHaveCount(100);
  // back to the full list: the ticked value, outside the first 1,000, stays listed (ticked) so it can be unticked
  await search.fill('');
  await expect(list.getByRole('checkbox', { name: label(target), exact: true })).toBeChecked();
  await list.getByRole('checkbox', { name: label(target), exact: true }).click(); // unticked, it leaves the list
  await expect(cardValue).toHaveText(formatCount(all));
  await expect(list.getByRole('checkbox', { name: label(target), exact: true })).toHaveCount(0);
  // wildcards are literal: "%" matches no label
  await search.fill('%');
  await expect(list).toContainText('No value contains “%”.');
});
