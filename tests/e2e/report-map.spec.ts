import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, formatCount, goToView, importFile, openApp, readShowData, reportPanes } from './app';

/** country → value of tests/fixtures/countries.csv, read from the file. */
function countries(): Map<string, number> {
  const lines = readFileSync(fixture('countries.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(lines.map((l) => l.split(',')).map(([c, v]) => [c, Number(v)]));
}

test('a filled map built by drag and drop only, with two datasets in the Fields pane', async ({ page }) => {
  const values = countries();
  await openApp(page);
  // two datasets: the field list is long enough that, in one scrolling column with the wells, it pushed the Values
  // well below the fold, and a drag from the list could not reach it (the map's Values stayed empty)
  await importFile(page, fixture('sales.csv'));
  await importFile(page, fixture('countries.csv'));
  await goToView(page, 'Report');
  const { canvas, viz, field } = reportPanes(page);
  await expect(field('country')).toBeVisible();

  await viz.getByRole('button', { name: 'Map', exact: true }).dragTo(canvas, { targetPosition: { x: 300, y: 200 } });
  const map = canvas.getByRole('group', { name: 'Map 1' });
  await expect(map).toBeVisible();
  const location = viz.getByRole('list', { name: 'Location', exact: true });
  const valuesWell = viz.getByRole('list', { name: 'Values', exact: true });
  // the fields and both wells are on screen together (the field list scrolls on its own)
  await expect(field('value')).toBeInViewport();
  await expect(valuesWell).toBeInViewport();

  await field('country').dragTo(location);
  await expect(location).toContainText('country');
  await field('value').dragTo(valuesWell);
  await expect(valuesWell).toContainText('Sum of value');
  await expect(viz.getByRole('combobox', { name: 'Aggregation of value' })).toHaveValue('sum');

  // the rendered map: one data point per country with its value, drawn on the canvas, every country matched
  const ranked = [...values.entries()].sort((a, b) => b[1] - a[1]);
  await expect(map.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveText(ranked.map(([c, v]) => `country ${c}, Sum of value ${formatCount(v)}`));
  await expect(map.locator('canvas')).toBeVisible();
  await expect(map).not.toContainText('match no');
  await expect(map.getByRole('alert')).toHaveCount(0);

  // Show data: exactly the rows behind the map
  const data = await readShowData(page, map);
  expect(data.headers).toEqual(['country', 'Sum of value']);
  expect(new Map(data.rows.map(([c, v]) => [c, Number(v.replace(/,/g, ''))]))).toEqual(values);
  expect(data.rows).toHaveLength(values.size);
});
