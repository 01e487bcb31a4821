import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { axisLabels, dim, measure, render } from './harness.test-util';
import { LIGHT_THEME } from './theme';
import type { SpecInput } from './types';

const month = dim('c0', 'category', 'Month', { vlType: 'temporal', sqlType: 'DATE' });
const product = dim('c1', 'series', 'Product');
const sales = measure('c2', 'values', 'Sum of Sales');
const rows = [
  { c0: '2024-01-01', c1: 'A', c2: 10 },
  { c0: '2024-01-01', c1: 'B', c2: 5 },
  { c0: '2024-02-01', c1: 'A', c2: 20 },
  { c0: '2024-02-01', c1: 'B', c2: 15 },
  { c0: '2024-03-01', c1: 'A', c2: 30 },
  { c0: '2024-03-01', c1: 'B', c2: 25 },
];
const input = (over: Partial<SpecInput>): SpecInput => ({
  type: 'line', fields: [month, product, sales], rows, format: {}, theme: LIGHT_THEME, width: 500, height: 300, ...over,
});

describe('line / area charts', () => {
  it('line: one line per series and a point per row with tooltips', async () => {
    const r = await render(buildSpec(input({})));
    expect(r.warnings).toEqual([]);
    expect(r.paths('line')).toBe(2);
    const points = r.marks('symbol');
    expect(points).toHaveLength(6);
    expect(points.every((p) => p.opacity === 1)).toBe(true);
    expect(points[0].tooltip).toEqual({ Month: '2024-01-01', Product: 'A', 'Sum of Sales': '10' });
  });

  it('line points carry the highlight opacity', async () => {
    const r = await render(buildSpec(input({ highlight: [{ key: 'c1', values: ['B'] }] })));
    const points = r.marks('symbol');
    expect(points.filter((p) => p.opacity === 1).map((p) => p.datum?.c1)).toEqual(['B', 'B', 'B']);
    expect(points.filter((p) => p.opacity === 0.3)).toHaveLength(3);
  });

  it('stacked area stacks series in legend order', async () => {
    const r = await render(buildSpec(input({ type: 'stackedArea' })));
    expect(r.warnings).toEqual([]);
    const pts = r.marks('symbol').filter((p) => p.datum?.c0 !== undefined);
    // the datum keeps the date key as SQL returned it
    const march = pts.filter((p) => p.datum?.c0 === '2024-03-01');
    const ends = march.map((p) => [p.datum?.c1, p.datum?.c2_start, p.datum?.c2_end]);
    expect(ends).toContainEqual(['A', 0, 30]);
    expect(ends).toContainEqual(['B', 30, 55]);
    expect(r.paths('area')).toBe(2);
  });

  it('area with y min/max and K units on the axis', async () => {
    const r = await render(buildSpec(input({ type: 'area', format: { yMin: 0, yMax: 40000, numberFormat: { units: 'K' } }, rows: rows.map((x) => ({ ...x, c2: x.c2 * 1000 })) })));
    expect(r.paths('area')).toBe(2);
    expect(axisLabels(r)).toContain('40K');
  });

  it('combo: columns on the left axis, line on the right axis', async () => {
    const cat = dim('c0', 'category', 'Region');
    const col = measure('c1', 'columnValues', 'Sum of Sales');
    const line = measure('c2', 'lineValues', 'Margin %', { ref: { measureId: 'm1' }, aggregate: undefined });
    const built = buildSpec({
      type: 'combo', fields: [cat, col, line], format: { numberFormat: { decimals: 0 } }, theme: LIGHT_THEME, width: 500, height: 300,
      rows: [{ c0: 'East', c1: 1000, c2: 0.1 }, { c0: 'West', c1: 3000, c2: 0.4 }, { c0: 'North', c1: 2000, c2: 0.2 }],
    });
    const r = await render(built);
    expect(r.warnings).toEqual([]);
    expect(r.marks('rect')).toHaveLength(3);
    expect(r.paths('line')).toBe(1);
    expect(r.marks('symbol')).toHaveLength(3);
    // independent scales: the tallest bar (3000) and the highest point (0.4) both reach the top
    const topBar = Math.min(...r.marks('rect').map((b) => b.y ?? 0));
    const topPoint = Math.min(...r.marks('symbol').map((p) => p.y ?? 0));
    expect(Math.abs(topBar - topPoint)).toBeLessThan(30);
    expect(r.marks('rect').map((b) => b.fill)).toEqual(Array(3).fill(LIGHT_THEME.dataColors[0]));
    expect(r.marks('symbol')[0].fill).toBe(LIGHT_THEME.dataColors[1]);
  });
});
