import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const fixture = (name: string): string => join(fixturesDir, name);

/** Opens the app and waits for the DuckDB engine to be ready. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
}

export async function goToView(page: Page, view: 'Report' | 'Data' | 'Model' | 'SQL'): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view }).click();
}

/** Chooses a file with the "Import data" button and returns the preview dialog. */
export async function startImport(page: Page, path: string): Promise<Locator> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data' }).click();
  await (await chooser).setFiles(path);
  const dialog = page.getByRole('dialog', { name: `Import ${basename(path)}` });
  await expect(dialog).toBeVisible();
  // the preview has been read when the column editors are there
  await expect(dialog.getByRole('combobox', { name: 'Type of column 1' })).toBeVisible({ timeout: 60_000 });
  return dialog;
}

/** The types the preview shows, in column order. */
export async function previewTypes(dialog: Locator): Promise<string[]> {
  const selects = dialog.getByRole('combobox', { name: /^Type of column \d+$/ });
  const count = await selects.count();
  const types: string[] = [];
  for (let i = 1; i <= count; i++) types.push(await dialog.getByRole('combobox', { name: `Type of column ${i}` }).inputValue());
  return types;
}

/** Imports a file with the sniffed settings and waits for the dialog to close. */
export async function importFile(page: Page, path: string): Promise<void> {
  const dialog = await startImport(page, path);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 120_000 });
}

export function datasetList(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Datasets' });
}

/** Sum of quantity in tests/fixtures/sales.csv, overall and per region, computed from the file itself. */
export function salesQuantities(): { total: number; byRegion: Map<string, number> } {
  const [header, ...lines] = readFileSync(fixture('sales.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const region = cols.indexOf('region');
  const quantity = cols.indexOf('quantity');
  const byRegion = new Map<string, number>();
  let total = 0;
  for (const line of lines) {
    const cells = line.split(',');
    const q = Number(cells[quantity]);
    total += q;
    byRegion.set(cells[region], (byRegion.get(cells[region]) ?? 0) + q);
  }
  return { total, byRegion };
}

/** A whole number as the app shows it (en-US thousands separators). */
export const formatCount = (n: number): string => new Intl.NumberFormat('en-US').format(n);

/** The Report view's canvas and panes, and a field of the Fields pane by name. */
export function reportPanes(page: Page): { canvas: Locator; viz: Locator; fields: Locator; field: (name: string) => Locator } {
  const fields = page.getByRole('complementary', { name: 'Fields' });
  return {
    canvas: page.getByRole('region', { name: /^Canvas of page/ }),
    viz: page.getByRole('complementary', { name: 'Visualizations' }),
    fields,
    field: (name: string) => fields.getByText(name, { exact: true }),
  };
}

export interface Sale {
  date: string;
  region: string;
  product: string;
  quantity: number;
}

/** The sales fixture's rows, read from the file itself (expected values are computed, not typed in). */
export function sales(): Sale[] {
  const [header, ...lines] = readFileSync(fixture('sales.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const [d, r, p, q] = ['order_date', 'region', 'product', 'quantity'].map((c) => cols.indexOf(c));
  return lines.map((line) => {
    const cells = line.split(',');
    return { date: cells[d], region: cells[r], product: cells[p], quantity: Number(cells[q]) };
  });
}

export function sumBy(rows: Sale[], key: (s: Sale) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of rows) out.set(key(s), (out.get(key(s)) ?? 0) + s.quantity);
  return out;
}

/** The data points of a chart (its accessible list of buttons). */
export const points = (visual: Locator): Locator => visual.getByRole('list', { name: 'Data points' }).getByRole('button');

/** Drops a visual type on the canvas and fills Axis (when given) and Values by drag and drop. */
export async function addChart(page: Page, type: string, name: string, at: { x: number; y: number }, axis: string, value: string): Promise<Locator> {
  const { canvas, viz, field } = reportPanes(page);
  await viz.getByRole('button', { name: type, exact: true }).dragTo(canvas, { targetPosition: at });
  const visual = canvas.getByRole('group', { name, exact: true });
  await expect(visual).toBeVisible();
  if (axis) await field(axis).dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await field(value).dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  return visual;
}

/** Opens "Show data" of a visual (More options menu) and reads the table: header names and each row's cell texts; closes it. */
export async function readShowData(page: Page, visual: Locator): Promise<{ headers: string[]; rows: string[][] }> {
  await visual.getByRole('button', { name: 'More options' }).click();
  await visual.getByRole('menuitem', { name: 'Show data' }).click();
  const dialog = page.getByRole('dialog', { name: /^Data of / });
  const grid = dialog.getByRole('grid');
  await expect(grid.getByRole('row').filter({ has: page.getByRole('gridcell') }).first()).toBeVisible();
  const headers = await grid.getByRole('columnheader').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? c.textContent ?? ''));
  const rows: string[][] = [];
  for (const row of await grid.getByRole('row').filter({ has: page.getByRole('gridcell') }).all()) {
    rows.push((await row.getByRole('gridcell').allInnerTexts()).map((c) => c.trim()));
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return { headers, rows };
}

/** "New hierarchy in <dataset>" in the Fields pane: name and levels ticked in order; returns the new hierarchy's entry, expanded. */
export async function createHierarchy(fields: Locator, dataset: string, name: string, levels: string[]): Promise<Locator> {
  await fields.getByRole('button', { name: `New hierarchy in ${dataset}` }).click();
  const form = fields.getByRole('form', { name: `New hierarchy in ${dataset}` });
  await form.getByRole('textbox', { name: 'Hierarchy name' }).fill(name);
  for (const level of levels) await form.getByRole('checkbox', { name: `Level ${level}` }).check();
  await form.getByRole('button', { name: 'Create hierarchy' }).click();
  const entry = fields.getByRole('button', { name: `Hierarchy ${name}`, exact: true });
  await entry.click();
  await expect(fields.getByRole('list', { name: `Levels of ${name}` })).toHaveText(new RegExp(levels.join('\\s*')));
  return entry;
}
