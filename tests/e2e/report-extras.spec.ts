import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, goToView, importFile, openApp, reportPanes, salesQuantities } from './app';

/** Sum of quantity per region, computed from the fixture file itself. */
const fmt = (n: number): string => new Intl.NumberFormat('en-US').format(n);

async function openSortMenu(page: Page, visual: Locator): Promise<Locator> {
  await visual.getByRole('button', { name: 'More options' }).click();
  const menu = page.getByRole('menu', { name: /^Options of / });
  await menu.getByRole('menuitem', { name: 'Sort by' }).click();
  return menu.getByRole('menu', { name: 'Sort by' });
}

test('sort by a field, rename a field for a visual, duplicate a page, a custom Vega-Lite visual and a filled map', async ({ page }) => {
  const { byRegion } = salesQuantities();
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Report');

  const { canvas, viz, fields, field } = reportPanes(page);
  await expect(field('quantity')).toBeVisible();

  // a column chart: region × sum of quantity
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(canvas, { targetPosition: { x: 170, y: 110 } });
  const column = canvas.getByRole('group', { name: 'Clustered column chart 1' });
  await expect(column).toBeVisible();
  await field('region').dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const points = column.getByRole('list', { name: 'Data points' }).getByRole('button');
  await expect(points).toHaveCount(byRegion.size);

  // Sort by: the fields of the visual; the default (sum of quantity, descending) is checked
  let sortMenu = await openSortMenu(page, column);
  await expect(sortMenu.getByRole('menuitemradio', { name: 'Sum of quantity' })).toHaveAttribute('aria-checked', 'true');
  await expect(sortMenu.getByRole('menuitemradio', { name: 'Sort descending' })).toHaveAttribute('aria-checked', 'true');
  await sortMenu.getByRole('menuitemradio', { name: 'region' }).click();
  const regionsDesc = [...byRegion.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)); // by region, still descending
  await expect(points).toHaveText(regionsDesc.map((r) => new RegExp(`^region ${r},`)));
  sortMenu = await openSortMenu(page, column);
  await expect(sortMenu.getByRole('menuitemradio', { name: 'region' })).toHaveAttribute('aria-checked', 'true');
  await sortMenu.getByRole('menuitemradio', { name: 'Sum of quantity' }).click();
  sortMenu = await openSortMenu(page, column);
  await sortMenu.getByRole('menuitemradio', { name: 'Sort ascending' }).click();
  const ascending = [...byRegion.entries()].sort((a, b) => a[1] - b[1]);
  await expect(points).toHaveText(ascending.map(([r, q]) => `region ${r}, Sum of quantity ${fmt(q)}`));
  sortMenu = await openSortMenu(page, column);
  await expect(sortMenu.getByRole('menuitemradio', { name: 'Sort ascending' })).toHaveAttribute('aria-checked', 'true');
  await expect(sortMenu.getByRole('menuitemradio', { name: 'Sum of quantity' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  // rename the Values field "Units" for this visual: the points, the header and the well show it
  await column.getByTitle('Drag to move').click();
  await viz.getByRole('button', { name: 'Rename quantity for this visual' }).click();
  const nameBox = viz.getByRole('textbox', { name: 'Display name of quantity in this visual' });
  await expect(nameBox).toHaveValue('Sum of quantity');
  await nameBox.fill('Units');
  await nameBox.press('Enter');
  await expect(points).toHaveText(ascending.map(([r, q]) => `region ${r}, Units ${fmt(q)}`));
  await expect(column.locator('.visual__title')).toHaveText('Units by region');
  await expect(viz.getByRole('list', { name: 'Values', exact: true })).toContainText('Units');

  // duplicate the page: Page 2 has the same visual, sorted and renamed
  await page.getByRole('button', { name: 'Duplicate page Page 1' }).click();
  await expect(page.getByRole('tab', { name: 'Page 2' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab')).toHaveCount(2);
  const copy = canvas.getByRole('group', { name: 'Clustered column chart 1' });
  await expect(copy.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveText(ascending.map(([r, q]) => `region ${r}, Units ${fmt(q)}`));
  await page.getByRole('tab', { name: 'Page 1' }).click();
  await expect(points).toHaveCount(byRegion.size);
  await page.getByRole('tab', { name: 'Page 2' }).click();

  // a custom Vega-Lite visual with the user's spec
  await viz.getByRole('button', { name: 'Custom (Vega-Lite)', exact: true }).dragTo(canvas, { targetPosition: { x: 560, y: 420 } });
  const custom = canvas.getByRole('group', { name: 'Custom (Vega-Lite) 1' });
  await expect(custom).toBeVisible();
  await field('region').dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const customPoints = custom.getByRole('list', { name: 'Data points' }).getByRole('button');
  await expect(customPoints).toHaveCount(byRegion.size); // the default spec: a bar per region
  await custom.getByRole('button', { name: 'Edit spec of Custom (Vega-Lite) 1' }).click();
  let dialog = page.getByRole('dialog', { name: 'Edit Vega-Lite spec' });
  const specBox = dialog.getByRole('textbox', { name: 'Vega-Lite spec (JSON)' });
  await expect(specBox).toHaveValue(/"field": "region"/);
  const userSpec = JSON.stringify({ mark: { type: 'point', filled: true, size: 120 }, encoding: { x: { field: 'Sum of quantity', type: 'quantitative' }, y: { field: 'region', type: 'nominal' } } }, null, 2);
  await specBox.fill(userSpec);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(custom.locator('canvas')).toBeVisible();
  await expect(customPoints).toHaveCount(byRegion.size);
  await expect(custom.getByRole('alert')).toHaveCount(0);
  // a broken spec: the error names the line, the text stays, nothing is applied
  await custom.getByRole('button', { name: 'Edit spec of Custom (Vega-Lite) 1' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit Vega-Lite spec' });
  await expect(specBox).toHaveValue(userSpec);
  const broken = '{\n  "mark": "bar",\n  "encoding": {\n    "x": {"field": "region" "type": "nominal"}\n  }\n}';
  await specBox.fill(broken);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('line 4, column');
  await expect(specBox).toHaveValue(broken);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(customPoints).toHaveCount(byRegion.size);

  // a filled map of countries, on a new page
  await importFile(page, fixture('countries.csv'));
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('tab', { name: 'Page 3' })).toHaveAttribute('aria-selected', 'true');
  await viz.getByRole('button', { name: 'Map', exact: true }).dragTo(canvas, { targetPosition: { x: 300, y: 200 } });
  const map = canvas.getByRole('group', { name: 'Map 1' });
  await expect(map).toBeVisible();
  await expect(viz.getByRole('combobox', { name: 'Map shapes' })).toHaveValue('world');
  await field('country').dragTo(viz.getByRole('list', { name: 'Location', exact: true }));
  await expect(viz.getByRole('list', { name: 'Location', exact: true })).toContainText('country');
  await fields.getByRole('checkbox', { name: 'value', exact: true }).check(); // a click adds a number to the Values well
  await expect(viz.getByRole('list', { name: 'Values', exact: true })).toContainText('Sum of value');
  const countries = new Map(readFileSync(fixture('countries.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',') as [string, string]));
  await expect(map.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveText(
    [...countries.entries()].sort((a, b) => Number(b[1]) - Number(a[1])).map(([c, v]) => `country ${c}, Sum of value ${fmt(Number(v))}`),
  );
  await expect(map.locator('canvas')).toBeVisible();
  await expect(map).not.toContainText('match no');
  await expect(map.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/pw-extras/report-extras.png' });
});
