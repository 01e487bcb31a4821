import { expect, test, type Page } from '@playwright/test';
import { datasetList, fixture, goToView, importFile, openApp } from './app';

async function goHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Workbooks' })).toBeVisible();
}

/** Waits for the app after a workbook switch (a full reload). */
async function waitReady(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: 'Workbook name' })).toHaveValue(name);
}

const workbooks = (page: Page) => page.getByRole('table', { name: 'Workbooks' });

async function expectSalesData(page: Page): Promise<void> {
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('sales');
  await expect(page.getByText('200 of 200 rows')).toBeVisible({ timeout: 60_000 });
}

test('Home: new, rename, switch, duplicate, delete with undo, delete for good', async ({ page }) => {
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await expectSalesData(page);

  // a second workbook: created and opened, with no datasets of its own
  await goHome(page);
  await expect(workbooks(page).getByRole('row')).toHaveCount(2); // header + the open workbook
  await page.getByRole('button', { name: 'New workbook' }).click();
  await waitReady(page, 'Untitled workbook 2');
  await goToView(page, 'Data');
  await expect(datasetList(page)).toContainText('No datasets yet');

  // rename it from Home
  await goHome(page);
  await workbooks(page).getByRole('button', { name: 'Rename Untitled workbook 2' }).click();
  const input = page.getByRole('textbox', { name: 'New name for Untitled workbook 2' });
  await input.fill('Budget 2026');
  await input.press('Enter');
  await expect(workbooks(page).getByText('Budget 2026', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Workbook name' })).toHaveValue('Budget 2026');
  await expect(workbooks(page).locator('tr', { has: page.getByRole('button', { name: 'Open Budget 2026' }) })).toContainText('just now');

  // switch back: the first one has its data
  await workbooks(page).getByRole('button', { name: 'Open Untitled workbook', exact: true }).click();
  await waitReady(page, 'Untitled workbook');
  await expectSalesData(page);

  // duplicate it and open the copy: same datasets, same stored data
  await goHome(page);
  await workbooks(page).getByRole('button', { name: 'Duplicate Untitled workbook', exact: true }).click();
  await workbooks(page).getByRole('button', { name: 'Open Untitled workbook (copy)' }).click();
  await waitReady(page, 'Untitled workbook (copy)');
  await expectSalesData(page);

  // delete, then undo
  await goHome(page);
  await expect(workbooks(page).getByRole('button', { name: 'Delete Untitled workbook (copy)' })).toBeDisabled(); // it is open
  await workbooks(page).getByRole('button', { name: 'Delete Budget 2026' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Workbook “Budget 2026” deleted' })).toBeVisible();
  await expect(workbooks(page).getByText('Budget 2026', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo deleting Budget 2026' }).click();
  await expect(workbooks(page).getByText('Budget 2026', { exact: true })).toBeVisible();

  // delete the original and let it go: its database goes, the data the copy shares stays
  const originalId = await workbooks(page).locator('tr', { has: page.getByRole('button', { name: 'Open Untitled workbook', exact: true }) }).getAttribute('data-workbook-id');
  expect(originalId).toBeTruthy();
  await workbooks(page).getByRole('button', { name: 'Delete Untitled workbook', exact: true }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Workbook “Untitled workbook” deleted' });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 30_000 });
  await expect(workbooks(page).getByRole('row')).toHaveCount(3); // header + copy + Budget 2026
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(databases).not.toContain(`tessera-workbook-${originalId}`);
  expect(databases.filter((n) => n.startsWith('tessera-workbook-'))).toHaveLength(2);

  await page.reload();
  await waitReady(page, 'Untitled workbook (copy)');
  await expectSalesData(page);
  await expect(page.getByText(/is not in this browser/)).toHaveCount(0);
});
