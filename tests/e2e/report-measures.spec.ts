import { expect, test } from '@playwright/test';
import { fixture, goToView, importFile, openApp, reportPanes, salesQuantities } from './app';

/** A measure's value as a card shows it by default (up to 2 decimals, thousands grouped). */
const shown = (n: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);

test('measures in the Model view: new (with a parse error shown while typing), edit, delete, undo; then dropped on a card', async ({ page }, testInfo) => {
  const { total, byRegion } = salesQuantities();
  const orders = 200; // rows of tests/fixtures/sales.csv (its README)
  await openApp(page);
  await importFile(page, fixture('sales.csv'));
  await goToView(page, 'Model');

  const model = page.getByRole('region', { name: 'Model' });
  const toolbar = page.getByRole('toolbar', { name: 'Model' });
  const measures = model.getByRole('region', { name: 'Measures of sales' });
  await expect(measures).toContainText('No measures yet.');

  // New measure: a broken expression shows its error with the position while typing; Save refuses it
  await toolbar.getByRole('button', { name: 'New measure' }).click();
  let dialog = page.getByRole('dialog', { name: 'New measure' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Home table' })).toHaveValue(/.+/);
  await dialog.getByRole('textbox', { name: 'Measure name' }).fill('Quantity per order');
  const expression = dialog.getByRole('textbox', { name: 'Expression' });
  const broken = 'DIVIDE(SUM(sales[quantity]) COUNTROWS(sales))';
  await expression.fill(broken);
  const error = dialog.getByRole('alert');
  const at = broken.indexOf('COUNTROWS');
  await expect(error).toContainText(`Line 1, column ${at + 1}: Expected "," between the arguments of DIVIDE at position ${at}`);
  await expect(expression).toHaveAttribute('aria-invalid', 'true');
  await dialog.screenshot({ path: testInfo.outputPath('measure-editor-error.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();
  // an unknown column is caught too, against the model
  await expression.fill('DIVIDE(SUM(sales[qty]), COUNTROWS(sales))');
  await expect(error).toContainText('Unknown column [qty] in table "sales"');
  // fixed: no error, and it saves
  await expression.fill('DIVIDE(SUM(sales[quantity]), COUNTROWS(sales))');
  await expect(error).toHaveCount(0);
  await expect(expression).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(measures.getByRole('listitem')).toHaveCount(1);
  await expect(measures).toContainText('Quantity per order');
  await expect(measures).toContainText('DIVIDE(SUM(sales[quantity]), COUNTROWS(sales))');

  // undo / redo, by the toolbar and the keyboard
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(measures.getByRole('listitem')).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Redo' }).click();
  await expect(measures).toContainText('Quantity per order');
  await page.keyboard.press('Control+z');
  await expect(measures.getByRole('listitem')).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(measures).toContainText('Quantity per order');

  // a second measure refers to the first by name
  await measures.getByRole('button', { name: 'New measure in sales' }).click();
  dialog = page.getByRole('dialog', { name: 'New measure' });
  await dialog.getByRole('textbox', { name: 'Measure name' }).fill('Double');
  await dialog.getByRole('textbox', { name: 'Expression' }).fill('[Quantity per order] * 2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // the Fields pane lists the measure under its table; dropped on a card, the card shows its value
  await goToView(page, 'Report');
  const { canvas, viz, field } = reportPanes(page);
  await expect(field('Quantity per order')).toBeVisible();
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 200, y: 100 } });
  const card = canvas.getByRole('group', { name: 'Card 1' });
  await expect(card).toBeVisible();
  await field('Quantity per order').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  await expect(viz.getByRole('list', { name: 'Values', exact: true })).toContainText('Quantity per order');
  await expect(card.getByRole('status', { name: 'Quantity per order' })).toHaveText(shown(total / orders));
  // a column chart by region with the measure: one point per region with the region's average
  await viz.getByRole('button', { name: 'Clustered column chart', exact: true }).dragTo(canvas, { targetPosition: { x: 560, y: 300 } });
  const column = canvas.getByRole('group', { name: 'Clustered column chart 1' });
  await field('region').dragTo(viz.getByRole('list', { name: 'Axis', exact: true }));
  await field('Double').dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  await expect(column.getByRole('list', { name: 'Data points' }).getByRole('button')).toHaveCount(byRegion.size);

  // edit in the Model view: rename and change the expression; the card follows, the other measure keeps working
  await goToView(page, 'Model');
  await measures.getByRole('button', { name: 'Edit measure Quantity per order' }).click();
  dialog = page.getByRole('dialog', { name: 'Edit measure Quantity per order' });
  await dialog.getByRole('textbox', { name: 'Measure name' }).fill('Avg quantity');
  await dialog.getByRole('textbox', { name: 'Expression' }).fill('AVERAGE(sales[quantity])');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(measures).toContainText('[Avg quantity] * 2');
  await expect(measures.getByRole('img', { name: /has an error/ })).toHaveCount(0);
  await goToView(page, 'Report');
  await expect(card.getByRole('status', { name: 'Avg quantity' })).toHaveText(shown(total / orders));

  // delete a measure in use: asked first; deleted, the card says what is missing; undo brings it back
  await goToView(page, 'Model');
  await measures.getByRole('button', { name: 'Delete measure Avg quantity' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete measure Avg quantity' });
  await expect(confirm).toContainText('It is used by 1 visual and the measure Double.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  const avgRow = measures.getByRole('button', { name: 'Edit measure Avg quantity' });
  await expect(avgRow).toHaveCount(0);
  await expect(measures.getByRole('img', { name: 'Double has an error' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('model-view.png') });
  await goToView(page, 'Report');
  await expect(card.getByRole('alert')).toContainText('no longer exists');
  await goToView(page, 'Model');
  await toolbar.getByRole('button', { name: 'Undo' }).click();
  await expect(avgRow).toHaveCount(1);
  await expect(measures.getByRole('img', { name: /has an error/ })).toHaveCount(0);

  // kept across a reload
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('Engine: ready', { timeout: 60_000 });
  await goToView(page, 'Model');
  await expect(avgRow).toHaveCount(1);
  await goToView(page, 'Report');
  await expect(card.getByRole('status', { name: 'Avg quantity' })).toHaveText(shown(total / orders));
});
