import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, formatCount, goToView, importFile, openApp, salesQuantities } from './app';

// A fixed viewport so the reference screenshot is stable on this machine.
test.use({ viewport: { width: 1400, height: 900 } });

const fmt = formatCount;
const hexToRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** How many pixels of the chart's canvas have (about) this colour. */
async function pixelsOfColor(chart: Locator, hex: string): Promise<number> {
  const [r, g, b] = hexToRgb(hex);
  return chart.locator('canvas').evaluate(
    (canvas: HTMLCanvasElement, rgb: number[]) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - rgb[0]) <= 3 && Math.abs(data[i + 1] - rgb[1]) <= 3 && Math.abs(data[i + 2] - rgb[2]) <= 3 && data[i + 3] > 250) n++;
      }
      return n;
    },
    [r, g, b],
  );
}

/** Opens a Format pane section (they start collapsed, except the first). */
async function openSection(pane: Locator, name: string): Promise<Locator> {
  const toggle = pane.getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return pane.getByRole('group', { name, exact: true });
}

async function selectVisual(visual: Locator): Promise<void> {
  await visual.getByTitle('Drag to move').click({ position: { x: 12, y: 10 } });
  await expect(visual).toHaveClass(/visual--selected/);
}

async function deselect(page: Page, canvas: Locator): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas has no box');
  await page.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
}

test('format pane, themes, show data and focus mode on a column chart', async ({ page }, testInfo) => {
  const { total, byRegion } = salesQuantities();
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Report');

  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  const format = page.getByRole('complementary', { name: 'Format' });
  const fields = page.getByRole('complementary', { name: 'Fields' });
  const field = (name: string) => fields.getByText(name, { exact: true });
  const toolbar = page.getByRole('toolbar', { name: 'Report' });
  await expect(field('quantity')).toBeVisible();

  // a clustered column chart: region on Axis, sum of quantity in Values
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(canvas, { targetPosition: { x: 170, y: 110 } });
  const column = canvas.getByRole('group', { name: 'Clustered column chart 1' });
  await field('region').dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const points = column.getByRole('list', { name: 'Data points' }).getByRole('button');
  await expect(points).toHaveCount(byRegion.size);
  await expect(column.locator('canvas')).toBeVisible();

  // Title text → the header shows it; undo brings the automatic title back, redo the new one
  await selectVisual(column);
  const title = await openSection(format, 'Title');
  const heading = column.locator('.visual__title');
  await expect(heading).toHaveText('Sum of quantity by region');
  await title.getByLabel('Title text').fill('Quantity by region');
  await title.getByLabel('Title text').press('Enter');
  await expect(heading).toHaveText('Quantity by region');
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(heading).toHaveText('Sum of quantity by region');
  await expect(title.getByLabel('Title text')).toHaveValue('');
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(heading).toHaveText('Quantity by region');

  // the series colour list comes from the last query result (one measure → its label)
  const colours = await openSection(format, 'Colours');
  await expect(colours.getByRole('group', { name: 'Colour of Sum of quantity' })).toBeVisible();

  // number format on the chart: Thousands with 2 decimals → its data points read e.g. "0.52K"
  const numbers = await openSection(format, 'Number format');
  await numbers.getByLabel('Display units').selectOption({ label: 'Thousands' });
  await numbers.getByLabel('Decimal places').fill('2');
  await numbers.getByLabel('Decimal places').press('Enter');
  const [someRegion, someSum] = [...byRegion.entries()][0];
  await expect(column.getByRole('list', { name: 'Data points' }).getByRole('button', { name: `region ${someRegion}, Sum of quantity ${(someSum / 1000).toFixed(2)}K` })).toHaveCount(1);
  // a bad number is refused with a message, nothing written
  await numbers.getByLabel('Decimal places').fill('two');
  await numbers.getByLabel('Decimal places').press('Enter');
  await expect(numbers.getByRole('alert')).toContainText('not a number');
  await numbers.getByLabel('Decimal places').fill('2');
  await numbers.getByLabel('Decimal places').press('Enter');
  await expect(numbers.getByRole('alert')).toHaveCount(0);
  // data labels on
  const labels = await openSection(format, 'Data labels');
  await labels.getByLabel('Data labels').check();
  await expect(labels.getByLabel('Data labels')).toBeChecked();

  // a card of the total, in millions/thousands: Auto units with 1 decimal
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 620, y: 70 } });
  const card = canvas.getByRole('group', { name: 'Card 1' });
  await field('quantity').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const cardValue = card.getByRole('status', { name: 'Sum of quantity' });
  await expect(cardValue).toHaveText(fmt(total));
  const cardNumbers = await openSection(format, 'Number format');
  await cardNumbers.getByLabel('Display units').selectOption({ label: 'Auto' });
  await cardNumbers.getByLabel('Decimal places').fill('1');
  await cardNumbers.getByLabel('Decimal places').press('Enter');
  await expect(cardValue).toHaveText(`${(total / 1000).toFixed(1)}K`);
  await cardNumbers.getByLabel('Currency symbol').fill('$');
  await cardNumbers.getByLabel('Currency symbol').press('Enter');
  await expect(cardValue).toHaveText(`$${(total / 1000).toFixed(1)}K`);

  // Show data: exactly the rows behind the chart, formatted like it, labels as headers
  await column.getByRole('button', { name: 'More options' }).click();
  await column.getByRole('menuitem', { name: 'Show data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Data of Quantity by region' });
  await expect(dialog).toBeVisible();
  const grid = dialog.getByRole('grid');
  await expect(grid.getByRole('columnheader', { name: 'region' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Sum of quantity' })).toBeVisible();
  const dataRows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(dataRows).toHaveCount(byRegion.size);
  const shown = new Map<string, string>();
  for (const text of await dataRows.allInnerTexts()) {
    const cells = text.split(/\s*\n\s*|\t/).map((c) => c.trim()).filter((c) => c !== '');
    shown.set(cells[cells.length - 2], cells[cells.length - 1]);
  }
  expect(new Map([...byRegion].map(([r, q]) => [r, `${(q / 1000).toFixed(2)}K`]))).toEqual(shown);
  // Export data: a CSV with the raw sums
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export data' }).click();
  const csvPath = await (await download).path();
  const csv = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  expect(csv[0]).toBe('region,Sum of quantity');
  expect(new Map(csv.slice(1).map((l) => [l.split(',')[0], Number(l.split(',')[1])]))).toEqual(byRegion);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Focus mode: the chart fills the canvas area; Esc and "Back to report" return
  const canvasWidth = (await column.locator('canvas').boundingBox())?.width ?? 0;
  await column.getByRole('button', { name: 'Focus mode' }).click();
  const focus = page.getByRole('region', { name: 'Focus mode: Clustered column chart 1' });
  await expect(focus).toBeVisible();
  await expect(canvas).toBeHidden();
  await expect.poll(async () => (await focus.locator('canvas').boundingBox())?.width ?? 0).toBeGreaterThan(canvasWidth * 1.5);
  await expect(focus.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveCount(byRegion.size);
  await page.keyboard.press('Escape');
  await expect(focus).toBeHidden();
  await expect(canvas).toBeVisible();
  await column.getByRole('button', { name: 'Focus mode' }).click();
  await expect(focus).toBeVisible();
  await focus.getByRole('button', { name: 'Back to report' }).click();
  await expect(canvas).toBeVisible();
  await expect(points).toHaveCount(byRegion.size);

  // Report theme: with no visual selected the pane shows the page and the theme
  const defaultBlue = '#118DFF';
  await expect.poll(() => pixelsOfColor(column, defaultBlue)).toBeGreaterThan(200);
  await deselect(page, canvas);
  const themeSection = format.getByRole('group', { name: 'Report theme', exact: true });
  await expect(themeSection).toBeVisible();

  // a broken theme file: every problem is listed, nothing changes
  const badDir = testInfo.outputPath('themes');
  mkdirSync(badDir, { recursive: true });
  const bad = join(badDir, 'broken-theme.json');
  writeFileSync(bad, JSON.stringify({ name: 'Broken', dataColors: ['#12', 'blue'], background: 7 }));
  let chooser = page.waitForEvent('filechooser');
  await themeSection.getByRole('button', { name: 'Import theme' }).click();
  await (await chooser).setFiles(bad);
  const alert = themeSection.getByRole('alert');
  await expect(alert).toContainText('broken-theme.json cannot be used');
  await expect(alert.getByRole('listitem')).toHaveCount(3);
  await expect(alert).toContainText('"dataColors"[0] is not a colour');

  // the Power BI theme file: the chart's bars take its first data colour
  const themeColors = (JSON.parse(readFileSync(fixture('theme-tessera.json'), 'utf8')) as { dataColors: string[] }).dataColors;
  chooser = page.waitForEvent('filechooser');
  await themeSection.getByRole('button', { name: 'Import theme' }).click();
  await (await chooser).setFiles(fixture('theme-tessera.json'));
  await expect(themeSection.getByRole('alert')).toHaveCount(0);
  await expect(themeSection.getByLabel('Report theme')).toHaveValue('custom');
  await expect.poll(() => pixelsOfColor(column, themeColors[0])).toBeGreaterThan(200);
  expect(await pixelsOfColor(column, defaultBlue)).toBe(0);

  // page format: Letter size, then back to 16:9; a page background colour
  const pageSize = format.getByRole('group', { name: 'Page size', exact: true });
  await pageSize.getByLabel('Page size').selectOption({ label: 'Letter (816 × 1056)' });
  await expect.poll(async () => {
    const b = await canvas.boundingBox();
    return b ? Math.round((b.height / b.width) * 100) : 0;
  }).toBe(Math.round((1056 / 816) * 100));
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => {
    const b = await canvas.boundingBox();
    return b ? Math.round((b.height / b.width) * 100) : 0;
  }).toBe(Math.round((720 / 1280) * 100));
  const background = await openSection(format, 'Page background');
  await background.getByRole('button', { name: 'Page background colour: #F3F2F1' }).click();
  await expect(canvas).toHaveCSS('background-color', 'rgb(243, 242, 241)');

  // a tooltip with the formatted value when hovering a bar
  const chartBox = await column.locator('canvas').boundingBox();
  if (!chartBox) throw new Error('no chart');
  // find a pixel of the first bar colour and hover it
  const spot = await column.locator('canvas').evaluate((c: HTMLCanvasElement, rgb: number[]) => {
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    const { data, width } = ctx.getImageData(0, 0, c.width, c.height);
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - rgb[0]) <= 3 && Math.abs(data[i + 1] - rgb[1]) <= 3 && Math.abs(data[i + 2] - rgb[2]) <= 3) {
        const p = i / 4;
        const scale = c.width / c.getBoundingClientRect().width;
        return { x: (p % width) / scale + 2, y: Math.floor(p / width) / scale + 4 };
      }
    }
    return null;
  }, hexToRgb(themeColors[0]));
  expect(spot).not.toBeNull();
  if (spot) {
    await page.mouse.move(chartBox.x + spot.x, chartBox.y + spot.y);
    const tooltip = page.locator('#vg-tooltip-element');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Sum of quantity');
    await expect(tooltip).toContainText(/\d\.\d\dK/);
  }

  // reference screenshot of the page (theme, formats, page background)
  await page.mouse.move(0, 0);
  await expect(page.locator('#vg-tooltip-element')).toBeHidden();
  await expect(canvas).toHaveScreenshot('format-reference.png', { maxDiffPixelRatio: 0.02, animations: 'disabled' });
});
