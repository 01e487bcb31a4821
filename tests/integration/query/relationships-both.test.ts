/**
 * Cross-filter direction "Both" and relationships keyed on calculated columns, through real DuckDB-wasm. A small
 * snowflake: Orders (fact) → Stores → Regions, Orders → Items. Every expected answer is computed here from the rows
 * below, independently of the compiler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QueryCompileError,
  compileVisualQuery,
  planCube,
  predicateKeys,
  withTopNContext,
  type CalculatedColumn,
  type ColumnFieldRef,
  type CrossFilter,
  type FieldRef,
  type Predicate,
  type Relationship,
  type Visual,
} from '../../../shared/src/index';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { checkCube, entry, run, startEngine, table, visual, type Model } from './fixtures';

const REGIONS = [
  [1, 'North'],
  [2, 'South'],
  [3, 'Empty'],
] as const;
/** [store_id, name, region_id, area]: Epsilon has no orders, Zeta no region. */
const STORES = [
  [1, 'Alpha', 1, 100],
  [2, 'Beta', 1, 250],
  [3, 'Gamma', 2, 80],
  [4, 'Delta', 2, 300],
  [5, 'Epsilon', 3, 50],
  [6, 'Zeta', null, 120],
] as const;
const ITEMS = [
  ['k1', 'red'],
  ['k2', 'blue'],
  ['k3', 'red'],
] as const;
/** [order_id, store_id, item, category, amount] (and store_code 'S<store_id>'): order 8 has no store, order 9 a store that does not exist. */
const ORDERS = [
  [1, 1, 'k1', 'A', 10],
  [2, 1, 'k2', 'B', 70],
  [3, 2, 'k2', 'B', 20],
  [4, 3, 'k1', 'A', 60],
  [5, 3, 'k3', 'C', 5],
  [6, 4, 'k2', 'C', 90],
  [7, 6, 'k3', 'A', 40],
  [8, null, 'k1', 'A', 15],
  [9, 9, 'k2', 'B', 30],
] as const;

type Order = { id: number; store: number | null; item: string; category: string; amount: number };
const orders: Order[] = ORDERS.map(([id, store, item, category, amount]) => ({ id, store, item, category, amount }));
const stores = STORES.map(([id, name, region, area]) => ({ id, name, region, area }));
const colorOf = (item: string): string | undefined => ITEMS.find(([k]) => k === item)?.[1];
const regionName = (id: number | null): string | null => REGIONS.find(([r]) => r === id)?.[1] ?? null;
/** The stores (in the Stores table) that have at least one order passing `keep`: what a Both relationship lets through. */
const storesWith = (keep: (o: Order) => boolean) => stores.filter((s) => orders.some((o) => o.store === s.id && keep(o)));
const sortedNames = (rows: { name: string }[]): string[] => rows.map((r) => r.name).sort();

const DATASETS = [
  entry('b_orders', 'Orders', [['order_id', 'INTEGER'], ['store_id', 'INTEGER'], ['store_code', 'VARCHAR'], ['item', 'VARCHAR'], ['category', 'VARCHAR'], ['amount', 'DOUBLE']], ORDERS.length),
  entry('b_stores', 'Stores', [['store_id', 'INTEGER'], ['name', 'VARCHAR'], ['region_id', 'INTEGER'], ['area', 'INTEGER']], STORES.length),
  entry('b_regions', 'Regions', [['region_id', 'INTEGER'], ['name', 'VARCHAR']], REGIONS.length),
  entry('b_items', 'Items', [['item', 'VARCHAR'], ['color', 'VARCHAR']], ITEMS.length),
];

const f = (datasetId: string, column: string): ColumnFieldRef => ({ datasetId: `b_${datasetId}`, column });
const ref = {
  category: f('orders', 'category'),
  amount: f('orders', 'amount'),
  storeId: f('stores', 'store_id'),
  storeName: f('stores', 'name'),
  area: f('stores', 'area'),
  regionId: f('regions', 'region_id'),
  regionName: f('regions', 'name'),
  color: f('items', 'color'),
};
const count = (r: ColumnFieldRef): FieldRef => ({ ...r, aggregate: 'count' });
const sum = (r: ColumnFieldRef): FieldRef => ({ ...r, aggregate: 'sum' });

const rel = (id: string, from: ColumnFieldRef, to: ColumnFieldRef, crossFilter: CrossFilter = 'single'): Relationship => ({ id, from, to, cardinality: 'many-to-one', crossFilter, active: true });
/** The model with the two relationships of the chain given a direction each (Orders → Items is always Single). */
function model(orderStores: CrossFilter, storeRegions: CrossFilter = 'single', extra: Partial<Model> = {}): Model {
  return {
    datasets: DATASETS,
    relationships: [
      rel('r_os', f('orders', 'store_id'), ref.storeId, orderStores),
      rel('r_sr', f('stores', 'region_id'), ref.regionId, storeRegions),
      rel('r_oi', f('orders', 'item'), f('items', 'item')),
    ],
    measures: [],
    ...extra,
  };
}

const inCategory = (...values: string[]): Predicate => ({ kind: 'in', field: ref.category, values });

describe('relationships: cross-filter direction Both, calculated-column keys (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
    const values = (rows: readonly (readonly (string | number | null)[])[]): string =>
      rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v))).join(', ')})`).join(', ');
    await engine.exec(`CREATE TABLE "ds_b_regions" AS SELECT CAST(a AS INTEGER) AS region_id, b AS name FROM (VALUES ${values(REGIONS)}) t(a, b)`);
    await engine.exec(`CREATE TABLE "ds_b_stores" AS SELECT CAST(a AS INTEGER) AS store_id, b AS name, CAST(c AS INTEGER) AS region_id, CAST(d AS INTEGER) AS area FROM (VALUES ${values(STORES)}) t(a, b, c, d)`);
    await engine.exec(`CREATE TABLE "ds_b_items" AS SELECT * FROM (VALUES ${values(ITEMS)}) t(item, color)`);
    await engine.exec(
      `CREATE TABLE "ds_b_orders" AS SELECT CAST(a AS INTEGER) AS order_id, CAST(b AS INTEGER) AS store_id, 'S' || b AS store_code, c AS item, d AS category, CAST(e AS DOUBLE) AS amount FROM (VALUES ${values(ORDERS)}) t(a, b, c, d, e)`,
    );
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  /** Count of stores by region name, as [region, count] sorted by region (blank last). */
  const storesByRegion = visual('bar', { category: [ref.regionName], values: [count(ref.storeId)] });
  const byRegion = (list: { region: number | null }[]): unknown[][] => {
    const counts = new Map<string | null, number>();
    for (const s of list) counts.set(regionName(s.region), (counts.get(regionName(s.region)) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  };
  const sortRows = (rows: unknown[][]): unknown[][] => [...rows].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : String(a).localeCompare(String(b))));
  const runRows = async (v: Visual, m: Model, filters: Predicate[], keys = ['c0', 'c1']): Promise<unknown[][]> => sortRows(table((await run(engine, v, { ...m, filters })).rows, keys));

  it('a slicer on the many side: ignored by a dimension visual with Single, filters it with Both', async () => {
    const slicer = inCategory('A');
    expect(await runRows(storesByRegion, model('single'), [slicer])).toEqual(byRegion(stores));
    const both = await run(engine, storesByRegion, { ...model('both'), filters: [slicer] });
    expect(sortRows(table(both.rows, ['c0', 'c1']))).toEqual(byRegion(storesWith((o) => o.category === 'A')));
    // the semi-join of the brief: the stores' key among the keys of the orders that pass the slicer
    expect(both.compiled.sql).toContain('"ds_b_stores"."store_id" IN (SELECT "ds_b_orders"."store_id" FROM "ds_b_orders" WHERE (("ds_b_orders"."store_id" IS NOT NULL) AND');
    // the two answers really differ (Beta, Delta, Epsilon are gone)
    expect(byRegion(storesWith((o) => o.category === 'A'))).not.toEqual(byRegion(stores));
  });

  it('several filters on the many side filter it together before it filters the one side', async () => {
    // an order that is both A and ≥ 50 exists only at Gamma; A orders and ≥ 50 orders separately would also let Alpha in
    const filters: Predicate[] = [inCategory('A'), { kind: 'range', field: ref.amount, min: 50 }];
    const names = visual('table', { columns: [ref.storeName] });
    const rows = (await run(engine, names, { ...model('both'), filters })).rows.map((r) => ({ name: r.c0 as string }));
    expect(sortedNames(rows)).toEqual(sortedNames(storesWith((o) => o.category === 'A' && o.amount >= 50)));
    expect(sortedNames(rows)).toEqual(['Gamma']);
  });

  it('a cross-filter from a fact chart (ChartView’s `in` predicate) onto a dimension-only table and card', async () => {
    const clicked: Predicate = { kind: 'in', field: ref.category, values: ['B', 'C'] };
    const expected = storesWith((o) => o.category === 'B' || o.category === 'C');
    const names = await run(engine, visual('table', { columns: [ref.storeName, ref.area] }), { ...model('both'), filters: [clicked] });
    expect(sortRows(table(names.rows, ['c0', 'c1']))).toEqual(sortRows(expected.map((s) => [s.name, s.area])));
    const card = await run(engine, visual('card', { values: [count(ref.storeId), sum(ref.area)] }), { ...model('both'), filters: [clicked] });
    expect(table(card.rows, ['c0', 'c1'])).toEqual([[expected.length, expected.reduce((t, s) => t + s.area, 0)]]);
    // Single: the card counts every store
    const single = await run(engine, visual('card', { values: [count(ref.storeId)] }), { ...model('single'), filters: [clicked] });
    expect(single.rows).toEqual([{ c0: stores.length }]);
  });

  it('a filter on the one side keeps filtering the many side as before (no semi-join)', async () => {
    const byCategory = visual('bar', { category: [ref.category], values: [sum(ref.amount)] });
    const filters: Predicate[] = [{ kind: 'in', field: ref.storeName, values: ['Alpha', 'Gamma'] }];
    for (const direction of ['single', 'both'] as const) {
      const result = await run(engine, byCategory, { ...model(direction), filters });
      expect(result.compiled.sql).not.toContain('IN (SELECT');
      const totals = new Map<string, number>();
      for (const o of orders.filter((o) => o.store === 1 || o.store === 3)) totals.set(o.category, (totals.get(o.category) ?? 0) + o.amount);
      expect(sortRows(table(result.rows, ['c0', 'c1']))).toEqual(sortRows([...totals]));
    }
  });

  it('a chain of two Both relationships: Orders and their Items filter Regions', async () => {
    const regionNames = visual('table', { columns: [ref.regionName] });
    const names = async (m: Model, filters: Predicate[]) => (await run(engine, regionNames, { ...m, filters })).rows.map((r) => r.c0 as string).sort();
    const regionsOf = (list: { region: number | null }[]) => [...new Set(list.map((s) => regionName(s.region)).filter((n): n is string => n !== null))].sort();
    const blue: Predicate = { kind: 'in', field: ref.color, values: ['blue'] };
    // Items → Orders (one to many, always) → Stores (Both) → Regions (Both)
    expect(await names(model('both', 'both'), [blue])).toEqual(regionsOf(storesWith((o) => colorOf(o.item) === 'blue')));
    expect(await names(model('both', 'both'), [inCategory('C')])).toEqual(regionsOf(storesWith((o) => o.category === 'C')));
    expect(await names(model('both', 'both'), [inCategory('C')])).toEqual(['South']);
    // one Single link breaks the chain: every region
    const all = REGIONS.map(([, n]) => n).sort();
    expect(await names(model('both', 'single'), [blue])).toEqual(all);
    expect(await names(model('single', 'both'), [blue])).toEqual(all);
    // a filter on Stores reaches Regions through the Both link alone
    const big: Predicate = { kind: 'range', field: ref.area, min: 200 };
    expect(await names(model('single', 'both'), [big])).toEqual(regionsOf(stores.filter((s) => s.area >= 200)));
  });

  it('a Top N ranks within the filters that reach it through Both (and the visual applies them too)', async () => {
    const v = visual('bar', { category: [ref.storeName], values: [sum(ref.area)] });
    const topN: Predicate = { kind: 'topN', field: ref.storeName, n: 2, by: sum(ref.area), direction: 'top' };
    const top2 = (list: typeof stores) => sortRows([...list].sort((a, b) => b.area - a.area).slice(0, 2).map((s) => [s.name, s.area]));
    const filters = withTopNContext([topN, inCategory('A')]);
    expect(await runRows(v, model('both'), filters)).toEqual(top2(storesWith((o) => o.category === 'A')));
    expect(await runRows(v, model('single'), filters)).toEqual(top2(stores));
  });

  it('cross-filter cubes: a selection reaching the visual through Both is answered from the cube with the same rows', async () => {
    const selections = [inCategory('A'), inCategory('B', 'C'), inCategory('Nowhere'), { kind: 'in', field: ref.category, values: ['C', null] } as Predicate];
    await checkCube(engine, storesByRegion, selections, { model: model('both') });
    await checkCube(engine, visual('card', { values: [count(ref.storeId), sum(ref.area)] }), selections, { model: model('both') });
    // beside another filter on the many side (baked into the cube) and through the chain of two Both links
    await checkCube(engine, storesByRegion, selections, { model: model('both'), extra: [{ kind: 'range', field: ref.amount, min: 20 }] });
    await checkCube(engine, visual('table', { columns: [ref.regionName, count(ref.regionId)] }), selections, { model: model('both', 'both') });
  });

  it('cross-filter cubes: a Top N ranked within a Both selection ranks over the cube; one ranked over the fact is refused', async () => {
    const target = visual('bar', { category: [ref.storeName], values: [sum(ref.area)] });
    const m = model('both');
    const selections = [inCategory('A'), inCategory('B'), inCategory('C')];
    const cubeOf = (topN: Predicate) => planCube({ visual: target, ...m, filters: withTopNContext([topN, selections[0]]) }, selections[0], predicateKeys(m, selections[0]));
    // ranked by the stores' own area: the ranking and the visual both reach the selection through the same semi-join
    const byArea: Predicate = { kind: 'topN', field: ref.storeName, n: 2, by: sum(ref.area), direction: 'top' };
    const plan = cubeOf(byArea);
    expect(plan).not.toBeNull();
    await engine.exec(`CREATE TABLE cube_both_topn AS ${plan!.buildSql}`);
    const seen = new Set<string>();
    for (const selection of selections) {
      const direct = await run(engine, target, { ...m, filters: withTopNContext([byArea, selection]) });
      const viaCube = await engine.query(plan!.sql('cube_both_topn', selection)!, { noCache: true });
      expect(viaCube.rows).toEqual(direct.rows);
      seen.add(JSON.stringify(direct.rows));
    }
    expect(seen.size).toBe(selections.length);
    // ranked by the orders' amount: the ranking reads the selection directly, the visual through Both — no cube, and
    // the visual's own SQL gives the top 2 stores by their A amount
    const byAmount: Predicate = { kind: 'topN', field: ref.storeName, n: 2, by: sum(ref.amount), direction: 'top' };
    expect(cubeOf(byAmount)).toBeNull();
    const direct = await runRows(target, m, withTopNContext([byAmount, inCategory('A')]));
    const amountA = (s: { id: number }) => orders.filter((o) => o.store === s.id && o.category === 'A').reduce((t, o) => t + o.amount, 0);
    const top = storesWith((o) => o.category === 'A').sort((a, b) => amountA(b) - amountA(a)).slice(0, 2);
    expect(direct).toEqual(sortRows(top.map((s) => [s.name, s.area])));
  });

  describe('relationships keyed on calculated columns', () => {
    const CALCS: CalculatedColumn[] = [
      { id: 'c_ocode', datasetId: 'b_orders', name: 'Store code', expression: '"S" & [store_id]' },
      { id: 'c_scode', datasetId: 'b_stores', name: 'Code', expression: '"S" & [store_id]' },
      { id: 'c_oregion', datasetId: 'b_orders', name: 'Region key', expression: 'RELATED(Stores[region_id])' },
    ];
    const codeRel = (crossFilter: CrossFilter, from = 'Store code', to = 'Code'): Relationship => rel('r_code', f('orders', from), f('stores', to), crossFilter);
    const calcModel = (relationships: Relationship[]): Model => ({ datasets: DATASETS, relationships, measures: [], calculatedColumns: CALCS });
    const amountByStore = visual('bar', { category: [ref.storeName], values: [sum(ref.amount)] });
    // "S" & BLANK is "S" (DAX and DuckDB's concat alike): order 8 matches no store, nor does order 9 ("S9")
    const code = (store: number | null) => `S${store ?? ''}`;

    it('a calculated key on both sides joins the rows (orphans kept under a blank store)', async () => {
      const result = await run(engine, amountByStore, { ...calcModel([codeRel('single')]), filters: [] });
      expect(result.compiled.sql).toContain('LEFT JOIN "ds_b_stores" ON (concat(');
      const totals = new Map<string | null, number>();
      for (const o of orders) {
        const name = stores.find((s) => code(s.id) === code(o.store))?.name ?? null;
        totals.set(name, (totals.get(name) ?? 0) + o.amount);
      }
      expect(sortRows(table(result.rows, ['c0', 'c1']))).toEqual(sortRows([...totals]));
    });

    it('a stored key on the many side, a calculated one on the one side; a filter on the one side through it', async () => {
      const m = calcModel([rel('r_mixed', f('orders', 'store_code'), f('stores', 'Code'))]);
      const result = await run(engine, amountByStore, { ...m, filters: [] });
      expect(result.compiled.sql).toContain('ON ("ds_b_orders"."store_code" = concat(');
      const totals = new Map<string | null, number>();
      for (const o of orders) {
        const name = stores.find((s) => s.id === o.store)?.name ?? null;
        totals.set(name, (totals.get(name) ?? 0) + o.amount);
      }
      expect(sortRows(table(result.rows, ['c0', 'c1']))).toEqual(sortRows([...totals]));
      const gamma = await run(engine, visual('card', { values: [sum(ref.amount)] }), { ...m, filters: [{ kind: 'in', field: ref.storeName, values: ['Gamma'] }] });
      expect(gamma.rows).toEqual([{ c0: orders.filter((o) => o.store === 3).reduce((t, o) => t + o.amount, 0) }]);
    });

    it('Both along a calculated key: the semi-join selects the calculated keys', async () => {
      const v = visual('table', { columns: [ref.storeName] });
      const result = await run(engine, v, { ...calcModel([codeRel('both')]), filters: [inCategory('A')] });
      expect(result.rows.map((r) => r.c0).sort()).toEqual(sortedNames(stores.filter((s) => orders.some((o) => o.category === 'A' && code(o.store) === code(s.id)))));
      expect(result.compiled.sql).toContain('IN (SELECT concat(');
    });

    it('a calculated key that reads another table through RELATED, or a key that is gone: a clear error naming the relationship', () => {
      const compile = (relationships: Relationship[]) => () =>
        compileVisualQuery({ visual: visual('bar', { category: [ref.regionName], values: [sum(ref.amount)] }), ...calcModel(relationships), filters: [] });
      const viaRelated = compile([rel('r_os', f('orders', 'store_id'), ref.storeId), rel('r_or', f('orders', 'Region key'), ref.regionId)]);
      expect(viaRelated).toThrow(QueryCompileError);
      expect(viaRelated).toThrow(/The relationship Orders\.Region key → Regions\.region_id joins on the calculated column "Region key", which reads "Stores" through RELATED/);
      const gone = compile([rel('r_gone', f('orders', 'region_nope'), ref.regionId)]);
      expect(gone).toThrow(/The relationship Orders\.region_nope → Regions\.region_id joins on "region_nope", which "Orders" no longer has/);
    });
  });
});
