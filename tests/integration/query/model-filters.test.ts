import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCompileError, compilePredicate, compileVisualQuery, filtersToPredicates, type DatasetEntry } from '../../../shared/src/index';
import { withTopNContext } from '../../../shared/src/query/topn';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { DATASETS, MEASURES, RELATIONSHIPS, ref, run, startEngine, table, visual, type Predicate } from './fixtures';

const byRegion = visual('bar', { category: [ref.region], values: [ref.amount] });
/** Region totals left after the filter, as [region, amount] sorted by region. */
async function regions(engine: LocalEngine, filters: Predicate[]): Promise<unknown[][]> {
  const { rows } = await run(engine, { ...byRegion, sort: { field: ref.region, direction: 'asc' } }, { filters });
  return table(rows, ['c0', 'c1']);
}

describe('filters, relationships and measures (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('in / exclude (blanks kept unless excluded) / range / compare filters', async () => {
    expect(await regions(engine, [{ kind: 'in', field: ref.region, values: ['North', 'West'] }])).toEqual([['North', 190], ['West', 10]]);
    expect(await regions(engine, [{ kind: 'in', field: ref.region, values: ['North', 'West'], exclude: true }])).toEqual([['East', 260], ['South', 220]]);
    expect(await regions(engine, [{ kind: 'range', field: ref.amount, min: 50, max: 100 }])).toEqual([['East', 60], ['North', 100], ['South', 220]]);
    expect(await regions(engine, [{ kind: 'range', field: ref.orderDate, min: '2025-01-01' }])).toEqual([['North', 40], ['South', 90], ['West', 10]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.amount, op: 'gt', value: 90 }])).toEqual([['East', 200], ['North', 100]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.region, op: 'ne', value: 'North' }])).toEqual([['East', 260], ['South', 220], ['West', 10]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.region, op: 'contains', value: 'OR' }])).toEqual([['North', 190]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.region, op: 'startsWith', value: 's' }])).toEqual([['South', 220]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.region, op: 'endsWith', value: 'st' }])).toEqual([['East', 260], ['West', 10]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.amount, op: 'le', value: '20' }])).toEqual([['North', 20], ['West', 10]]);
  });

  it('blank filters and `in` with null on a related dimension (the orphan fact row has no category)', async () => {
    expect(await regions(engine, [{ kind: 'compare', field: ref.category, op: 'isBlank' }])).toEqual([['West', 10]]);
    expect(await regions(engine, [{ kind: 'compare', field: ref.category, op: 'isNotBlank' }])).toEqual([['East', 260], ['North', 190], ['South', 220]]);
    expect(await regions(engine, [{ kind: 'in', field: ref.category, values: ['Toys', null] }])).toEqual([['North', 60], ['South', 50], ['West', 10]]);
  });

  it('and / or / not, and relative dates relative to a given today', async () => {
    const either: Predicate = { kind: 'or', items: [{ kind: 'in', field: ref.region, values: ['West'] }, { kind: 'compare', field: ref.amount, op: 'ge', value: 200 }] };
    expect(await regions(engine, [either])).toEqual([['East', 200], ['West', 10]]);
    expect(await regions(engine, [{ kind: 'not', item: either }, { kind: 'compare', field: ref.qty, op: 'eq', value: 2 }])).toEqual([['South', 220]]);
    // today 2025-03-20: last 2 months incl. current = 2025-02-01 … 2025-03-31 → orders 9, 10.
    const rel = (unit: 'day' | 'week' | 'month' | 'quarter' | 'year', last: number, includeCurrent: boolean): Predicate => ({ kind: 'relativeDate', field: ref.orderDate, unit, last, includeCurrent, today: '2025-03-20' });
    expect(await regions(engine, [rel('month', 2, true)])).toEqual([['South', 90], ['West', 10]]);
    // last 1 complete quarter = 2024 Q4 → order 7.
    expect(await regions(engine, [rel('quarter', 1, false)])).toEqual([['East', 60]]);
    // last year incl. current = 2025.
    expect(await regions(engine, [rel('year', 1, true)])).toEqual([['North', 40], ['South', 90], ['West', 10]]);
    // last 30 days incl. today: 2025-02-19 … 2025-03-20 → orders 9, 10.
    expect(await regions(engine, [rel('day', 30, true)])).toEqual([['South', 90], ['West', 10]]);
    // last 3 complete weeks before the week of Thu 2025-03-20: Mon 2025-02-24 … Sun 2025-03-16 → orders 9, 10.
    expect(await regions(engine, [rel('week', 3, false)])).toEqual([['South', 90], ['West', 10]]);
    // without today: relative to the current date in SQL (the fixture is in the past, so nothing within the last day).
    expect(await regions(engine, [{ kind: 'relativeDate', field: ref.orderDate, unit: 'day', last: 1, includeCurrent: true }])).toEqual([]);
  });

  it('cross-filter: an `in` predicate published by another visual (a clicked drill key included)', async () => {
    const clicked: Predicate = { kind: 'in', field: ref.category, values: ['Tools'] };
    expect(await regions(engine, [clicked])).toEqual([['East', 260], ['North', 130], ['South', 170]]);
    const quarter: Predicate = { kind: 'in', field: ref.orderDate, values: ['2024 Q2', '2025'] };
    expect(await regions(engine, [quarter])).toEqual([['East', 200], ['North', 60], ['South', 90], ['West', 10]]);
  });

  it('workbook filters → predicates; a filter on a dataset this visual cannot reach is left out', async () => {
    const preds = filtersToPredicates([
      { id: 'f1', kind: 'values', field: ref.region, values: ['North', 'South'] },
      { id: 'f2', kind: 'range', field: ref.amount, min: 40 },
      { id: 'f3', kind: 'values', field: { measureId: 'm_total' }, values: [1] },
    ]);
    expect(preds).toEqual([
      { kind: 'in', field: ref.region, values: ['North', 'South'] },
      { kind: 'range', field: ref.amount, min: 40 },
    ]);
    const unrelated: Predicate = { kind: 'range', field: ref.temp, min: 10 };
    expect(await regions(engine, [...preds, unrelated])).toEqual([['North', 140], ['South', 220]]);
  });

  it('Top N in context across a relationship: categories ranked by a fact measure within a fact filter; an unreachable filter is left out', async () => {
    const topCategory: Predicate = { kind: 'topN', field: ref.category, n: 1, by: { measureId: 'm_total' }, direction: 'top' };
    const byCategory = visual('bar', { category: [ref.category], values: [ref.amount] });
    const categories = async (filters: Predicate[]) => table((await run(engine, byCategory, { filters: withTopNContext(filters) })).rows, ['c0', 'c1']);
    // overall Tools (560) leads Toys (110); in February 2024 the only order (2) is a Toys one, so Toys leads there
    // (ranked over all rows, Tools would win and the February visual would show nothing)
    expect(await categories([topCategory])).toEqual([['Tools', 560]]);
    const early: Predicate = { kind: 'range', field: ref.orderDate, min: '2024-02-01', max: '2024-02-28' };
    expect(await categories([topCategory, early])).toEqual([['Toys', 50]]);
    // a filter on a dataset neither the visual nor the ranking reaches is left out of both
    const unrelated: Predicate = { kind: 'range', field: ref.temp, min: 10 };
    expect(await categories([unrelated, topCategory, early])).toEqual([['Toys', 50]]);
  });

  it('join through a relationship: dimension fields group fact rows (LEFT JOIN keeps orphans)', async () => {
    const { rows, compiled } = await run(engine, visual('bar', { category: [ref.category], values: [ref.amount, ref.qty] }));
    expect(compiled.sql).toContain('LEFT JOIN "ds_products" ON ("ds_sales"."product_id" = "ds_products"."product_id")');
    expect(table(rows, ['c0', 'c1', 'c2'])).toEqual([['Tools', 560, 13], ['Toys', 110, 4], [null, 10, 1]]);
  });

  it('fields from unconnected datasets → a clear error naming both', () => {
    const v = visual('bar', { category: [ref.region], values: [ref.temp] });
    const run2 = () => compileVisualQuery({ visual: v, datasets: DATASETS, relationships: RELATIONSHIPS, measures: MEASURES, filters: [] });
    expect(run2).toThrow(QueryCompileError);
    expect(run2).toThrow(/"Weather" and "Sales" are not connected by a relationship/);
  });

  it('measures: SUM, DIVIDE, measure references, COUNTROWS', async () => {
    const { rows, compiled } = await run(
      engine,
      visual('column', { category: [ref.category], values: [{ measureId: 'm_total' }, { measureId: 'm_avg_price' }, { measureId: 'm_share' }] }),
    );
    expect(compiled.fields.slice(1).map((f) => [f.label, f.kind, f.sqlType])).toEqual([['Total', 'measure', 'DOUBLE'], ['Avg price', 'measure', 'DOUBLE'], ['Per order x2', 'measure', 'DOUBLE']]);
    expect(table(rows, ['c0', 'c1', 'c2', 'c3'])).toEqual([['Tools', 560, 560 / 13, (560 / 6) * 2], ['Toys', 110, 110 / 4, (110 / 3) * 2], [null, 10, 10, 20]]);
    const card = await run(engine, visual('card', { values: [{ measureId: 'm_avg_price' }] }), { filters: [{ kind: 'in', field: ref.region, values: ['Nowhere'] }] });
    expect(card.rows).toEqual([{ c0: null }]);
  });

  it('names and values cannot inject SQL: odd column names and quotes in values round-trip', async () => {
    await engine.exec(`CREATE TABLE "ds_odd" AS SELECT * FROM (VALUES ('it''s', 1), ('a"b', 2), ('x; DROP TABLE ds_sales; --', 3)) t("we""ird col", "n")`);
    const odd: DatasetEntry = { ...DATASETS[0], id: 'odd', name: 'Odd', columns: [{ name: 'we"ird col', type: 'VARCHAR' }, { name: 'n', type: 'INTEGER' }], rowCount: 3 };
    const field = { datasetId: 'odd', column: 'we"ird col' };
    const filters: Predicate[] = [{ kind: 'in', field, values: ["it's", 'x; DROP TABLE ds_sales; --'] }];
    const compiled = compileVisualQuery({ visual: visual('table', { columns: [field, { datasetId: 'odd', column: 'n' }] }), datasets: [odd], relationships: [], measures: [], filters });
    const result = await engine.query(compiled.sql, { noCache: true });
    expect(table(result.rows, ['c0', 'c1'])).toEqual([["it's", 1], ['x; DROP TABLE ds_sales; --', 3]]);
    expect(compilePredicate({ kind: 'compare', field, op: 'contains', value: "50%_'" }, [odd])).toBe(`("ds_odd"."we""ird col" ILIKE '%50\\%\\_''%' ESCAPE '\\')`);
    const stillThere = await engine.query('SELECT count(*) AS n FROM "ds_sales"', { noCache: true });
    expect(stillThere.rows).toEqual([{ n: 10 }]);
  });
});
