import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { ref, run, startEngine, table, visual } from './fixtures';

/** Tables, matrix, cards, KPI, slicer and the reduced shapes (scatter sampling, M4, histogram) on real DuckDB. */
describe('tabular visuals and reductions (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('table of raw rows (limit, sort by a column)', async () => {
    const { rows, compiled } = await run(engine, visual('table', { columns: [ref.orderId, ref.region, ref.amount] }, { sort: { field: ref.amount, direction: 'desc' } }), { limit: 3 });
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([[4, 'East', 200], [1, 'North', 100], [10, 'South', 90]]);
    expect(compiled.reduction).toEqual({ method: 'limit', note: 'Showing the first 3 of 10 rows' });
  });

  it('table grouped when a column has an aggregate (with a dimension column of a related dataset)', async () => {
    const { rows } = await run(engine, visual('table', { columns: [ref.category, { ...ref.amount, aggregate: 'sum' }, { ...ref.orderId, aggregate: 'count' }] }));
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([['Tools', 560, 6], ['Toys', 110, 3], [null, 10, 1]]);
  });

  it('matrix: details, subtotals per row group and column group, grand total with __level', async () => {
    const { rows } = await run(engine, visual('matrix', { rows: [ref.category, ref.productName], columns: [ref.region], values: [ref.amount] }));
    const pick = (cat: unknown, name: unknown, region: unknown) => rows.find((r) => r.c0 === cat && r.c1 === name && r.c2 === region);
    // Grand total, and the subtotal rows / columns.
    const grand = rows.filter((r) => r.__level === 0 && r.__colLevel === 0);
    expect(grand).toEqual([{ c0: null, c1: null, c2: null, c3: 680, __level: 0, __colLevel: 0 }]);
    expect(rows[rows.length - 1]).toEqual(grand[0]);
    expect(rows.filter((r) => r.__level === 1 && r.__colLevel === 0).map((r) => [r.c0, r.c3])).toEqual([['Tools', 560], ['Toys', 110], [null, 10]]);
    expect(rows.filter((r) => r.__level === 0 && r.__colLevel === 1).map((r) => [r.c2, r.c3])).toEqual([['East', 260], ['North', 190], ['South', 220], ['West', 10]]);
    expect(pick('Tools', 'Widget', 'North')).toMatchObject({ c3: 130, __level: 2, __colLevel: 1 });
    expect(rows.find((r) => r.c0 === 'Tools' && r.c1 === 'Widget' && r.__colLevel === 0)).toMatchObject({ c3: 280, __level: 2 });
    // Details come before the subtotal of their group.
    const widgetRows = rows.findIndex((r) => r.c1 === 'Widget');
    const toolsSubtotal = rows.findIndex((r) => r.c0 === 'Tools' && r.__level === 1);
    expect(widgetRows).toBeLessThan(toolsSubtotal);
  });

  it('card and multi-row card: aggregates without GROUP BY', async () => {
    const card = await run(engine, visual('card', { values: [ref.amount] }));
    expect(card.rows).toEqual([{ c0: 680 }]);
    const multi = await run(engine, visual('multiRowCard', { values: [ref.amount, ref.qty, { ...ref.region, aggregate: 'distinctCount' }] }));
    expect(multi.rows).toEqual([{ c0: 680, c1: 18, c2: 4 }]);
  });

  it('kpi: value and target, by the trend field', async () => {
    const flat = await run(engine, visual('kpi', { values: [ref.amount], target: [{ ...ref.qty, aggregate: 'max' }], trend: [] }));
    expect(flat.rows).toEqual([{ c0: 680, c1: 4 }]);
    const byYear = await run(engine, visual('kpi', { values: [ref.amount], target: [], trend: [ref.orderDate] }), { drill: { level: 0 } });
    expect(byYear.compiled.fields.map((f) => f.role)).toEqual(['trend', 'values']);
    expect(table(byYear.rows, ['c0', 'c1'])).toEqual([['2024', 540], ['2025', 140]]);
  });

  it('slicer: distinct values ordered; min and max for numbers and dates', async () => {
    const text = await run(engine, visual('slicer', { field: [ref.category] }));
    expect(text.rows).toEqual([{ c0: 'Garden' }, { c0: 'Tools' }, { c0: 'Toys' }]);
    const dates = await run(engine, visual('slicer', { field: [ref.orderDate] }));
    expect(dates.rows).toHaveLength(10);
    expect(dates.rows[0]).toEqual({ c0: '2024-01-15', c1: '2024-01-15', c2: '2025-03-15' });
    expect(dates.compiled.fields.map((f) => f.role)).toEqual(['field', 'min', 'max']);
  });

  it('scatter: raw points under 5,000 are not sampled; bubble size; details aggregate', async () => {
    const raw = await run(engine, visual('scatter', { x: [ref.amount], y: [ref.qty], size: [], series: [], details: [], tooltips: [] }));
    expect(raw.rows).toHaveLength(10);
    expect(raw.compiled.reduction).toBeUndefined();
    const detail = await run(engine, visual('scatter', { x: [ref.amount], y: [ref.qty], size: [ref.orderId], series: [], details: [ref.region], tooltips: [] }));
    expect(table(detail.rows, ['c0', 'c1', 'c2', 'c3'])).toEqual([['East', 260, 7, 11], ['North', 190, 4, 17], ['South', 220, 6, 18], ['West', 10, 1, 9]]);
  });

  it('scatter over 20,000 rows: a reproducible sample of 5,000 in SQL, with a note', async () => {
    const v = visual('scatter', { x: [ref.x], y: [ref.y], series: [ref.g] });
    const a = await run(engine, v);
    expect(a.rows).toHaveLength(5000);
    expect(a.compiled.reduction).toEqual({ method: 'sample', note: 'Showing 5,000 of 20,000 points (sampled)' });
    expect(a.compiled.sql).toContain('USING SAMPLE reservoir(5000 ROWS) REPEATABLE (42)');
    const b = await run(engine, v);
    expect(b.rows).toEqual(a.rows);
    // Every sampled point is a real row (y = x % 100, g by parity).
    for (const r of a.rows.slice(0, 200)) {
      expect(r.c1).toBe(Number(r.c0) % 100);
      expect(r.c2).toBe(Number(r.c0) % 2 === 0 ? 'a' : 'b');
    }
  });

  it('line with 20,000 x values: M4 keeps per pixel column the first/last/min/max rows', async () => {
    const v = visual('line', { category: [ref.x], values: [ref.y] });
    const { rows, compiled } = await run(engine, v, { pixels: 100 });
    expect(compiled.reduction?.method).toBe('m4');
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThanOrEqual(4 * 101);
    const xs = rows.map((r) => Number(r.c0));
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBe(19999);
    // Each pixel column spans 200 x values, so y = x % 100 reaches 0 and 99 in every column.
    expect(rows.filter((r) => r.c1 === 99).length).toBeGreaterThanOrEqual(100);
    expect(rows.every((r) => r.c1 === Number(r.c0) % 100)).toBe(true);
    // Few points: no reduction (distinct x ≤ 2 × pixels).
    const small = await run(engine, visual('line', { category: [ref.orderDate], values: [ref.amount] }), { pixels: 100 });
    expect(small.rows).toHaveLength(10);
  });

  it('line over a timestamp with series: M4 per series', async () => {
    const { rows } = await run(engine, visual('line', { category: [ref.ts], series: [ref.g], values: [ref.y] }), { pixels: 50 });
    expect(rows.length).toBeLessThanOrEqual(2 * 4 * 51);
    expect(new Set(rows.map((r) => r.c1))).toEqual(new Set(['a', 'b']));
    expect(rows[0]).toMatchObject({ c0: '2024-01-01T00:00:00.000', c1: 'a', c2: 0 });
  });

  it('histogram: equal bins from min/max, and Freedman–Diaconis bins', async () => {
    const four = await run(engine, visual('histogram', { values: [ref.amount] }, { format: { binCount: 4 } }));
    // min 10, max 200 → width 47.5: [10,57.5) 5 rows (10,20,30,40,50), [57.5,105) 4 (60,80,90,100), [152.5,200] 1 (200).
    expect(table(four.rows, ['c0', 'c1', 'c2'])).toEqual([[10, 57.5, 5], [57.5, 105, 4], [152.5, 200, 1]]);
    expect(four.compiled.fields.map((f) => f.role)).toEqual(['binStart', 'binEnd', 'count']);
    const fd = await run(engine, visual('histogram', { values: [ref.x] }));
    // n = 20,000, IQR ≈ 9999.5 → width ≈ 735 → 28 bins; every row lands in one bin.
    expect(fd.rows).toHaveLength(28);
    expect(fd.rows.reduce((s, r) => s + Number(r.c2), 0)).toBe(20000);
    expect(fd.rows[0].c0).toBe(0);
    expect(Number(fd.rows[27].c1)).toBeCloseTo(19999, 6);
  });
});
