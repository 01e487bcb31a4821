import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossFilterKey, planCube, predicateKeys, withTopNContext, type FieldRef, type Predicate, type Visual } from '../../../shared/src/index';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { MODEL, checkCube, ref, run, startEngine, visual } from './fixtures';

/**
 * Cross-filter cubes against real DuckDB: for every target visual and selection, the visual's query
 * rewritten over its materialised cube returns exactly the rows (same order, same types, the same
 * numbers) as the visual's own SQL with the cross-filter — and shapes that cannot be merged from
 * partials are refused rather than answered wrongly.
 */
const model = MODEL;
const sum = (r: { datasetId: string; column: string }): FieldRef => ({ ...r, aggregate: 'sum' });

describe('cross-filter cubes (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  /** Builds the cube of `target` for `keys`, then checks every selection against the direct query. */
  const check = (target: Visual, selections: Predicate[], extra: Predicate[] = [], drill?: { level: number }): Promise<void> => checkCube(engine, target, selections, { extra, drill });

  const byRegion = (...values: string[]): Predicate => ({ kind: 'in', field: ref.region, values });
  const byCategory = (...values: string[]): Predicate => ({ kind: 'in', field: ref.category, values });
  const byMonth = (...values: string[]): Predicate => ({ kind: 'in', field: ref.orderDate, values });
  const regions = [byRegion('North'), byRegion('South', 'East'), byRegion('Nowhere'), { kind: 'in', field: ref.region, values: ['West', null] } as Predicate];

  it('category charts: bar, stacked column with a series, line by month, pie, combo', async () => {
    await check(visual('bar', { category: [ref.productId], values: [ref.amount] }), regions);
    await check(visual('stackedColumn', { category: [ref.productId], series: [ref.category], values: [sum(ref.qty)] }), regions);
    await check(visual('line', { category: [ref.orderDate], values: [ref.amount] }), regions, [], { level: 2 });
    await check(visual('pie', { category: [ref.category], values: [ref.amount] }), regions);
    await check(visual('combo', { category: [ref.region], values: [ref.amount], lineValues: [sum(ref.qty)] }), [byCategory('Tools'), byCategory('Toys', 'Garden')]);
  });

  it('every decomposable aggregate, % of total and measures merge from partials', async () => {
    const values: FieldRef[] = [
      { ...ref.amount, aggregate: 'avg' },
      { ...ref.amount, aggregate: 'min' },
      { ...ref.amount, aggregate: 'max' },
      { ...ref.qty, aggregate: 'count' },
      { ...ref.orderDate, aggregate: 'max' },
      { ...ref.amount, showAs: 'percentOfTotal' },
      { measureId: 'm_avg_price' },
      { measureId: 'm_share' },
    ];
    await check(visual('column', { category: [ref.productId], values }, { sort: { field: ref.productId, direction: 'asc' } }), regions);
  });

  it('a month click (date hierarchy key) filters a bar by product and a card', async () => {
    const months = [byMonth('2024-03'), byMonth('2024-01', '2025-02'), byMonth('2023-12')];
    expect(predicateKeys(model, months[0])).toEqual([crossFilterKey(model, ref.orderDate, 'month')]);
    await check(visual('bar', { category: [ref.productId], values: [ref.amount] }), months);
    await check(visual('card', { values: [ref.amount, { ...ref.qty, aggregate: 'count' }] }), months);
  });

  it('table with Top N, matrix with subtotals, KPI, scatter with details, waterfall', async () => {
    await check(visual('table', { columns: [ref.productName, ref.category, sum(ref.amount)] }, { topN: { n: 2, by: sum(ref.amount), direction: 'top' } }), regions);
    await check(visual('matrix', { rows: [ref.category, ref.productName], columns: [ref.region], values: [sum(ref.amount)] }), [byMonth('2024-03'), byMonth('2024-11', '2025-01')]);
    await check(visual('scatter', { details: [ref.productId], x: [sum(ref.amount)], y: [sum(ref.qty)] }), regions);
    await check(visual('waterfall', { category: [ref.region], values: [ref.amount] }), [byCategory('Tools'), byCategory('Toys')]);
    await check(visual('kpi', { values: [ref.amount], target: [sum(ref.qty)], trend: [ref.orderDate] }), regions, [], { level: 0 });
  });

  it('other filters are baked into the cube, the selection stays a lookup', async () => {
    const pageFilter: Predicate = { kind: 'range', field: ref.amount, min: 25 };
    await check(visual('bar', { category: [ref.productId], values: [ref.amount] }), regions, [pageFilter]);
  });

  it('refuses what partials cannot answer: median, distinct count, raw rows, slicers', () => {
    const plan = (v: Visual) => planCube({ visual: v, ...model, filters: [regions[0]] }, regions[0], predicateKeys(model, regions[0]));
    expect(plan(visual('bar', { category: [ref.productId], values: [{ ...ref.amount, aggregate: 'median' }] }))).toBeNull();
    expect(plan(visual('bar', { category: [ref.productId], values: [{ ...ref.amount, aggregate: 'distinctCount' }] }))).toBeNull();
    expect(plan(visual('table', { columns: [ref.orderId, ref.amount] }))).toBeNull();
    expect(plan(visual('slicer', { field: [ref.productId] }))).toBeNull();
    // a visual the selection cannot reach does not depend on it
    expect(plan(visual('card', { values: [{ datasetId: 'weather', column: 'temp' }] }))).toBeNull();
  });

  it('a Top N filter ranked within the cross-filter ranks over the cube for each selection; ranked globally it is baked in', async () => {
    const target = visual('bar', { category: [ref.productId], values: [ref.amount] });
    const topN: Predicate = { kind: 'topN', field: ref.productId, n: 1, by: sum(ref.amount), direction: 'top' };
    const keys = predicateKeys(model, regions[0]);
    const pageFilter: Predicate = { kind: 'range', field: ref.amount, min: 25 };
    // alone, and beside a shared filter (which the cube bakes in while the ranking still follows the selection)
    for (const [i, others] of [[], [pageFilter]].entries()) {
      const plan = planCube({ visual: target, ...model, filters: withTopNContext([topN, ...others, regions[0]]) }, regions[0], keys);
      expect(plan).not.toBeNull();
      await engine.exec(`CREATE TABLE cube_topn_${i} AS ${plan!.buildSql}`);
      const seen = new Set<string>();
      for (const selection of regions) {
        const filters = withTopNContext([topN, ...others, selection]);
        const direct = await run(engine, target, { filters });
        const viaCube = await engine.query(plan!.sql(`cube_topn_${i}`, selection)!, { noCache: true });
        expect(viaCube.rows).toEqual(direct.rows);
        seen.add(JSON.stringify(direct.rows.map((r) => r.c0)));
      }
      // the top product differs between regions: the ranking really follows the selection
      expect(seen.size).toBeGreaterThan(2);
    }
    // a Top N that ranks over every row does not move with the selection: it is a filter of the cube
    await check(target, regions, [topN]);
  });

  it('a selection over other columns than the cube keys is not served by the cube', async () => {
    const target = visual('bar', { category: [ref.productId], values: [ref.amount] });
    const plan = planCube({ visual: target, ...model, filters: [regions[0]] }, regions[0], predicateKeys(model, regions[0]));
    expect(plan!.sql('any', byCategory('Tools'))).toBeNull();
    expect(plan!.sql('any', { kind: 'range', field: ref.amount, min: 1 })).toBeNull();
  });
});
