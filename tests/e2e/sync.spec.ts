import { expect, test, type Page } from '@playwright/test';
import { fixture, goToView, importFile } from './app';
import { newPerson, openShared, person, register, setRole, shareIntoNewWorkspace, syncStatus, workbookName } from './sync-people';

// Two people, two browser contexts, the real sync server (PGlite) serving the built PWA.
const alice = person('Alice', 'Able', 'correct horse 1');
const bob = person('Bob', 'Baker', 'correct horse 2');

const pageNames = (page: Page) => page.getByRole('tablist', { name: 'Pages' }).getByRole('tab').allInnerTexts();
const READ_ONLY_REASON = 'View only — ask an owner for edit access';

/** Column types and a digest of every value of the sales dataset, read through SQL Lab. */
async function salesFingerprint(page: Page): Promise<string> {
  await goToView(page, 'SQL');
  const editor = page.getByRole('textbox', { name: 'SQL editor' });
  await editor.fill(
    `SELECT (SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE sales)) AS types, count(*) AS n,
       md5(string_agg(s::VARCHAR, '|' ORDER BY s.order_id)) AS digest FROM sales s`,
  );
  await editor.press('Control+Enter');
  const row = page.getByRole('grid').getByRole('row').nth(1);
  await expect(row).toContainText('200');
  return row.innerText();
}

test('two people share a workbook (data as Parquet), edit offline and converge; presence shows; a viewer cannot rename', async ({ browser, baseURL }) => {
  const b = await newPerson(browser, baseURL);
  await register(b.page, bob);

  const a = await newPerson(browser, baseURL);
  await register(a.page, alice);
  await importFile(a.page, fixture('sales.csv'));

  // A: new workspace, share the open workbook into it; invite B as editor
  await shareIntoNewWorkspace(a.page, 'Team');
  await setRole(a.page, bob.email, 'editor');

  // B opens it from the workspace list: the data (200 rows) and the page are there
  await openShared(b.page, 'Untitled workbook');
  await goToView(b.page, 'Data');
  await expect(b.page.getByText('200 of 200 rows')).toBeVisible();
  // The data went up as Parquet and came down as B's own snapshot: same types, same values.
  const fingerprint = await salesFingerprint(b.page);
  expect(fingerprint).toContain('order_date DATE');
  expect(fingerprint).toBe(await salesFingerprint(a.page));
  await goToView(b.page, 'Report');
  expect(await pageNames(b.page)).toEqual(['Page 1']);

  // presence: B sees A's avatar, A sees B's
  await expect(b.page.getByRole('list', { name: 'People here' }).getByRole('listitem', { name: alice.name })).toBeVisible();
  await expect(a.page.getByRole('list', { name: 'People here' }).getByRole('listitem', { name: bob.name })).toBeVisible();

  // A goes offline and edits: rename the workbook, add a page
  await a.context.setOffline(true);
  await expect(syncStatus(a.page)).toHaveText(/^Offline/);
  await goToView(a.page, 'Report');
  const nameBox = a.page.getByRole('textbox', { name: 'Workbook name' });
  await nameBox.fill('Sales review');
  await nameBox.press('Enter');
  await a.page.getByRole('button', { name: 'Add page' }).click();
  await expect(syncStatus(a.page)).toHaveText(/not on the server yet/);

  // B meanwhile renames the first page
  await b.page.getByRole('tablist', { name: 'Pages' }).getByRole('tab', { name: 'Page 1' }).dblclick();
  const rename = b.page.getByRole('textbox', { name: 'Page name' });
  await rename.fill('Overview');
  await rename.press('Enter');
  await expect(b.page.getByRole('tablist', { name: 'Pages' }).getByRole('tab', { name: 'Overview' })).toBeVisible();

  // A back online: both converge
  await a.context.setOffline(false);
  await expect(syncStatus(a.page)).toHaveText('Synced');
  for (const p of [a.page, b.page]) {
    await expect.poll(() => pageNames(p)).toEqual(['Overview', 'Page 2']);
    await expect.poll(() => workbookName(p)).toBe('Sales review');
  }
  await expect(b.page.getByRole('list', { name: 'People here' }).getByRole('listitem', { name: alice.name })).toBeVisible();

  // A makes B a viewer: B's open report turns read-only at once, the workbook name box included.
  await setRole(a.page, bob.email, 'viewer');
  await expect(b.page.getByRole('alert').filter({ hasText: READ_ONLY_REASON })).toBeVisible();
  const bName = b.page.getByRole('textbox', { name: 'Workbook name' });
  await expect(bName).not.toBeEditable();
  await expect(bName).toHaveAttribute('title', READ_ONLY_REASON);
  await bName.click();
  await b.page.keyboard.type(' by Bob');
  await b.page.keyboard.press('Enter');
  await expect(syncStatus(b.page)).toHaveText('Synced');
  expect(await workbookName(b.page)).toBe('Sales review');
  expect(await workbookName(a.page)).toBe('Sales review');

  await a.context.close();
  await b.context.close();
});
