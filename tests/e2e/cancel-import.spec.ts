import { expect, test } from '@playwright/test';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { datasetList, goToView, openApp, startImport } from './app';

const bigCsv = join(process.cwd(), 'test-results', 'e2e-big.csv');

test.beforeAll(async () => {
  if (existsSync(bigCsv)) return;
  mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
  const out = createWriteStream(bigCsv);
  out.write('id,day,region,amount,note\n');
  const regions = ['North', 'South', 'East', 'West'];
  for (let i = 0; i < 2_000_000; i++) {
    const line = `${i},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${regions[i % 4]},${(i % 997) * 1.5},row number ${i}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

test('cancelling a large import leaves nothing behind', async ({ page }) => {
  await openApp(page);
  const dialog = await startImport(page, bigCsv);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(progress).toBeHidden({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('No datasets yet');
  await goToView(page, 'SQL');
  await page.getByRole('textbox', { name: 'SQL editor' }).fill('SELECT count(*) AS n FROM duckdb_tables()');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText('0');

  // and nothing was stored: after a reload the workbook still has no dataset
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('No datasets yet');
  const stored = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else names.push(`${prefix}${name}`);
      }
    };
    await walk(root, '');
    return names;
  });
  expect(stored).toEqual([]);
});
