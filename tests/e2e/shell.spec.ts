import { expect, test } from '@playwright/test';
import { goToView, openApp } from './app';

test('the shell: views, engine state, theme switch that persists', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText(/Storage: .* of /);
  for (const view of ['Data', 'Model', 'SQL', 'Report'] as const) {
    await goToView(page, view);
    await expect(page.getByRole('navigation', { name: 'Views' }).locator('[aria-current="page"], [aria-current="true"]')).toContainText(view);
  }
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
  await toggle.click();
  const after = await html.getAttribute('data-theme');
  expect(after).not.toBe(before);
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', after ?? '');
});

test('the server answers health with its storage', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, db: 'pglite' });
  expect(typeof body.version).toBe('string');
});
