import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { fixture, goToView, importFile, openApp } from './app';

// Two people, two browser contexts, the real sync server (PGlite) serving the built PWA.
const stamp = Date.now().toString(36);
const alice = { email: `alice-${stamp}@example.com`, name: 'Alice Able', password: 'correct horse 1' };
const bob = { email: `bob-${stamp}@example.com`, name: 'Bob Baker', password: 'correct horse 2' };

async function newPerson(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openApp(page);
  return { context, page };
}

async function register(page: Page, who: { email: string; name: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByRole('tab', { name: 'Register' }).click();
  await dialog.getByLabel('Email').fill(who.email);
  await dialog.getByLabel('Password').fill(who.password);
  await dialog.getByLabel('Name').fill(who.name);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

const syncStatus = (page: Page) => page.getByLabel('Sync status');
const pageNames = (page: Page) => page.getByRole('tablist', { name: 'Pages' }).getByRole('tab').allInnerTexts();
const workbookName = (page: Page) => page.getByRole('textbox', { name: 'Workbook name' }).inputValue();

test('two people share a workbook, edit offline and converge; presence shows who is here', async ({ browser, baseURL }) => {
  const b = await newPerson(browser, baseURL);
  await register(b.page, bob);

  const a = await newPerson(browser, baseURL);
  await register(a.page, alice);
  await importFile(a.page, fixture('sales.csv'));

  // A: new workspace, share the open workbook into it
  await a.page.getByRole('button', { name: 'Workspaces' }).click();
  const spaces = a.page.getByRole('dialog', { name: 'Workspaces' });
  await spaces.getByRole('textbox', { name: 'New workspace name' }).fill('Team');
  await spaces.getByRole('button', { name: 'New workspace' }).click();
  await expect(spaces.getByRole('button', { name: /Team/ })).toBeVisible();
  await spaces.getByRole('button', { name: 'Close' }).click();

  await a.page.getByRole('button', { name: 'Share workbook' }).click();
  const share = a.page.getByRole('dialog', { name: 'Share workbook' });
  await expect(share.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share).toBeHidden({ timeout: 60_000 });
  await expect(syncStatus(a.page)).toHaveText('Synced');

  // A invites B as editor
  await a.page.getByRole('button', { name: 'Manage access' }).click();
  const access = a.page.getByRole('dialog', { name: 'Manage access' });
  await access.getByRole('textbox', { name: 'Invite email' }).fill(bob.email);
  await access.getByRole('combobox', { name: 'Invite role' }).selectOption('editor');
  await access.getByRole('button', { name: 'Invite' }).click();
  await expect(access.getByRole('combobox', { name: `Role of ${bob.email}` })).toHaveValue('editor');
  await access.getByRole('button', { name: 'Close' }).click();

  // B opens it from the workspace list: the data (200 rows) and the page are there
  await b.page.getByRole('button', { name: 'Workspaces' }).click();
  const bSpaces = b.page.getByRole('dialog', { name: 'Workspaces' });
  await bSpaces.getByRole('button', { name: 'Open Untitled workbook' }).click();
  await expect(b.page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await expect(syncStatus(b.page)).toHaveText('Synced');
  await goToView(b.page, 'Data');
  await expect(b.page.getByText('200 of 200 rows')).toBeVisible();
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

  await a.context.close();
  await b.context.close();
});
