import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { axisLabels, dim, measure, render } from './harness.test-util';
import { LIGHT_THEME } from './theme';
import type { SpecInput } from './types';

const region = dim('c0', 'category', 'Region');
const year = dim('c1', 'series', 'Year');
const sales = measure('c2', 'values', 'Sum of Sales');
const cost = measure('c3', 'values', 'Sum of Cost');

const rows = [
  { c0: 'East', c1: '2023', c2: 100, c3: 40 },
  { c0: 'East', c1: '2024', c2: 300, c3: 60 },
  { c0: 'West', c1: '2023', c2: 1500, c3: 900 },
  { c0: 'West', c1: '2024', c2: 2500, c3: 1000 },
];

const input = (over: Partial<SpecInput>): SpecInput => ({
  type: 'column',
  fields: [region, year, sales],
  rows,
  format: {},
  theme: LIGHT_THEME,
  width: 400,
  height: 300,
  ...over,
});

describe('bar / column charts', () => {
  it('clustered column: one bar per row, offset by series, with formatted tooltips', async () => {
    const built = buildSpec(input({ format: { numberFormat: { units: 'K', decimals: 1, currency: 'USD' } } }));
    expect(built.library).toBe('vega-lite');
    const r = await render(built);
    expect(r.warnings).toEqual([]);
    const bars = r.marks('rect');
    expect(bars).toHaveLength(4);
    // clustered: the two series of a region sit side by side, not on top of each other
    const east = bars.filter((b) => b.datum?.c0 === 'East');
    expect(east[0].x).not.toBe(east[1].x);
    expect(bars.map((b) => b.tooltip)).toContainEqual({ Region: 'East', Year: '2024', 'Sum of Sales': '$0.3K' });
    const big = bars.find((b) => b.datum?.c2 === 2500);
    expect(big?.tooltip).toMatchObject({ 'Sum of Sales': '$2.5K' });
    // the datum exposes the dimension keys for click handlers
    expect(big?.datum).toMatchObject({ c0: 'West', c1: '2024' });
    expect(axisLabels(r).some((t) => t.endsWith('K'))).toBe(true);
  });

  it('stacked column stacks the series values', async () => {
    const r = await render(buildSpec(input({ type: 'stackedColumn' })));
    const bars = r.marks('rect');
    expect(bars).toHaveLength(4);
    const west = bars.filter((b) => b.datum?.c0 === 'West');
    // same x, stacked: the totals are the sum of the two series
    expect(west[0].x).toBe(west[1].x);
    expect(west.map((b) => [b.datum?.c2_start, b.datum?.c2_end]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [0, 1500],
      [1500, 4000],
    ]);
  });

  it('100% stacked bar normalises each category to 1', async () => {
    const r = await render(buildSpec(input({ type: 'percentBar' })));
    const bars = r.marks('rect');
    const east = bars.filter((b) => b.datum?.c0 === 'East').map((b) => [b.datum?.c2_start, b.datum?.c2_end]);
    expect(east).toContainEqual([0.25, 1]);
    expect(axisLabels(r)).toContain('100%');
  });

  it('two measures without a series are folded into two series', async () => {
    const r = await render(buildSpec(input({ type: 'bar', fields: [region, sales, cost], rows: [rows[0], rows[2]] })));
    const bars = r.marks('rect');
    expect(bars).toHaveLength(4);
    expect(new Set(bars.map((b) => b.datum?.__series))).toEqual(new Set(['Sum of Sales', 'Sum of Cost']));
    expect(bars.map((b) => b.fill)).toContain(LIGHT_THEME.dataColors[1]);
  });

  it('cross-highlight dims the other bars', async () => {
    const r = await render(buildSpec(input({ highlight: [{ key: 'c0', values: ['West'] }] })));
    const bars = r.marks('rect');
    expect(bars.filter((b) => b.opacity === 1).map((b) => b.datum?.c0)).toEqual(['West', 'West']);
    expect(bars.filter((b) => b.opacity === 0.3)).toHaveLength(2);
  });

  it('series colours, data labels, axis titles, legend off', async () => {
    const r = await render(
      buildSpec(input({ format: { seriesColors: { '2024': '#000000' }, dataLabels: true, yAxisTitle: 'Revenue', legendPosition: 'none', showGridlines: false } })),
    );
    const bars = r.marks('rect');
    expect(bars.filter((b) => b.fill === '#000000').map((b) => b.datum?.c1)).toEqual(['2024', '2024']);
    expect(r.marks('text').map((t) => t.text).sort()).toEqual(['1,500', '100', '2,500', '300']);
    const spec = buildSpec(input({ format: { legendPosition: 'none', yAxisTitle: 'Revenue' } }));
    expect(JSON.stringify(spec)).toContain('"legend":null');
    expect(JSON.stringify(spec)).toContain('"title":"Revenue"');
  });
});

describe('small multiples', () => {
  it('one cell per small-multiples value, each with its own bars', async () => {
    const sm = dim('c1', 'smallMultiples', 'Year');
    const r = await render(buildSpec(input({ fields: [region, sm, sales] })));
    expect(r.warnings).toEqual([]);
    expect(r.marks('rect')).toHaveLength(4);
    // two facet cells (group items of the 'cell' mark), each holding the two bars of its year
    interface Node {
      name?: string;
      marktype?: string;
      items?: Node[];
      datum?: Record<string, unknown>;
    }
    const cells: Node[] = [];
    const walk = (n: Node): void => {
      if (n.name === 'cell') cells.push(...(n.items ?? []));
      for (const c of n.items ?? []) walk(c);
    };
    walk((r.view.scenegraph() as unknown as { root: Node }).root);
    expect(cells).toHaveLength(2);
    const yearsPerCell = cells.map((c) => [...new Set((c.items ?? []).filter((m) => m.marktype === 'rect').flatMap((m) => (m.items ?? []).map((i) => i.datum?.c1)))]);
    expect(yearsPerCell).toEqual([['2023'], ['2024']]);
  });
});
