/**
 * Report / page / visual filters of every kind (basic, advanced, relative date, Top N) compiled into visual queries and
 * run through real DuckDB-wasm on tests/fixtures/sales.csv; expected answers are computed from the CSV in the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVisualQuery, filtersToPredicates, type DatasetEntry, type Filter, type Measure, type Visual } from '../../../shared/src/index';
import { LocalEngine } from '../../../web/src/engine/local-engine';
import { nodeDuckDBFactory } from '../../../web/src/engine/testing/duckdb-node';

interface Row {
  order_id: number;
  order_date: string;
  region: string;
  product: string;
  quantity: number;
  price: number;
}

const csv = readFileSync(fileURLToPath(new URL('../../fixtures/sales.csv', import.meta.url)), 'utf8').trim().split(/\r?\n/);
const header = csv[0].split(',');
const ROWS: Row[] = csv.slice(1).map((line) => {
  const c = line.split(',');
  const at = (name: string) => c[header.indexOf(name)];
  return { order_id: Number(at('order_id')), order_date: at('order_date'), region: at('region'), product: at('product'), quantity: Number(at('quantity')), price: Number(at('price')) };
});

const DS: DatasetEntry = {
  id: 'sales',
  name: 'sales',
  source: { kind: 'file', fileName: 'sales.csv', format: 'csv' },
  columns: [
    { name: 'order_id', type: 'BIGINT' },
    { name: 'order_date', type: 'DATE' },
    { name: 'region', type: 'VARCHAR' },
    { name: 'product', type: 'VARCHAR' },
    { name: 'quantity', type: 'BIGINT' },
    { name: 'price', type: 'DOUBLE' },
  ],
  rowCount: ROWS.length,
  version: 'v1',
  refreshedAt: '',
  transforms: [],
};
const MEASURES: Measure[] = [{ id: 'm_rev', name: 'Price total', datasetId: 'sales', expression: 'SUM(sales[price])', format: '' }];
const f = (column: string) => ({ datasetId: 'sales', column });
const card: Visual = { id: 'v', pageId: 'p', type: 'card', x: 0, y: 0, w: 1, h: 1, z: 0, title: '', fields: { values: [{ ...f('quantity'), aggregate: 'sum' }] }, filters: [], format: {}, sort: null, topN: null };
const sum = (rows: Row[]) => rows.reduce((a, r) => a + r.quantity, 0);
/** Values of `key` ranked by their sum of quantity (ties by value), highest first, as a Top N filter ranks them. */
function rankedBy(rows: Row[], key: 'region' | 'product', amount: (r: Row) => number = (r) => r.quantity): string[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r[key], (totals.get(r[key]) ?? 0) + amount(r));
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Sum of quantity of the card with these workbook filters (report + page + visual, ANDed as the app does). */
async function cardTotal(engine: LocalEngine, filters: Filter[]): Promise<number> {
  const q = compileVisualQuery({ visual: card, datasets: [DS], relationships: [], measures: MEASURES, filters: filtersToPredicates(filters) });
  const res = await engine.query(q.sql, { noCache: true });
  return Number(res.rows[0]?.c0 ?? 0);
}

describe('workbook filters on sales.csv (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
    const values = ROWS.map((r) => `(${r.order_id}, DATE '${r.order_date}', '${r.region}', '${r.product}', ${r.quantity}, ${r.price})`).join(', ');
    await engine.exec(`CREATE TABLE "ds_sales" AS SELECT * FROM (VALUES ${values}) t(order_id, order_date, region, product, quantity, price)`);
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('basic and advanced filters, ANDed across levels', async () => {
    expect(await cardTotal(engine, [])).toBe(sum(ROWS));
    const north: Filter = { id: 'a', kind: 'values', field: f('region'), values: ['North'] };
    expect(await cardTotal(engine, [north])).toBe(sum(ROWS.filter((r) => r.region === 'North')));
    const big: Filter = { id: 'b', kind: 'advanced', field: f('quantity'), join: 'and', conditions: [{ op: 'gt', value: 10 }] };
    expect(await cardTotal(engine, [north, big])).toBe(sum(ROWS.filter((r) => r.region === 'North' && r.quantity > 10)));
    const text: Filter = { id: 'c', kind: 'advanced', field: f('product'), join: 'or', conditions: [{ op: 'startsWith', value: 'gi' }, { op: 'is', value: 'Sprocket' }] };
    expect(await cardTotal(engine, [text])).toBe(sum(ROWS.filter((r) => r.product.toLowerCase().startsWith('gi') || r.product === 'Sprocket')));
    const notContains: Filter = { id: 'd', kind: 'advanced', field: f('product'), join: 'and', conditions: [{ op: 'notContains', value: 'g' }] };
    expect(await cardTotal(engine, [notContains])).toBe(sum(ROWS.filter((r) => !r.product.toLowerCase().includes('g'))));
    const between: Filter = { id: 'e', kind: 'advanced', field: f('order_date'), join: 'and', conditions: [{ op: 'onOrAfter', value: '2024-03-01' }, { op: 'before', value: '2024-06-01' }] };
    expect(await cardTotal(engine, [between])).toBe(sum(ROWS.filter((r) => r.order_date >= '2024-03-01' && r.order_date < '2024-06-01')));
  });

  it('relative date: last N months including the current one, against a fixed today', async () => {
    const q = compileVisualQuery({
      visual: card,
      datasets: [DS],
      relationships: [],
      measures: [],
      filters: [{ kind: 'relativeDate', field: f('order_date'), unit: 'month', last: 3, includeCurrent: true, today: '2024-06-15' }],
    });
    const res = await engine.query(q.sql, { noCache: true });
    expect(Number(res.rows[0].c0)).toBe(sum(ROWS.filter((r) => r.order_date >= '2024-04-01' && r.order_date < '2024-07-01')));
    const next = compileVisualQuery({
      visual: card,
      datasets: [DS],
      relationships: [],
      measures: [],
      filters: [{ kind: 'relativeDate', field: f('order_date'), unit: 'year', last: 1, includeCurrent: false, today: '2024-06-15', direction: 'next' }],
    });
    expect(Number((await engine.query(next.sql, { noCache: true })).rows[0].c0)).toBe(sum(ROWS.filter((r) => r.order_date.startsWith('2025'))));
  });

  it('a numeric slicer query names its min / max columns by their own keys (the Between slicer reads them)', async () => {
    const slicer: Visual = { ...card, type: 'slicer', fields: { field: [f('quantity')] } };
    const q = compileVisualQuery({ visual: slicer, datasets: [DS], relationships: [], measures: [], filters: filtersToPredicates([{ id: 'n', kind: 'values', field: f('region'), values: ['North'] }]) });
    const rows = (await engine.query(q.sql, { noCache: true })).rows;
    const key = (role: string) => q.fields.find((x) => x.role === role)?.key ?? '';
    const north = ROWS.filter((r) => r.region === 'North').map((r) => r.quantity);
    expect(new Set(q.fields.map((x) => x.key)).size).toBe(q.fields.length);
    expect(Number(rows[0][key('min')])).toBe(Math.min(...north));
    expect(Number(rows[0][key('max')])).toBe(Math.max(...north));
  });

  it('Top N by an aggregated column and by a measure, top and bottom', async () => {
    const totals = new Map<string, number>();
    const revenue = new Map<string, number>();
    for (const r of ROWS) {
      totals.set(r.region, (totals.get(r.region) ?? 0) + r.quantity);
      revenue.set(r.region, (revenue.get(r.region) ?? 0) + r.price);
    }
    const ranked = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
    const top2 = ranked(totals).slice(0, 2);
    const topFilter: Filter = { id: 't', kind: 'topN', field: f('region'), direction: 'top', n: 2, by: { ...f('quantity'), aggregate: 'sum' } };
    expect(await cardTotal(engine, [topFilter])).toBe(sum(ROWS.filter((r) => top2.includes(r.region))));
    const bottom1 = ranked(totals).slice(-1);
    expect(await cardTotal(engine, [{ ...topFilter, direction: 'bottom', n: 1 }])).toBe(sum(ROWS.filter((r) => bottom1.includes(r.region))));
    const byRevenue = ranked(revenue).slice(0, 1);
    expect(await cardTotal(engine, [{ ...topFilter, n: 1, by: { measureId: 'm_rev' } }])).toBe(sum(ROWS.filter((r) => byRevenue.includes(r.region))));
    // a table by region with the Top N filter: only the top regions remain
    const table: Visual = { ...card, type: 'table', fields: { columns: [f('region'), { ...f('quantity'), aggregate: 'sum' }] } };
    const q = compileVisualQuery({ visual: table, datasets: [DS], relationships: [], measures: MEASURES, filters: filtersToPredicates([topFilter]) });
    const rows = (await engine.query(q.sql, { noCache: true })).rows.map((r) => r.c0).filter((v) => v !== null).sort();
    expect(rows).toEqual([...top2].sort());
  });

  it('Top N ranks within the other filters (report, page, visual, slicer), never over all rows', async () => {
    const topProducts: Filter = { id: 't', kind: 'topN', field: f('product'), direction: 'top', n: 3, by: { ...f('quantity'), aggregate: 'sum' } };
    const globalTop = rankedBy(ROWS, 'product').slice(0, 3);
    // a region whose own top 3 products are not the global top 3 (computed from the file, so the test shows a difference)
    const regions = [...new Set(ROWS.map((r) => r.region))].sort();
    const region = regions.find((g) => !sameSet(rankedBy(ROWS.filter((r) => r.region === g), 'product').slice(0, 3), globalTop));
    expect(region).toBeDefined();
    const inRegion = ROWS.filter((r) => r.region === region);
    const regionTop = rankedBy(inRegion, 'product').slice(0, 3);
    expect(sameSet(regionTop, globalTop)).toBe(false);
    const regionFilter: Filter = { id: 'r', kind: 'values', field: f('region'), values: [region ?? ''] };

    // the products a table lists: the region's top 3, whatever the order of the filters (report, page, visual …)
    const table: Visual = { ...card, type: 'table', fields: { columns: [f('product'), { ...f('quantity'), aggregate: 'sum' }] } };
    const products = async (filters: Filter[]) => {
      const q = compileVisualQuery({ visual: table, datasets: [DS], relationships: [], measures: MEASURES, filters: filtersToPredicates(filters) });
      return (await engine.query(q.sql, { noCache: true })).rows.map((r) => r.c0).filter((v) => v !== null).sort();
    };
    expect(await products([topProducts])).toEqual([...globalTop].sort());
    expect(await products([regionFilter, topProducts])).toEqual([...regionTop].sort());
    expect(await products([topProducts, regionFilter])).toEqual([...regionTop].sort());
    expect(await cardTotal(engine, [regionFilter, topProducts])).toBe(sum(inRegion.filter((r) => regionTop.includes(r.product))));

    // an advanced filter and a slicer's range are context too; bottom N as well
    const big: Filter = { id: 'b', kind: 'advanced', field: f('quantity'), join: 'and', conditions: [{ op: 'gt', value: 10 }] };
    const slicer: Filter = { id: 'slicer_v9', kind: 'range', field: f('price'), min: 20 };
    const ctx = ROWS.filter((r) => r.quantity > 10 && r.price >= 20);
    const bottom2 = rankedBy(ctx, 'product').slice(-2);
    expect(await cardTotal(engine, [big, { ...topProducts, direction: 'bottom', n: 2 }, slicer])).toBe(sum(ctx.filter((r) => bottom2.includes(r.product))));

    // ranked by a measure (sum of price) within the region
    const byPrice = rankedBy(inRegion, 'product', (r) => r.price).slice(0, 1);
    expect(await cardTotal(engine, [{ ...topProducts, n: 1, by: { measureId: 'm_rev' } }, regionFilter])).toBe(sum(inRegion.filter((r) => byPrice.includes(r.product))));

    // two Top N filters each rank within the other (non Top N) filters, not within each other
    const topRegions: Filter = { id: 'tr', kind: 'topN', field: f('region'), direction: 'top', n: 2, by: { ...f('quantity'), aggregate: 'sum' } };
    const small = ROWS.filter((r) => r.quantity <= 10);
    const smallFilter: Filter = { id: 's', kind: 'advanced', field: f('quantity'), join: 'and', conditions: [{ op: 'le', value: 10 }] };
    const [p3, r2] = [rankedBy(small, 'product').slice(0, 3), rankedBy(small, 'region').slice(0, 2)];
    expect(await cardTotal(engine, [topProducts, smallFilter, topRegions])).toBe(sum(small.filter((r) => p3.includes(r.product) && r2.includes(r.region))));
  });
});
