/** Helpers for the team-sync specs: people in their own browser contexts, accounts, sharing, access. */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openApp } from './app';

export interface Person {
  email: string;
  name: string;
  password: string;
}

/** A person with a unique email (specs may run against a server that outlives one run). */
export function person(first: string, last: string, password: string): Person {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { email: `${first.toLowerCase()}-${stamp}@example.com`, name: `${first} ${last}`, password };
}

/** A fresh browser context on `baseURL` with the app open and its engine ready. */
export async function newPerson(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  await openApp(page);
  return { context, page };
}

export async function register(page: Page, who: Person): Promise<void> {
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

export const syncStatus = (page: Page) => page.getByLabel('Sync status');
export const workbookName = (page: Page) => page.getByRole('textbox', { name: 'Workbook name' }).inputValue();

/** Creates a workspace, then shares the open workbook into it and waits until it is synced. */
export async function shareIntoNewWorkspace(page: Page, workspace: string): Promise<void> {
  await page.getByRole('button', { name: 'Workspaces' }).click();
  const spaces = page.getByRole('dialog', { name: 'Workspaces' });
  await spaces.getByRole('textbox', { name: 'New workspace name' }).fill(workspace);
  await spaces.getByRole('button', { name: 'New workspace' }).click();
  await expect(spaces.getByRole('button', { name: new RegExp(workspace) })).toBeVisible();
  await spaces.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Share workbook' }).click();
  const share = page.getByRole('dialog', { name: 'Share workbook' });
  await expect(share.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
  await share.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(share).toBeHidden({ timeout: 60_000 });
  await expect(syncStatus(page)).toHaveText('Synced');
}

/** As an owner: invites `email` with `role`, or changes the role of a member. */
export async function setRole(page: Page, email: string, role: 'editor' | 'viewer'): Promise<void> {
  await page.getByRole('button', { name: 'Manage access' }).click();
  const access = page.getByRole('dialog', { name: 'Manage access' });
  const current = access.getByRole('combobox', { name: `Role of ${email}` });
  if (await current.count()) {
    await current.selectOption(role);
  } else {
    await access.getByRole('textbox', { name: 'Invite email' }).fill(email);
    await access.getByRole('combobox', { name: 'Invite role' }).selectOption(role);
    await access.getByRole('button', { name: 'Invite' }).click();
  }
  await expect(access.getByRole('combobox', { name: `Role of ${email}` })).toHaveValue(role);
  await access.getByRole('button', { name: 'Close' }).click();
}

/** Opens a shared workbook from the Workspaces dialog (downloads it) and waits until it is synced. */
export async function openShared(page: Page, workbook: string): Promise<void> {
  await page.getByRole('button', { name: 'Workspaces' }).click();
  await page.getByRole('dialog', { name: 'Workspaces' }).getByRole('button', { name: `Open ${workbook}` }).click();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await expect(syncStatus(page)).toHaveText('Synced');
}
