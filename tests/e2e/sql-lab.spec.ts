import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, goToView, importFile, openApp } from './app';

/** The expected GROUP BY, computed here from the fixture file itself. */
function expectedByRegion(): string[] {
  const [, ...lines] = readFileSync(fixture('sales.csv'), 'utf8').trim().split('\n');
  const totals = new Map<string, { n: number; q: number }>();
  for (const line of lines) {
    const [, , region, , quantity] = line.split(',');
    const t = totals.get(region) ?? { n: 0, q: 0 };
    t.n += 1;
    t.q += Number(quantity);
    totals.set(region, t);
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([r, t]) => `${r},${t.n},${t.q}`);
}

test('SQL Lab runs a GROUP BY with Ctrl+Enter and exports the result as CSV', async ({ page }) => {
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'SQL');
  const editor = page.getByRole('textbox', { name: 'SQL editor' });
  await editor.fill('SELECT region, count(*) AS orders, sum(quantity) AS units\nFROM sales\nGROUP BY region\nORDER BY region');
  await editor.press('Control+Enter');
  const grid = page.getByRole('grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '5'); // header + 4 regions
  const expected = expectedByRegion();
  await expect(grid.getByRole('row').nth(1)).toContainText(expected[0].split(',')[0]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(csv[0]).toBe('region,orders,units');
  expect(csv.slice(1)).toEqual(expected);

  // the run is in the persisted history after a reload
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'SQL');
  await expect(page.getByRole('list', { name: 'History' })).toContainText('GROUP BY region');
});

test('a SQL error shows DuckDB\'s message and where it is', async ({ page }) => {
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'SQL');
  await page.getByRole('textbox', { name: 'SQL editor' }).fill('SELECT region,\n  amount_typo\nFROM sales');
  await page.getByRole('button', { name: 'Run' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('amount_typo');
  await expect(alert).toContainText('line 2');
});
