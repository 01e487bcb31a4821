/**
 * Calculated columns through real DuckDB-wasm: a calculated column in every place a column goes (category, summed
 * value, filter, RELATED across a relationship, a column over a column, a date drilled by month, cross-filter cubes
 * keyed or grouped by one), the DAX semantics of every function checked row by row against values computed here from
 * the fixture rows, and the engine's type of each column (what the Model view stores on save).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QueryCompileError,
  calculatedColumnQuery,
  compileVisualQuery,
  contextOf,
  duckdb,
  type CalculatedColumn,
  type ColumnFieldRef,
  type FieldRef,
  type Predicate,
} from '../../../shared/src/index';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { MODEL, SALES_ROWS, checkCube, ref, run, startEngine, table, visual, type Model } from './fixtures';

const calc = (id: string, name: string, expression: string, datasetId = 'sales'): CalculatedColumn => ({ id, datasetId, name, expression });
const CALCS: CalculatedColumn[] = [
  calc('c_rev', 'Revenue', '[amount] * [qty]'),
  calc('c_size', 'Size', 'IF([amount] >= 80, "Large", IF([amount] >= 40, "Medium", "Small"))'),
  calc('c_label', 'Category region', 'RELATED(Products[category]) & " / " & [region]'),
  calc('c_rev2', 'Revenue x2', '[Revenue] * 2'),
  calc('c_ship', 'Ship date', '[order_date] + 10'),
  calc('c_loop_a', 'Loop A', '[Loop B] + 1'),
  calc('c_loop_b', 'Loop B', '[Loop A] + 1'),
  calc('c_upper', 'Name upper', 'UPPER([name])', 'products'),
];
const M: Model = { ...MODEL, calculatedColumns: CALCS };
const field = (column: string, datasetId = 'sales'): ColumnFieldRef => ({ datasetId, column });
const size = field('Size');
const revenue = field('Revenue');
const sum = (r: ColumnFieldRef): FieldRef => ({ ...r, aggregate: 'sum' });

// the fixture rows as objects, and the answers computed from them
const ROWS = SALES_ROWS.map(([id, date, product, region, amount, qty]) => ({ id, date, product, region, amount, qty }));
const CATEGORY: Record<string, string | null> = { p1: 'Tools', p2: 'Toys', p3: 'Tools', p4: null };
const sizeOf = (amount: number): string => (amount >= 80 ? 'Large' : amount >= 40 ? 'Medium' : 'Small');
function totals<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + value(r));
  return out;
}
const asMap = (rows: Record<string, unknown>[]): Map<unknown, unknown> => new Map(rows.map((r) => [r.c0, r.c1]));
const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('calculated columns (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('a text bucket as a bar category, with the sum of a column', async () => {
    const { rows, compiled } = await run(engine, visual('bar', { category: [size], values: [ref.amount] }), M);
    expect(asMap(rows)).toEqual(totals(ROWS, (r) => sizeOf(r.amount), (r) => r.amount));
    expect(compiled.fields[0]).toMatchObject({ label: 'Size', sqlType: 'VARCHAR', vlType: 'nominal' });
  });

  it('a calculated number summed by default, and a column over it', async () => {
    const { rows, compiled } = await run(engine, visual('column', { category: [ref.region], values: [revenue, field('Revenue x2')] }), M);
    const expected = totals(ROWS, (r) => r.region, (r) => r.amount * r.qty);
    expect(new Map(rows.map((r) => [r.c0, [r.c1, r.c2]]))).toEqual(new Map([...expected].map(([k, v]) => [k, [v, 2 * v]])));
    expect(compiled.fields.map((f) => f.label)).toEqual(['region', 'Sum of Revenue', 'Sum of Revenue x2']);
  });

  it('filters on a calculated column: values, a range, a Top N ranked by it', async () => {
    const large: Predicate = { kind: 'in', field: size, values: ['Large'] };
    const card = await run(engine, visual('card', { values: [ref.amount] }), { ...M, filters: [large] });
    expect(card.rows[0].c0).toBe(ROWS.filter((r) => r.amount >= 80).reduce((a, r) => a + r.amount, 0));
    const range: Predicate = { kind: 'range', field: revenue, min: 100, max: 200 };
    const count = await run(engine, visual('card', { values: [{ ...ref.orderId, aggregate: 'count' }] }), { ...M, filters: [range] });
    expect(count.rows[0].c0).toBe(ROWS.filter((r) => r.amount * r.qty >= 100 && r.amount * r.qty <= 200).length);
    // the region with the most revenue
    const top: Predicate = { kind: 'topN', field: ref.region, n: 1, by: sum(revenue), direction: 'top' };
    const byRegion = totals(ROWS, (r) => r.region, (r) => r.amount * r.qty);
    const best = [...byRegion].sort((a, b) => b[1] - a[1])[0];
    const bar = await run(engine, visual('bar', { category: [ref.region], values: [revenue] }), { ...M, filters: [top] });
    expect(table(bar.rows, ['c0', 'c1'])).toEqual([best]);
  });

  it('RELATED reads the dimension through the relationship (an orphan row gives BLANK, joined as "" by &)', async () => {
    const { rows, compiled } = await run(engine, visual('bar', { category: [field('Category region')], values: [{ ...ref.orderId, aggregate: 'count' }] }), M);
    expect(compiled.sql).toContain('LEFT JOIN "ds_products"');
    expect(asMap(rows)).toEqual(totals(ROWS, (r) => `${CATEGORY[r.product] ?? ''} / ${r.region}`, () => 1));
    // a calculated column of the dimension table, sorted by itself
    const names = await run(engine, visual('table', { columns: [field('Name upper', 'products')] }, { sort: { field: field('Name upper', 'products'), direction: 'asc' } }), M);
    expect(names.rows.map((r) => r.c0)).toEqual(['GADGET', 'GIZMO', 'UNUSED', 'WIDGET']);
  });

  it('measures aggregate calculated columns (and the tables they read are joined)', async () => {
    const measures = [
      ...MODEL.measures,
      { id: 'm_rev', name: 'Rev', datasetId: 'sales', expression: 'SUM(Sales[revenue]) / COUNTROWS(Sales)', format: '' },
      { id: 'm_labels', name: 'Labels', datasetId: 'sales', expression: 'DISTINCTCOUNT([Category region])', format: '' },
    ];
    const { rows } = await run(engine, visual('card', { values: [{ measureId: 'm_rev' }, { measureId: 'm_labels' }] }), { ...M, measures });
    expect(rows[0].c0).toBeCloseTo(ROWS.reduce((a, r) => a + r.amount * r.qty, 0) / ROWS.length, 9);
    expect(rows[0].c1).toBe(new Set(ROWS.map((r) => `${CATEGORY[r.product] ?? ''} / ${r.region}`)).size);
  });

  it('a loop between calculated columns is an error naming them', () => {
    let error: unknown;
    try {
      compileVisualQuery({ visual: visual('card', { values: [field('Loop A')] }), ...M, filters: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryCompileError);
    expect((error as Error).message).toContain('Circular reference: [Loop A] → [Loop B] → [Loop A]');
  });

  it('a date column drills by month (its hierarchy keys filter it back)', async () => {
    const ship = field('Ship date');
    const months = await run(engine, visual('column', { category: [ship], values: [ref.amount] }), { ...M, drill: { level: 2 } });
    const expected = totals(ROWS, (r) => addDays(r.date, 10).slice(0, 7), (r) => r.amount);
    expect(asMap(months.rows)).toEqual(expected);
    expect(months.compiled.fields[0]).toMatchObject({ drillLevel: 'month', label: 'Ship date (month)' });
    // drilled into 2024-01 at day level
    const days = await run(engine, visual('column', { category: [ship], values: [ref.amount] }), { ...M, drill: { level: 3 }, filters: [{ kind: 'in', field: ship, values: ['2024-01'] }] });
    expect(asMap(days.rows)).toEqual(totals(ROWS.filter((r) => addDays(r.date, 10).startsWith('2024-01')), (r) => addDays(r.date, 10), (r) => r.amount));
  });

  it('cross-filter cubes give the rows of the direct SQL with a calculated column as key or as group', async () => {
    const regions: Predicate[] = [{ kind: 'in', field: ref.region, values: ['North'] }, { kind: 'in', field: ref.region, values: ['South', 'East'] }];
    const sizes: Predicate[] = [{ kind: 'in', field: size, values: ['Large'] }, { kind: 'in', field: size, values: ['Small', 'Medium'] }, { kind: 'in', field: size, values: ['Nothing'] }];
    // grouped by a calculated column, summing one, clicked by region
    await checkCube(engine, visual('bar', { category: [size], values: [revenue, ref.amount] }), regions, { model: M });
    // the click is on a calculated column (its key), the target groups by a RELATED column
    await checkCube(engine, visual('column', { category: [field('Category region')], values: [sum(revenue)] }), sizes, { model: M });
    await checkCube(engine, visual('card', { values: [field('Revenue x2'), { ...ref.qty, aggregate: 'count' }] }), sizes, { model: M });
    // a click on a month of the calculated date
    const ship = field('Ship date');
    const months: Predicate[] = [{ kind: 'in', field: ship, values: ['2024-01'] }, { kind: 'in', field: ship, values: ['2024-07', '2025-03'] }];
    await checkCube(engine, visual('bar', { category: [ref.productId], values: [revenue] }), months, { model: M });
  });

  it('every function keeps its DAX meaning, row by row', async () => {
    const cases: [string, (r: (typeof ROWS)[number]) => unknown][] = [
      ['[amount] / ([qty] - 1)', (r) => (r.qty === 1 ? null : r.amount / (r.qty - 1))],
      ['DIVIDE([amount], [qty] - 1, -1)', (r) => (r.qty === 1 ? -1 : r.amount / (r.qty - 1))],
      ['DIVIDE([amount], [qty] - 1)', (r) => (r.qty === 1 ? null : r.amount / (r.qty - 1))],
      ['ROUND([amount] / 8, 0)', (r) => Math.sign(r.amount) * Math.round(Math.abs(r.amount) / 8)],
      ['ROUND(-[amount] / 8, 1)', (r) => -Math.round((r.amount / 8) * 10) / 10],
      ['INT(-[amount] / 3)', (r) => Math.floor(-r.amount / 3)],
      ['ABS(10 - [amount])', (r) => Math.abs(10 - r.amount)],
      ['YEAR([order_date]) * 100 + MONTH([order_date])', (r) => Number(r.date.slice(0, 4)) * 100 + Number(r.date.slice(5, 7))],
      ['QUARTER([order_date])', (r) => Math.ceil(Number(r.date.slice(5, 7)) / 3)],
      ['DAY([order_date])', (r) => Number(r.date.slice(8))],
      ['WEEKDAY([order_date])', (r) => new Date(`${r.date}T00:00:00Z`).getUTCDay() + 1],
      ['WEEKDAY([order_date], 2)', (r) => ((new Date(`${r.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1],
      ['WEEKDAY([order_date], 3)', (r) => (new Date(`${r.date}T00:00:00Z`).getUTCDay() + 6) % 7],
      // months and days past the end carry over
      ['DATE(YEAR([order_date]), MONTH([order_date]) + 11, DAY([order_date]) + 20)', (r) => {
        const d = new Date(`${r.date}T00:00:00Z`);
        return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 11, d.getUTCDate() + 20)).toISOString().slice(0, 10);
      }],
      ['DATE(2024, 2, 29)', () => '2024-02-29'],
      ['[order_date] - DATE(2024, 1, 1)', (r) => Math.round((Date.parse(`${r.date}T00:00:00Z`) - Date.UTC(2024, 0, 1)) / 86_400_000)],
      ['FORMAT([amount] * 1000.5, "#,0.00")', (r) => (r.amount * 1000.5).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
      ['FORMAT([amount] / 8, "0")', (r) => String(Math.round(r.amount / 8))],
      ['FORMAT([qty] / 8, "0.0%")', (r) => `${((r.qty / 8) * 100).toFixed(1)}%`],
      ['FORMAT([order_date], "dddd d MMMM yyyy")', (r) => new Date(`${r.date}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).replace(/^(\w+), (\w+) (\d+), (\d+)$/, '$1 $3 $2 $4')],
      ['FORMAT([order_date], "yyyy-MM")', (r) => r.date.slice(0, 7)],
      ['UPPER([region]) & LOWER("AB") & LEN([region])', (r) => `${r.region.toUpperCase()}ab${r.region.length}`],
      ['LEFT([region], 2) & RIGHT([region]) & LEFT([region])', (r) => `${r.region.slice(0, 2)}${r.region.slice(-1)}${r.region[0]}`],
      ['TRIM("  a   b ") & "|"', () => 'a b|'],
      ['CONCATENATE([region], [qty])', (r) => `${r.region}${r.qty}`],
      ['IF([qty] > 1, "many")', (r) => (r.qty > 1 ? 'many' : null)],
      ['IF([region] = "NORTH", 1, 0)', (r) => (r.region === 'North' ? 1 : 0)],
      ['SWITCH([region], "north", "N", "South", "S", "other")', (r) => (r.region === 'North' ? 'N' : r.region === 'South' ? 'S' : 'other')],
      ['SWITCH(TRUE(), [amount] >= 100, "A", [amount] >= 50, "B")', (r) => (r.amount >= 100 ? 'A' : r.amount >= 50 ? 'B' : null)],
      ['AND([qty] > 1, NOT([amount] > 100)) || OR([region] = "West", FALSE)', (r) => (r.qty > 1 && !(r.amount > 100)) || r.region === 'West'],
      ['ISBLANK(RELATED(Products[name])) && [qty] <> 2', (r) => CATEGORY[r.product] === null && r.qty !== 2],
      ['BLANK()', () => null],
      ['-[amount] + [order_id] * 2', (r) => -r.amount + r.id * 2],
    ];
    const cols = cases.map(([expression], i) => calc(`f${i}`, `f${i}`, expression));
    const model: Model = { ...MODEL, calculatedColumns: cols };
    const v = visual('table', { columns: cols.map((c) => field(c.name)) }, { sort: { field: ref.orderId, direction: 'asc' } });
    const { rows } = await run(engine, v, model);
    expect(rows).toHaveLength(ROWS.length);
    cases.forEach(([expression, expected], i) => {
      const got = rows.map((r) => r[`c${i}`]);
      const want = ROWS.map(expected);
      expect(got.map((g) => (typeof g === 'number' ? Number(g.toPrecision(12)) : g)), expression).toEqual(want.map((w) => (typeof w === 'number' ? Number(w.toPrecision(12)) : w)));
    });
  });

  it('the engine describes the type the Model view stores; the stored type is what fields get', async () => {
    const ctx = contextOf(M);
    const describe = async (c: CalculatedColumn): Promise<string> => {
      const res = await engine.query(`DESCRIBE ${duckdb.query(calculatedColumnQuery(ctx, c))}`, { noCache: true });
      return String(res.rows[0].column_type);
    };
    const types = await Promise.all(['c_rev', 'c_size', 'c_label', 'c_ship', 'c_upper'].map((id) => describe(CALCS.find((c) => c.id === id)!)));
    expect(types).toEqual(['DOUBLE', 'VARCHAR', 'VARCHAR', 'DATE', 'VARCHAR']);
    // a stored type wins over the inferred one (and feeds the field's SQL type)
    const typed: Model = { ...MODEL, calculatedColumns: [{ ...CALCS[0], type: 'DECIMAL(18,2)' }] };
    const { compiled } = await run(engine, visual('table', { columns: [revenue] }), typed);
    expect(compiled.fields[0].sqlType).toBe('DECIMAL(18,2)');
  });
});
