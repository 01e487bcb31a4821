import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { axisLabels, dim, measure, render } from './harness.test-util';
import { DARK_THEME, LIGHT_THEME } from './theme';
import type { SpecInput } from './types';

const base = { format: {}, theme: LIGHT_THEME, width: 400, height: 300 };

describe('scatter, bubble, histogram, heatmap', () => {
  const fields = [dim('c0', 'details', 'Country'), measure('c1', 'x', 'Sum of GDP'), measure('c2', 'y', 'Avg of Life')];
  const rows = [
    { c0: 'A', c1: 1_000_000, c2: 70, c3: 5 },
    { c0: 'B', c1: 2_500_000, c2: 75, c3: 50 },
    { c0: 'C', c1: 4_000_000, c2: 80, c3: 20 },
  ];

  it('scatter: one circle per row, formatted tooltips incl. details', async () => {
    const r = await render(buildSpec({ ...base, type: 'scatter', fields, rows, format: { numberFormat: { units: 'auto' } } } as SpecInput));
    expect(r.warnings).toEqual([]);
    const pts = r.marks('symbol');
    expect(pts).toHaveLength(3);
    expect(pts[1].tooltip).toEqual({ Country: 'B', 'Sum of GDP': '2.5M', 'Avg of Life': '75' });
    expect(axisLabels(r).some((t) => /M$/.test(t))).toBe(true);
  });

  it('bubble: size channel from the size well', async () => {
    const r = await render(buildSpec({ ...base, type: 'scatter', fields: [...fields, measure('c3', 'size', 'Population')], rows } as SpecInput));
    const sizes = r.marks('symbol').map((p) => (p as { size?: number }).size ?? 0);
    expect(sizes[1]).toBeGreaterThan(sizes[2]);
    expect(sizes[2]).toBeGreaterThan(sizes[0]);
  });

  it('histogram: one rect per SQL bin from start to end (no Vega binning)', async () => {
    const hf = [
      dim('c0', 'values', 'amount (start)', { vlType: 'quantitative', sqlType: 'DOUBLE' }),
      dim('c1', 'values', 'amount (end)', { vlType: 'quantitative', sqlType: 'DOUBLE' }),
      measure('c2', 'values', 'Count of rows', { aggregate: 'count' }),
    ];
    const hrows = [
      { c0: 0, c1: 10, c2: 4 },
      { c0: 10, c1: 20, c2: 8 },
      { c0: 20, c1: 30, c2: 2 },
    ];
    const built = buildSpec({ ...base, type: 'histogram', fields: hf, rows: hrows } as SpecInput);
    expect(JSON.stringify(built)).not.toContain('"bin"');
    const r = await render(built);
    expect(r.warnings).toEqual([]);
    const rects = r.marks('rect');
    expect(rects).toHaveLength(3);
    // contiguous bins of equal width, heights ∝ counts
    expect(rects[0].x2).toBeCloseTo(rects[1].x ?? -1, 5);
    expect(rects[1].x2).toBeCloseTo(rects[2].x ?? -1, 5);
    const h = (i: number) => (rects[i].y2 ?? 0) - (rects[i].y ?? 0);
    expect(h(1) / h(0)).toBeCloseTo(2, 5);
    expect(rects[1].tooltip).toEqual({ 'amount from': '10', to: '20', 'Count of rows': '8' });
  });

  it('heatmap: a rect per cell, colour from the value', async () => {
    const f = [dim('c0', 'x', 'Weekday'), dim('c1', 'y', 'Hour', { vlType: 'ordinal', sqlType: 'BIGINT' }), measure('c2', 'values', 'Sum of Sales')];
    const hrows = [
      { c0: 'Mon', c1: 9, c2: 1 },
      { c0: 'Mon', c1: 10, c2: 5 },
      { c0: 'Tue', c1: 9, c2: 10 },
      { c0: 'Tue', c1: 10, c2: 0 },
    ];
    const r = await render(buildSpec({ ...base, theme: DARK_THEME, type: 'heatmap', fields: f, rows: hrows, format: { dataLabels: true } } as SpecInput));
    expect(r.warnings).toEqual([]);
    const rects = r.marks('rect');
    expect(rects).toHaveLength(4);
    expect(new Set(rects.map((x) => x.fill)).size).toBe(4);
    expect(r.marks('text').map((t) => t.text)).toEqual(['1', '5', '10', '0']);
    expect(rects[2].tooltip).toEqual({ Weekday: 'Tue', Hour: '9', 'Sum of Sales': '10' });
  });
});
