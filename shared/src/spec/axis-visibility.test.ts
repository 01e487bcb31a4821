import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { axisLabels, dim, measure, render } from './harness.test-util';
import { LIGHT_THEME } from './theme';
import { readVisualFormat } from './visual-format';

const region = dim('c0', 'category', 'Region');
const sales = measure('c1', 'values', 'Sum of Sales');
const rows = [
  { c0: 'East', c1: 1200 },
  { c0: 'West', c1: 3400 },
];
const build = (format: Record<string, unknown>, type: 'column' | 'bar' = 'column') =>
  buildSpec({ type, fields: [region, sales], rows, format, theme: LIGHT_THEME, width: 400, height: 300 });

describe('axis visibility (format pane X axis / Y axis switches)', () => {
  it('shows both axes by default', async () => {
    expect(readVisualFormat({}).showXAxis).toBe(true);
    const labels = axisLabels(await render(build({})));
    expect(labels).toEqual(expect.arrayContaining(['East', 'West', '2,000']));
  });

  it('hides the X axis (the categories of a column chart) and keeps the Y axis', async () => {
    const labels = axisLabels(await render(build({ showXAxis: false })));
    expect(labels).not.toContain('East');
    expect(labels).toContain('2,000');
  });

  it('hides the Y axis; on a horizontal bar chart the Y axis holds the categories', async () => {
    const column = axisLabels(await render(build({ showYAxis: false })));
    expect(column).toContain('East');
    expect(column).not.toContain('2,000');
    const bar = axisLabels(await render(build({ showYAxis: false }, 'bar')));
    expect(bar).not.toContain('East');
    expect(bar).toContain('2,000');
  });

  it('ignores a non-boolean value', () => {
    expect(readVisualFormat({ showXAxis: 'no' }).showXAxis).toBe(true);
  });
});
