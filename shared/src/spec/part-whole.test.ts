import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { axisLabels, dim, measure, render } from './harness.test-util';
import { LIGHT_THEME } from './theme';
import type { SpecInput } from './types';

const cat = dim('c0', 'category', 'Stage');
const val = measure('c1', 'values', 'Count');
const rows = [
  { c0: 'Leads', c1: 1000 },
  { c0: 'Qualified', c1: 600 },
  { c0: 'Won', c1: 200 },
];
const input = (over: Partial<SpecInput>): SpecInput => ({ type: 'pie', fields: [cat, val], rows, format: {}, theme: LIGHT_THEME, width: 400, height: 300, ...over });

describe('pie, donut, funnel, waterfall', () => {
  it('pie: one arc per row, angles proportional, labels with formatted values', async () => {
    const r = await render(buildSpec(input({})));
    expect(r.warnings).toEqual([]);
    const arcs = r.marks('arc');
    expect(arcs).toHaveLength(3);
    const angle = (a: { startAngle?: number; endAngle?: number }) => (a.endAngle ?? 0) - (a.startAngle ?? 0);
    expect(angle(arcs[0]) / angle(arcs[2])).toBeCloseTo(5, 5);
    // SQL order is kept around the circle
    expect(arcs.map((a) => a.datum?.c0)).toEqual(['Leads', 'Qualified', 'Won']);
    expect(Math.min(arcs[0].startAngle ?? -1, arcs[0].endAngle ?? -1)).toBe(0);
    expect(r.marks('text').map((t) => t.text)).toEqual(['1,000', '600', '200']);
    expect(arcs[1].tooltip).toEqual({ Stage: 'Qualified', Count: '600' });
  });

  it('donut has an inner radius; highlight dims other slices', async () => {
    const built = buildSpec(input({ type: 'donut', highlight: [{ key: 'c0', values: ['Won'] }] }));
    const r = await render(built);
    const arcs = r.marks('arc') as { innerRadius?: number; opacity?: number; datum?: Record<string, unknown> }[];
    expect(arcs.every((a) => (a.innerRadius ?? 0) > 0)).toBe(true);
    expect(arcs.map((a) => a.opacity)).toEqual([0.3, 0.3, 1]);
  });

  it('funnel: bars centred on zero, largest at the top', async () => {
    const r = await render(buildSpec(input({ type: 'funnel', rows: [rows[1], rows[2], rows[0]] })));
    expect(r.warnings).toEqual([]);
    const bars = r.marks('rect');
    expect(bars).toHaveLength(3);
    const centre = (b: { x?: number; width?: number }) => (b.x ?? 0) + (b.width ?? 0) / 2;
    expect(centre(bars[0])).toBeCloseTo(centre(bars[1]), 5);
    expect(centre(bars[1])).toBeCloseTo(centre(bars[2]), 5);
    const byY = [...bars].sort((a, b) => (a.y ?? 0) - (b.y ?? 0)).map((b) => b.datum?.c0);
    expect(byY).toEqual(['Leads', 'Qualified', 'Won']);
    expect((bars.find((b) => b.datum?.c0 === 'Leads')?.width ?? 0) / (bars.find((b) => b.datum?.c0 === 'Won')?.width ?? 1)).toBeCloseTo(5, 5);
  });

  it('waterfall: running start/end per step, coloured up/down, plus a total that stays bright', async () => {
    const wrows = [
      { c0: 'Jan', c1: 100 },
      { c0: 'Feb', c1: -30 },
      { c0: 'Mar', c1: 50 },
    ];
    const built = buildSpec(input({ type: 'waterfall', rows: wrows, highlight: [{ key: 'c0', values: ['Feb'] }] }));
    const r = await render(built);
    expect(r.warnings).toEqual([]);
    const bars = r.marks('rect');
    expect(bars.map((b) => [b.datum?.c0, b.datum?.__start, b.datum?.__end, b.datum?.__kind])).toEqual([
      ['Jan', 0, 100, 'Increase'],
      ['Feb', 100, 70, 'Decrease'],
      ['Mar', 70, 120, 'Increase'],
      ['Total', 0, 120, 'Total'],
    ]);
    expect(bars.map((b) => b.fill)).toEqual(['#1AAB40', '#D64554', '#1AAB40', '#118DFF']);
    expect(bars.map((b) => b.opacity)).toEqual([0.3, 1, 0.3, 1]);
    expect(bars[3].tooltip).toEqual({ Stage: 'Total', Count: '120', 'Running total': '120' });
    expect(axisLabels(r)).toContain('Total');
  });
});
