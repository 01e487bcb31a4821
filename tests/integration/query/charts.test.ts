import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { ref, run, startEngine, table, visual } from './fixtures';

/** Category charts against real DuckDB: the numbers are the hand-computed totals of fixtures.ts. */
describe('category charts (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('bar: sum by category, ordered by value desc, field metadata and DuckDB types agree', async () => {
    const { rows, compiled, columns } = await run(engine, visual('bar', { category: [ref.region], values: [ref.amount] }));
    expect(table(rows, ['c0', 'c1'])).toEqual([['East', 260], ['South', 220], ['North', 190], ['West', 10]]);
    expect(compiled.fields).toMatchObject([
      { key: 'c0', role: 'category', label: 'region', kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR' },
      { key: 'c1', role: 'values', label: 'Sum of amount', kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', aggregate: 'sum' },
    ]);
    expect(columns.map((c) => c.type)).toEqual(compiled.fields.map((f) => f.sqlType));
  });

  it.each(['column', 'stackedBar', 'stackedColumn', 'percentBar', 'percentColumn'] as const)('%s with a series: one row per category × series', async (type) => {
    const { rows } = await run(engine, visual(type, { category: [ref.region], series: [ref.category], values: [ref.amount] }));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ c0: 'East', c1: 'Tools', c2: 260 });
    expect(rows.find((r) => r.c0 === 'West')).toEqual({ c0: 'West', c1: null, c2: 10 });
    expect(rows.reduce((s, r) => s + Number(r.c2), 0)).toBe(680);
  });

  it('default aggregates: count for text, explicit avg/min/max/median/distinctCount', async () => {
    const { rows, compiled } = await run(
      engine,
      visual('column', {
        category: [ref.region],
        values: [
          ref.productId,
          { ...ref.amount, aggregate: 'avg' },
          { ...ref.amount, aggregate: 'min' },
          { ...ref.amount, aggregate: 'max' },
          { ...ref.amount, aggregate: 'median' },
          { ...ref.productId, aggregate: 'distinctCount' },
        ],
      }, { sort: { field: ref.region, direction: 'asc' } }),
    );
    expect(compiled.fields.map((f) => f.label)).toEqual([
      'region', 'Count of product_id', 'Average of amount', 'Min of amount', 'Max of amount', 'Median of amount', 'Count (distinct) of product_id',
    ]);
    expect(table(rows, ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'])).toEqual([
      ['East', 2, 130, 60, 200, 130, 2],
      ['North', 4, 47.5, 20, 100, 35, 2],
      ['South', 3, 220 / 3, 50, 90, 80, 3],
      ['West', 1, 10, 10, 10, 10, 1],
    ]);
  });

  it('line: categories ascending; dates ascending even for bar', async () => {
    const line = await run(engine, visual('line', { category: [ref.region], values: [ref.amount] }));
    expect(line.rows.map((r) => r.c0)).toEqual(['East', 'North', 'South', 'West']);
    const bar = await run(engine, visual('bar', { category: [ref.orderDate], values: [ref.amount] }));
    expect(bar.rows.map((r) => r.c0)).toEqual(['2024-01-15', '2024-02-10', '2024-03-05', '2024-04-20', '2024-05-01', '2024-07-14', '2024-11-30', '2025-01-02', '2025-02-28', '2025-03-15']);
    expect(bar.compiled.fields[0]).toMatchObject({ vlType: 'temporal', sqlType: 'DATE' });
  });

  it.each(['area', 'stackedArea'] as const)('%s: series over categories', async (type) => {
    const { rows } = await run(engine, visual(type, { category: [ref.category], series: [ref.region], values: [ref.qty] }));
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([
      ['Tools', 'East', 7], ['Tools', 'North', 2], ['Tools', 'South', 4], ['Toys', 'North', 2], ['Toys', 'South', 2], [null, 'West', 1],
    ]);
  });

  it('visual sort by a value ascending, and by a field that is not shown', async () => {
    const asc = await run(engine, visual('bar', { category: [ref.region], values: [ref.amount] }, { sort: { field: ref.amount, direction: 'asc' } }));
    expect(asc.rows.map((r) => r.c0)).toEqual(['West', 'North', 'South', 'East']);
    const byQty = await run(engine, visual('bar', { category: [ref.region], values: [ref.amount] }, { sort: { field: ref.qty, direction: 'desc' } }));
    // qty: East 7, South 6, North 4, West 1
    expect(byQty.rows.map((r) => r.c0)).toEqual(['East', 'South', 'North', 'West']);
    expect(Object.keys(byQty.rows[0])).toEqual(['c0', 'c1']);
  });

  it('top N by value, and bottom N by another field', async () => {
    const top2 = await run(engine, visual('bar', { category: [ref.region], values: [ref.amount] }, { topN: { n: 2, by: ref.amount, direction: 'top' } }));
    expect(table(top2.rows, ['c0', 'c1'])).toEqual([['East', 260], ['South', 220]]);
    const bottom1 = await run(engine, visual('bar', { category: [ref.region], values: [ref.amount] }, { topN: { n: 1, by: ref.qty, direction: 'bottom' } }));
    expect(table(bottom1.rows, ['c0', 'c1'])).toEqual([['West', 10]]);
  });

  it('top N with a series: the top categories, then every series of them', async () => {
    const { rows } = await run(
      engine,
      visual('stackedColumn', { category: [ref.category], series: [ref.region], values: [ref.amount] }, { topN: { n: 1, by: ref.amount, direction: 'top' } }),
    );
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([['Tools', 'East', 260], ['Tools', 'South', 170], ['Tools', 'North', 130]]);
  });

  it('% of total with a window SUM() OVER ()', async () => {
    const { rows, compiled } = await run(engine, visual('pie', { category: [ref.region], values: [{ ...ref.amount, showAs: 'percentOfTotal' }] }));
    expect(compiled.fields[1].label).toBe('Sum of amount (% of total)');
    expect(rows.map((r) => [r.c0, Math.round(Number(r.c1) * 1000) / 1000])).toEqual([['East', 0.382], ['South', 0.324], ['North', 0.279], ['West', 0.015]]);
    expect(rows.reduce((s, r) => s + Number(r.c1), 0)).toBeCloseTo(1, 10);
  });

  it('date hierarchy drill: year, quarter, month, day keys', async () => {
    const v = visual('column', { category: [ref.orderDate], values: [ref.amount] });
    const year = await run(engine, v, { drill: { level: 0 } });
    expect(table(year.rows, ['c0', 'c1'])).toEqual([['2024', 540], ['2025', 140]]);
    expect(year.compiled.fields[0]).toMatchObject({ drillLevel: 'year', vlType: 'ordinal', sqlType: 'VARCHAR' });
    const quarter = await run(engine, v, { drill: { level: 1 } });
    expect(table(quarter.rows, ['c0', 'c1'])).toEqual([['2024 Q1', 180], ['2024 Q2', 220], ['2024 Q3', 80], ['2024 Q4', 60], ['2025 Q1', 140]]);
    const month = await run(engine, v, { drill: { level: 2 } });
    expect(month.rows.slice(0, 3).map((r) => r.c0)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(month.rows).toHaveLength(10);
    const day = await run(engine, v, { drill: { level: 3 } });
    expect(day.rows[0]).toEqual({ c0: '2024-01-15', c1: 100 });
    expect(day.compiled.fields[0]).toMatchObject({ drillLevel: 'day', vlType: 'temporal' });
  });

  it('combo: column and line values by category', async () => {
    const { rows, compiled } = await run(engine, visual('combo', { category: [ref.region], columnValues: [ref.amount], lineValues: [ref.qty] }));
    expect(compiled.fields.map((f) => f.role)).toEqual(['category', 'columnValues', 'lineValues']);
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([['East', 260, 7], ['North', 190, 4], ['South', 220, 6], ['West', 10, 1]]);
  });

  it.each(['donut', 'funnel', 'treemap'] as const)('%s: category + value, largest first', async (type) => {
    const { rows } = await run(engine, visual(type, { category: [ref.category], values: [ref.amount] }));
    expect(table(rows, ['c0', 'c1'])).toEqual([['Tools', 560], ['Toys', 110], [null, 10]]);
  });

  it('waterfall: running total start/end in category order', async () => {
    const { rows, compiled } = await run(engine, visual('waterfall', { category: [ref.region], values: [ref.amount] }));
    expect(compiled.fields.map((f) => f.role)).toEqual(['category', 'values', 'start', 'end']);
    expect(table(rows, ['c0', 'c1', 'c2', 'c3'])).toEqual([
      ['East', 260, 0, 260], ['North', 190, 260, 450], ['South', 220, 450, 670], ['West', 10, 670, 680],
    ]);
  });

  it('heatmap: x × y → value', async () => {
    const { rows } = await run(engine, visual('heatmap', { x: [ref.region], y: [ref.category], values: [ref.qty] }));
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([
      ['East', 'Tools', 7], ['North', 'Tools', 2], ['North', 'Toys', 2], ['South', 'Tools', 4], ['South', 'Toys', 2], ['West', null, 1],
    ]);
  });

  it('map: location + value', async () => {
    const { rows, compiled } = await run(engine, visual('map', { location: [ref.region], values: [ref.amount] }));
    expect(compiled.fields[0].role).toBe('location');
    expect(table(rows, ['c0', 'c1'])).toEqual([['East', 260], ['South', 220], ['North', 190], ['West', 10]]);
  });

  it('custom: category, series and details grouped, values aggregated', async () => {
    const { rows } = await run(engine, visual('custom', { category: [ref.category], details: [ref.productName], values: [ref.amount] }));
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([['Tools', 'Gizmo', 280], ['Tools', 'Widget', 280], ['Toys', 'Gadget', 110], [null, null, 10]]);
  });
});
