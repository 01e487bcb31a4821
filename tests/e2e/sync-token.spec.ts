import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { newPerson, openShared, person, register, setRole, shareIntoNewWorkspace, syncStatus, workbookName } from './sync-people';

// Its own server (the shared one keeps 15-minute tokens): access tokens live 8 s, so open sync
// sockets are closed with 4401 every few seconds and the client has to renew its token each time.
const TTL_SECONDS = 8;
const port = Number(process.env.E2E_PORT ?? 4317) + 1;
const serverUrl = `http://localhost:${port}`;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let server: ChildProcess | undefined;
let dataDir = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-token-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), TESSERA_DATA_DIR: dataDir, TESSERA_ACCESS_TOKEN_TTL: String(TTL_SECONDS) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await expect
    .poll(async () => (await fetch(`${serverUrl}/api/health`).catch(() => undefined))?.status, { timeout: 60_000, message: 'the token-TTL server to start' })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every text the sync status item shows from now on (a MutationObserver, so brief flashes count too). */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { syncTexts: string[] }).syncTexts = seen;
    const read = () => {
      const text = document.querySelector('[aria-label="Sync status"]')?.textContent ?? '(none)';
      if (seen[seen.length - 1] !== text) seen.push(text);
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { syncTexts: string[] }).syncTexts);
}

/** Every list of avatars the page shows from now on (who is in "People here"), brief flashes included. */
async function recordPeople(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { peopleSeen: string[] }).peopleSeen = seen;
    const read = () => {
      const list = document.querySelector('[aria-label="People here"]');
      const names = list ? Array.from(list.querySelectorAll(':scope > li')).map((li) => li.getAttribute('aria-label')).join(', ') : '(no list)';
      if (seen[seen.length - 1] !== names) seen.push(names);
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  });
  return () => page.evaluate(() => (window as unknown as { peopleSeen: string[] }).peopleSeen);
}

test('an expired token on an open sync socket is renewed unnoticed; a session that cannot be renewed signs out with a notice', async ({ browser }) => {
  test.setTimeout(240_000);
  const alice = person('Alice', 'Able', 'correct horse 1');
  const bob = person('Bob', 'Baker', 'correct horse 2');

  const b = await newPerson(browser, serverUrl);
  await register(b.page, bob);
  const a = await newPerson(browser, serverUrl);
  await register(a.page, alice);
  await shareIntoNewWorkspace(a.page, 'Team');
  await setRole(a.page, bob.email, 'editor');
  await openShared(b.page, 'Untitled workbook');

  // A's sync sockets from now on, and everything A's status item shows meanwhile.
  let sockets = 0;
  a.page.on('websocket', (socket) => {
    if (socket.url().includes('/sync/')) sockets += 1;
  });
  const shown = await recordStatus(a.page);
  // B watches A's avatar meanwhile: A's socket reopening must not make A blink out of "People here".
  await expect(b.page.getByRole('list', { name: 'People here' }).getByRole('listitem', { name: alice.name })).toBeVisible();
  const people = await recordPeople(b.page);

  // Two token lifetimes: the server closes A's socket (4401) at each expiry, A renews and reconnects.
  await expect.poll(() => sockets, { timeout: 4 * TTL_SECONDS * 1000, message: 'A to reconnect twice with renewed tokens' }).toBeGreaterThanOrEqual(2);
  // Edits still flow both ways on the renewed sockets.
  const nameBox = a.page.getByRole('textbox', { name: 'Workbook name' });
  await nameBox.fill('Renewed twice');
  await nameBox.press('Enter');
  await expect.poll(() => workbookName(b.page)).toBe('Renewed twice');
  await expect(syncStatus(a.page)).toHaveText('Synced');
  // Unnoticed: the status never left "Synced" (an edit shows "Syncing 1 edit" for a moment), and A is still signed in.
  expect((await shown()).filter((text) => !/^(Synced|Syncing \d+ edits?)$/.test(text))).toEqual([]);
  await expect(a.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(a.page.getByRole('alert')).toHaveCount(0);
  expect(await people()).toEqual([alice.name]);

  // B's session is ended elsewhere: its refresh token is used (rotated) outside B's browser, so B's
  // next renewal presents a spent token and the server revokes the session. At B's next expiry B
  // shows the signed-out state with a notice; B's copy of the workbook stays.
  const refreshToken = await b.page.evaluate(() => localStorage.getItem('tessera.refreshToken'));
  expect(refreshToken).toBeTruthy();
  const rotated = await fetch(`${serverUrl}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
  expect([200, 401]).toContain(rotated.status);
  await expect(b.page.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible({ timeout: 4 * TTL_SECONDS * 1000 });
  await expect(b.page.getByRole('alert').filter({ hasText: 'Sign in again' })).toBeVisible();
  await expect(b.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await workbookName(b.page)).toBe('Renewed twice');

  await a.context.close();
  await b.context.close();
});
