import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetList, fixture, goToView, importFile, openApp } from './app';

/** Contexts without the File System Access pickers: Save downloads, Open uses a file input. */
async function fallbackContext(browser: import('@playwright/test').Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    for (const name of ['showSaveFilePicker', 'showOpenFilePicker']) Object.defineProperty(window, name, { value: undefined, configurable: true });
  });
  return context;
}

async function openWorkbookFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^File/ }).click();
  await page.getByRole('menuitem', { name: /Open workbook/ }).click();
  await (await chooser).setFiles(path);
}

const workbookName = (page: Page) => page.getByRole('textbox', { name: 'Workbook name' });

/** A screenshot of the page's chart, unselected (selection outlines are not part of the report). */
async function chartShot(page: Page): Promise<Buffer> {
  await page.keyboard.press('Escape');
  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  await canvas.click({ position: { x: 5, y: 5 } });
  const chart = page.getByRole('group', { name: /Clustered column chart|quantity by region/ }).first();
  await expect(chart.locator('canvas')).toBeVisible();
  await page.mouse.move(0, 0);
  return chart.locator('canvas').screenshot({ animations: 'disabled' });
}

/** The accessible data points of the page's column chart ("region: value" texts), in order. */
async function dataPoints(page: Page): Promise<string[]> {
  const chart = page.getByRole('group', { name: /Clustered column chart|quantity by region/ }).first();
  const points = chart.getByRole('list', { name: 'Data points' }).getByRole('button');
  await expect(points.first()).toBeAttached({ timeout: 60_000 });
  return points.allTextContents();
}

test('Save as downloads a .tessera file that opens in a fresh browser profile with the same data', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-files-'));
  const saved = join(dir, 'sales-review.tessera');

  const first = await fallbackContext(browser);
  const page = await first.newPage();
  await openApp(page);
  await workbookName(page).fill('Sales review');
  await workbookName(page).press('Enter');
  await importFile(page, fixture('sales.csv'));
  // a report visual: a column chart of quantity by region — its data must come back identical
  await goToView(page, 'Report');
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  const fields = page.getByRole('complementary', { name: 'Fields' });
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(page.getByRole('region', { name: /^Canvas of page/ }), { targetPosition: { x: 170, y: 110 } });
  await fields.getByText('region', { exact: true }).dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await fields.getByText('quantity', { exact: true }).dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  const pointsBefore = await dataPoints(page);
  expect(pointsBefore).toHaveLength(4);
  const shotBefore = await chartShot(page);
  await expect(page).toHaveTitle(/^• Sales review — Tessera$/);

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+S');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Sales review.tessera');
  await file.saveAs(saved);
  await expect(page).toHaveTitle('Sales review — Tessera');
  await first.close();

  const second = await fallbackContext(browser);
  const fresh = await second.newPage();
  await openApp(fresh);
  await expect(workbookName(fresh)).toHaveValue('Untitled workbook');
  await openWorkbookFile(fresh, saved);
  // the file becomes a local workbook and the page reloads into it
  await expect(workbookName(fresh)).toHaveValue('Sales review', { timeout: 60_000 });
  await expect(fresh).toHaveTitle('Sales review — Tessera');
  await expect(fresh.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(fresh, 'Data');
  await expect(datasetList(fresh)).toContainText('200 rows · 6 columns');
  await expect(fresh.getByText('200 of 200 rows')).toBeVisible({ timeout: 60_000 });
  // the report renders the same visual with the same data
  await goToView(fresh, 'Report');
  await expect.poll(() => dataPoints(fresh), { timeout: 60_000 }).toEqual(pointsBefore);
  // …and it looks the same, pixel for pixel
  await expect.poll(async () => (await chartShot(fresh)).equals(shotBefore), { timeout: 30_000 }).toBe(true);

  // opening the same file again: its workbook exists here → merge (CRDT: the later local rename wins, data kept)
  await workbookName(fresh).fill('Renamed here');
  await workbookName(fresh).press('Enter');
  await openWorkbookFile(fresh, saved);
  await fresh.getByRole('dialog', { name: 'Open sales-review.tessera' }).getByRole('button', { name: 'Merge into the existing workbook' }).click();
  await expect(fresh.getByRole('status', { name: 'File notice' })).toContainText('Merged “sales-review.tessera” into this workbook.');
  await expect(workbookName(fresh)).toHaveValue('Renamed here');
  await goToView(fresh, 'Data');
  await expect(datasetList(fresh).getByRole('listitem')).toHaveCount(1);

  // …or open it as a copy
  await openWorkbookFile(fresh, saved);
  const question = fresh.getByRole('dialog', { name: 'Open sales-review.tessera' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Open as a copy' }).click();
  await expect(workbookName(fresh)).toHaveValue('Sales review (copy)', { timeout: 60_000 });
  await goToView(fresh, 'Data');
  await expect(datasetList(fresh)).toContainText('200 rows · 6 columns');
  await second.close();
});

test('a truncated file or a foreign zip is refused with a clear error and changes nothing', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-files-'));
  const context = await fallbackContext(browser);
  const page = await context.newPage();
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const good = join(dir, 'good.tessera');
  await (await download).saveAs(good);

  const truncated = join(dir, 'truncated.tessera');
  const bytes = readFileSync(good);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const foreign = join(dir, 'foreign.tessera');
  writeFileSync(foreign, readFileSync(fixture('sales.xlsx'))); // a zip, but not a workbook

  const before = await page.evaluate(() => localStorage.getItem('tessera.currentWorkbook'));
  for (const [path, message] of [
    [truncated, /Could not open “truncated\.tessera”\. This file is not a Tessera workbook: it is not a readable zip archive.*Nothing was changed\./],
    [foreign, /Could not open “foreign\.tessera”\. This file is not a Tessera workbook: it is a zip archive without a Tessera manifest\.json.*Nothing was changed\./],
  ] as const) {
    await openWorkbookFile(page, path);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open' });
    await expect(alert).toContainText(message);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  }
  expect(await page.evaluate(() => localStorage.getItem('tessera.currentWorkbook'))).toBe(before);
  await expect(workbookName(page)).toHaveValue('Untitled workbook');
  await goToView(page, 'Data');
  await expect(datasetList(page).getByRole('listitem')).toHaveCount(1);
  await expect(datasetList(page)).toContainText('200 rows · 6 columns');
  await context.close();
});

test('Save writes back to the same file after a reload (the file handle is remembered)', async ({ page }) => {
  // A File System Access picker that hands out an OPFS file (a real FileSystemFileHandle) and counts its calls.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', {
      configurable: true,
      value: async () => {
        localStorage.setItem('pickerCalls', String(Number(localStorage.getItem('pickerCalls') ?? 0) + 1));
        const root = await navigator.storage.getDirectory();
        return root.getFileHandle('saved-by-test.tessera', { create: true });
      },
    });
  });
  const fileInfo = () =>
    page.evaluate(async () => {
      const file = await (await (await navigator.storage.getDirectory()).getFileHandle('saved-by-test.tessera')).getFile();
      return { size: file.size, modified: file.lastModified };
    });

  await openApp(page);
  await workbookName(page).fill('Handle test');
  await workbookName(page).press('Enter');
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('status', { name: 'File notice' })).toContainText('Saved saved-by-test.tessera.');
  await expect(page).toHaveTitle('Handle test — Tessera');
  const first = await fileInfo();
  expect(first.size).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await workbookName(page).fill('Handle test, edited after a reload');
  await workbookName(page).press('Enter');
  await expect(page).toHaveTitle(/^• Handle test, edited after a reload/);
  await page.keyboard.press('Control+s');
  await expect(page).toHaveTitle('Handle test, edited after a reload — Tessera');
  await expect(page.getByRole('status', { name: 'File notice' })).toContainText('Saved saved-by-test.tessera.');
  // written to the same file, without asking where again
  expect(await page.evaluate(() => localStorage.getItem('pickerCalls'))).toBe('1');
  const second = await fileInfo();
  expect(second.modified).toBeGreaterThanOrEqual(first.modified);
  expect(second.size).not.toBe(first.size);
});
