import { expect, test, type Locator, type Page } from '@playwright/test';
import { goToView, openApp } from './app';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
}

const attr = async (locator: Locator, name: string): Promise<number> => Number(await locator.getAttribute(name));

test('canvas: marquee, align left, bring to front, context-menu duplicate', async ({ page }) => {
  await openApp(page);
  await goToView(page, 'Report');
  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 150, y: 90 } });
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 420, y: 300 } });
  await expect(canvas.getByRole('group', { name: 'Card 2' })).toBeVisible();
  // labels follow the stacking order: hold on to the visuals by id
  const byId = async (name: string) => canvas.locator(`[data-visual-id="${await canvas.getByRole('group', { name }).getAttribute('data-visual-id')}"]`);
  const first = await byId('Card 1');
  const second = await byId('Card 2');
  expect(await attr(first, 'data-x')).not.toBe(await attr(second, 'data-x'));

  // marquee from the empty bottom-right corner over both cards
  const c = await box(canvas);
  await mouseDrag(page, { x: c.x + c.width - 6, y: c.y + c.height - 6 }, { x: c.x + 6, y: c.y + 6 });
  await expect(first).toHaveClass(/visual--selected/);
  await expect(second).toHaveClass(/visual--selected/);

  // align left: both take the leftmost x
  const arrange = page.getByRole('toolbar', { name: 'Report' }).getByRole('button', { name: /Arrange/ });
  await arrange.click();
  await page.getByRole('menu', { name: 'Arrange' }).getByRole('menuitem', { name: 'Align left' }).click();
  const leftmost = Math.min(await attr(first, 'data-x'), await attr(second, 'data-x'));
  await expect(second).toHaveAttribute('data-x', String(leftmost));
  await expect(first).toHaveAttribute('data-x', String(leftmost));

  // bring the first (behind) to front
  await first.click({ position: { x: 40, y: 60 } });
  await expect(second).not.toHaveClass(/visual--selected/);
  expect(await attr(first, 'data-z')).toBeLessThan(await attr(second, 'data-z'));
  await arrange.click();
  await page.getByRole('menu', { name: 'Arrange' }).getByRole('menuitem', { name: 'Bring to front' }).click();
  await expect.poll(async () => (await attr(first, 'data-z')) > (await attr(second, 'data-z'))).toBe(true);

  // right-click → Duplicate
  await second.click({ button: 'right', position: { x: 40, y: 60 } });
  const menu = page.getByRole('menu', { name: 'Visual' });
  await expect(menu.getByRole('menuitem', { name: /Copy/ })).toBeVisible();
  await menu.getByRole('menuitem', { name: /Duplicate/ }).click();
  await expect(menu).toBeHidden();
  await expect(canvas.getByRole('group')).toHaveCount(3);
  await expect(canvas.getByRole('group', { name: 'Card 3' })).toHaveClass(/visual--selected/);

  // Escape closes the menu without doing anything
  await canvas.getByRole('group', { name: 'Card 3' }).click({ button: 'right', position: { x: 40, y: 60 } });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(canvas.getByRole('group')).toHaveCount(3);
});
