import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { parseCustomSpec } from './custom';
import { dim, measure, render } from './harness.test-util';
import { DARK_THEME, LIGHT_THEME, ThemeError, themeFromPowerBI } from './theme';
import { CustomSpecError, type SpecInput } from './types';
import { readVisualFormat } from './visual-format';

const fields = [dim('c0', 'category', 'Region'), measure('c1', 'values', 'Sum of Sales')];
const rows = [
  { c0: 'East', c1: 10 },
  { c0: 'West', c1: 20 },
];
const base = { fields, rows, format: {}, theme: LIGHT_THEME, width: 300, height: 200 };

describe('custom Vega-Lite', () => {
  it('binds the rows as data "table" (replacing the user data) and lets fields be named by label', async () => {
    const customSpec = JSON.stringify({
      data: { url: 'https://example.com/x.csv' },
      mark: 'point',
      encoding: { x: { field: 'Region', type: 'nominal' }, y: { field: 'Sum of Sales', type: 'quantitative' } },
    });
    const built = buildSpec({ ...base, type: 'custom', customSpec } as SpecInput);
    expect(built.library === 'vega-lite' && built.spec.data).toEqual({ name: 'table', values: rows });
    const r = await render(built);
    expect(r.warnings).toEqual([]);
    expect(r.marks('symbol').map((p) => p.datum?.c0)).toEqual(['East', 'West']);
  });

  it('invalid JSON: a clear error with line and column', () => {
    const text = '{\n  "mark": "bar",\n  "encoding": {,}\n}';
    expect(() => parseCustomSpec(text)).toThrow(CustomSpecError);
    try {
      parseCustomSpec(text);
    } catch (e) {
      expect(e).toMatchObject({ line: 3, column: 16 });
      expect((e as Error).message).toMatch(/line 3, column 16/);
    }
    const built = buildSpec({ ...base, type: 'custom', customSpec: text } as SpecInput);
    expect(built.library).toBe('none');
    expect(built.library === 'none' && built.reason).toMatch(/not valid at line 3/);
    expect(() => parseCustomSpec('[1, 2]')).toThrow(/must be an object/);
    expect(() => parseCustomSpec('  ')).toThrow(/no Vega-Lite JSON/);
  });
});

describe('every chart type', () => {
  const byType: Record<string, SpecInput['fields']> = {
    combo: [dim('c0', 'category', 'Region'), measure('c1', 'columnValues', 'Sum of Sales')],
    scatter: [dim('c0', 'details', 'Region'), measure('c1', 'x', 'Sum of Sales'), measure('c1', 'y', 'Sum of Sales')],
    heatmap: [dim('c0', 'x', 'Region'), dim('c0', 'y', 'Region'), measure('c1', 'values', 'Sum of Sales')],
    histogram: [dim('c1', 'values', 'x (start)', { vlType: 'quantitative' }), measure('c1', 'values', 'Count')],
  };
  const types = ['bar', 'column', 'stackedBar', 'stackedColumn', 'percentBar', 'percentColumn', 'line', 'area', 'stackedArea', 'combo', 'pie', 'donut', 'scatter', 'histogram', 'heatmap', 'funnel', 'waterfall'] as const;
  it.each(types)('%s names its data "table", fits its size and compiles without warnings', async (type) => {
    const built = buildSpec({ ...base, type, fields: byType[type] ?? fields, theme: DARK_THEME, format: { title: 'My chart', background: '#101010', border: true } });
    expect(built.library).toBe('vega-lite');
    if (built.library !== 'vega-lite') return;
    expect(built.spec.data).toMatchObject({ name: 'table' });
    expect(built.spec.autosize).toEqual({ type: 'fit', contains: 'padding' });
    expect(built.spec.background).toBe('#101010');
    expect(JSON.stringify(built.spec)).not.toMatch(/"(aggregate|bin|timeUnit)"/);
    const r = await render(built);
    expect(r.warnings).toEqual([]);
    expect(r.view.background()).toBe('#101010');
    expect(r.marks('text').length + r.marks('rect').length + r.marks('symbol').length + r.marks('arc').length).toBeGreaterThan(0);
  });

  it('table, matrix, cards, kpi and slicer are left to React', () => {
    for (const type of ['table', 'matrix', 'card', 'multiRowCard', 'kpi', 'slicer'] as const) {
      expect(buildSpec({ ...base, type }).library).toBe('none');
    }
  });

  it('an empty values well explains what to add', () => {
    const built = buildSpec({ ...base, type: 'column', fields: [fields[0]] });
    expect(built).toEqual({ library: 'none', reason: expect.stringContaining('Values') });
  });
});

describe('themes and format options', () => {
  it('reads a Power BI theme file', () => {
    const t = themeFromPowerBI(JSON.stringify({ name: 'Night', dataColors: ['#FF0000', '#00FF00'], background: '#000000', tableAccent: '#00FF00' }));
    expect(t.dataColors).toEqual(['#FF0000', '#00FF00']);
    expect(t.background).toBe('#000000');
    expect(t.foreground).toBe(DARK_THEME.foreground);
    expect(t.tableAccent).toBe('#00FF00');
    expect(themeFromPowerBI({ dataColors: ['#123456'] }).background).toBe(LIGHT_THEME.background);
  });

  it('lists every problem of a bad theme file', () => {
    let err: unknown;
    try {
      themeFromPowerBI({ dataColors: ['#118DFF', 'blue-ish', 3], background: 'nope' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ThemeError);
    expect((err as ThemeError).problems).toEqual(['"dataColors"[1] is not a colour: "blue-ish"', '"dataColors"[2] is not a colour: 3', '"background" is not a colour: "nope"']);
    expect(() => themeFromPowerBI('{bad json')).toThrow(/not valid JSON/);
    expect(() => themeFromPowerBI({ background: '#FFFFFF' })).toThrow(/"dataColors" is missing/);
  });

  it('theme colours reach the rendered chart', async () => {
    const r = await render(buildSpec({ ...base, type: 'column', theme: { ...LIGHT_THEME, dataColors: ['#ABCDEF'] } }));
    expect(r.marks('rect').map((b) => b.fill)).toEqual(['#ABCDEF', '#ABCDEF']);
  });

  it('readVisualFormat falls back to defaults on bad values', () => {
    const f = readVisualFormat({ showTitle: 'yes', legendPosition: 'middle', yMin: '5', numberFormat: { decimals: 2.6, units: 'X', currency: 'EUR' }, seriesColors: { a: '#fff', b: 'red?' } });
    expect(f.showTitle).toBe(true);
    expect(f.legendPosition).toBe('top');
    expect(f.yMin).toBe(5);
    expect(f.numberFormat).toEqual({ decimals: 3, currency: 'EUR' });
    expect(f.seriesColors).toEqual({ a: '#fff' });
  });
});
