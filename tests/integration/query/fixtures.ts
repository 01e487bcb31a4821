/**
 * A small star schema with hand-checked answers, loaded into a real DuckDB-wasm (Node worker) through
 * LocalEngine, plus helpers to compile a visual and run its SQL.
 */
import { expect } from 'vitest';
import {
  compileVisualQuery,
  planCube,
  predicateKeys,
  type CompiledQuery,
  type DatasetEntry,
  type FieldRef,
  type Measure,
  type ModelInput,
  type Predicate,
  type Relationship,
  type Visual,
  type VisualQueryInput,
} from '../../../shared/src/index';
import { LocalEngine } from '../../../web/src/engine/local-engine';
import { nodeDuckDBFactory } from '../../../web/src/engine/testing/duckdb-node';
import { testDataset } from '../../../shared/src/testing';

/** Sales (fact): 10 orders. products (dimension): p4 is missing on purpose (an orphan fact row). */
export const SALES_ROWS = [
  [1, '2024-01-15', 'p1', 'North', 100, 1],
  [2, '2024-02-10', 'p2', 'South', 50, 2],
  [3, '2024-03-05', 'p1', 'North', 30, 1],
  [4, '2024-04-20', 'p3', 'East', 200, 4],
  [5, '2024-05-01', 'p2', 'North', 20, 1],
  [6, '2024-07-14', 'p3', 'South', 80, 2],
  [7, '2024-11-30', 'p1', 'East', 60, 3],
  [8, '2025-01-02', 'p2', 'North', 40, 1],
  [9, '2025-02-28', 'p4', 'West', 10, 1],
  [10, '2025-03-15', 'p1', 'South', 90, 2],
] as const;

/** A dataset entry of a fixture table `ds_<id>` (a test's own tables use it too). */
export const entry = (id: string, name: string, columns: [string, string][], rowCount: number): DatasetEntry => testDataset(id, name, columns, rowCount);

export const DATASETS: DatasetEntry[] = [
  entry('sales', 'Sales', [['order_id', 'INTEGER'], ['order_date', 'DATE'], ['product_id', 'VARCHAR'], ['region', 'VARCHAR'], ['amount', 'DOUBLE'], ['qty', 'INTEGER']], 10),
  entry('products', 'Products', [['product_id', 'VARCHAR'], ['name', 'VARCHAR'], ['category', 'VARCHAR']], 4),
  entry('weather', 'Weather', [['day', 'DATE'], ['temp', 'DOUBLE']], 2),
  // 20,000 points: x = 0…19999, y = x % 100, ts = a timestamp per minute, g = 'a'/'b'.
  entry('points', 'Points', [['x', 'BIGINT'], ['y', 'BIGINT'], ['ts', 'TIMESTAMP'], ['g', 'VARCHAR']], 20_000),
];

export const RELATIONSHIPS: Relationship[] = [
  { id: 'r1', from: { datasetId: 'sales', column: 'product_id' }, to: { datasetId: 'products', column: 'product_id' }, cardinality: 'many-to-one', crossFilter: 'single', active: true },
];

export const MEASURES: Measure[] = [
  { id: 'm_total', name: 'Total', datasetId: 'sales', expression: 'SUM(Sales[amount])', format: '' },
  { id: 'm_avg_price', name: 'Avg price', datasetId: 'sales', expression: 'DIVIDE(SUM(Sales[amount]), SUM(Sales[qty]))', format: '' },
  { id: 'm_share', name: 'Per order x2', datasetId: 'sales', expression: '[Total] / COUNTROWS(Sales) * 2', format: '' },
];

export const ref = {
  amount: { datasetId: 'sales', column: 'amount' },
  qty: { datasetId: 'sales', column: 'qty' },
  region: { datasetId: 'sales', column: 'region' },
  orderDate: { datasetId: 'sales', column: 'order_date' },
  orderId: { datasetId: 'sales', column: 'order_id' },
  productId: { datasetId: 'sales', column: 'product_id' },
  category: { datasetId: 'products', column: 'category' },
  productName: { datasetId: 'products', column: 'name' },
  temp: { datasetId: 'weather', column: 'temp' },
  x: { datasetId: 'points', column: 'x' },
  y: { datasetId: 'points', column: 'y' },
  ts: { datasetId: 'points', column: 'ts' },
  g: { datasetId: 'points', column: 'g' },
} as const;

export function visual(type: Visual['type'], fields: Record<string, FieldRef[]>, extra: Partial<Visual> = {}): Visual {
  return { id: 'v1', pageId: 'p1', type, x: 0, y: 0, w: 400, h: 300, z: 0, title: '', fields, filters: [], format: {}, sort: null, topN: null, ...extra };
}

export async function startEngine(): Promise<LocalEngine> {
  const engine = new LocalEngine(nodeDuckDBFactory);
  await engine.ready();
  const sales = SALES_ROWS.map(([id, d, p, r, a, q]) => `(${id}, DATE '${d}', '${p}', '${r}', ${a}, ${q})`).join(', ');
  await engine.exec(
    `CREATE TABLE "ds_sales" AS SELECT CAST(c0 AS INTEGER) AS order_id, c1 AS order_date, c2 AS product_id, c3 AS region, CAST(c4 AS DOUBLE) AS amount, CAST(c5 AS INTEGER) AS qty FROM (VALUES ${sales}) t(c0, c1, c2, c3, c4, c5)`,
  );
  await engine.exec(`CREATE TABLE "ds_products" AS SELECT * FROM (VALUES ('p1', 'Widget', 'Tools'), ('p2', 'Gadget', 'Toys'), ('p3', 'Gizmo', 'Tools'), ('p5', 'Unused', 'Garden')) t(product_id, name, category)`);
  await engine.exec(`CREATE TABLE "ds_weather" AS SELECT * FROM (VALUES (DATE '2024-01-15', 3.5), (DATE '2024-07-14', 25.0)) t(day, temp)`);
  await engine.exec(
    `CREATE TABLE "ds_points" AS SELECT range AS x, range % 100 AS y, TIMESTAMP '2024-01-01 00:00:00' + range * INTERVAL 1 MINUTE AS ts, CASE WHEN range % 2 = 0 THEN 'a' ELSE 'b' END AS g FROM range(20000)`,
  );
  return engine;
}

export interface Run {
  compiled: CompiledQuery;
  rows: Record<string, unknown>[];
  columns: { name: string; type: string }[];
}

/** The model a query compiles against. */
export type Model = ModelInput;
export const MODEL: Model = { datasets: DATASETS, relationships: RELATIONSHIPS, measures: MEASURES };

/** Compiles the visual against the fixture model and runs the SQL through DuckDB. */
export async function run(engine: LocalEngine, v: Visual, options: Partial<Omit<VisualQueryInput, 'visual'>> = {}): Promise<Run> {
  const compiled = compileVisualQuery({ visual: v, datasets: DATASETS, relationships: RELATIONSHIPS, measures: MEASURES, filters: [], ...options });
  const result = await engine.query(compiled.sql, { noCache: true });
  return { compiled, rows: result.rows, columns: result.columns };
}

/** Rows as arrays of the given keys (compact expectations). */
export const table = (rows: Record<string, unknown>[], keys: string[]): unknown[][] => rows.map((r) => keys.map((k) => r[k]));

export type { Predicate };

function approxRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v])));
}

let cubes = 0;

/**
 * Builds the cross-filter cube of `target` for the key of `selections[0]`, then checks every selection: the visual's
 * query rewritten over the cube returns exactly the rows (same order, same types, the same numbers) as its own SQL.
 */
export async function checkCube(
  engine: LocalEngine,
  target: Visual,
  selections: Predicate[],
  options: { model?: Model; extra?: Predicate[]; drill?: { level: number } } = {},
): Promise<void> {
  const { model = MODEL, extra = [], drill } = options;
  const keys = predicateKeys(model, selections[0]);
  expect(keys.length).toBeGreaterThan(0);
  const input = { visual: target, ...model, filters: [...extra, selections[0]], ...(drill ? { drill } : {}) };
  const plan = planCube(input, selections[0], keys);
  expect(plan, `${target.type} should be cubable`).not.toBeNull();
  const table = `cube_${cubes++}`;
  await engine.exec(`CREATE TABLE ${table} AS ${plan!.buildSql}`);
  for (const selection of selections) {
    const direct = await run(engine, target, { ...model, filters: [...extra, selection], ...(drill ? { drill } : {}) });
    const sql = plan!.sql(table, selection);
    expect(sql, JSON.stringify(selection)).not.toBeNull();
    const viaCube = await engine.query(sql!, { noCache: true });
    expect(viaCube.columns.map((c) => c.type), `${target.type} column types`).toEqual(direct.columns.map((c) => c.type));
    expect(approxRows(viaCube.rows), `${target.type} ${JSON.stringify(selection)}`).toEqual(approxRows(direct.rows));
  }
}
