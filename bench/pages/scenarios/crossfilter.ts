/**
 * Cross-filter: a 6-visual page (bar, line, table top-100, card, matrix, scatter) defined as
 * workbook visuals on the star schema, compiled with the real `compileVisualQuery` and run through
 * the real LocalEngine. A click publishes the predicate the app's ChartView publishes (a bar category,
 * or a line month as its hierarchy key '2023-04'); the five other visuals re-query — through their
 * cross-filter cube when it is built, exactly as use-visual-data.ts does (crossfilter-cubes.ts) — and
 * the chart ones update their live Vega view in place (canvas renderer, the real buildSpec spec).
 * `xfActivate` is the app's activation (pointer entering a chart): the other visuals build their cubes.
 * The raw side runs each visual's own SQL (no cube) on a raw AsyncDuckDB connection of the same instance.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import {
  addDataset,
  addRelationship,
  addVisual,
  bindField,
  buildSpec,
  compileVisualQuery,
  initWorkbook,
  LIGHT_THEME,
  readWorkbook,
  setVisualFilters,
  filtersToPredicates,
  withTopNContext,
  type ColumnFieldRef,
  type FieldRef,
  type Predicate,
  type Visual,
  type VisualQueryInput,
  type VisualType,
  type WorkbookSnapshot,
} from '@tessera/shared';
import embed from 'vega-embed';
import type { View } from 'vega';
import * as Y from 'yjs';
import { browserDuckDBFactory } from '../../../web/src/engine/duckdb-browser';
import { LocalEngine } from '../../../web/src/engine/local-engine';
import { CubeStore } from '../../../web/src/engine/cube-store';
import { cubeSqlFor, prepareCube, probeSelection, type CubeSource } from '../../../web/src/features/report/crossfilter-cubes';
import type { CrossfilterClickFigures } from '../api';

interface PageVisual {
  visual: Visual;
  /** Vega view of a chart visual (bar, line, scatter); table, matrix and card are React in the app */
  view?: View;
  drill?: { level: number };
}

let engine: LocalEngine | undefined;
let cubes: CubeStore | undefined;
let raw: AsyncDuckDBConnection | undefined;
let snapshot: WorkbookSnapshot | undefined;
let page: PageVisual[] = [];

const sum = (datasetId: string, column: string): FieldRef => ({ datasetId, column, aggregate: 'sum' });
const col = (datasetId: string, column: string): ColumnFieldRef => ({ datasetId, column });
const MONTH_LEVEL = 2; // year 0, quarter 1, month 2, day 3

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  return response.blob();
}

function makeWorkbook(rows: number): WorkbookSnapshot {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'Cross-filter bench' });
  const source = { kind: 'file' as const, fileName: 'bench.arrows', format: 'csv' as const };
  addDataset(doc, {
    id: 'sales',
    name: 'sales',
    source,
    rowCount: rows,
    version: 'bench',
    columns: [
      { name: 'order_id', type: 'BIGINT' },
      { name: 'order_date', type: 'DATE' },
      { name: 'store_id', type: 'INTEGER' },
      { name: 'product_id', type: 'INTEGER' },
      { name: 'category', type: 'VARCHAR' },
      { name: 'quantity', type: 'INTEGER' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'discount', type: 'DOUBLE' },
    ],
  });
  addDataset(doc, {
    id: 'stores',
    name: 'stores',
    source,
    rowCount: 1000,
    version: 'bench',
    columns: [
      { name: 'store_id', type: 'INTEGER' },
      { name: 'store_name', type: 'VARCHAR' },
      { name: 'city', type: 'VARCHAR' },
      { name: 'region', type: 'VARCHAR' },
      { name: 'opened_date', type: 'DATE' },
    ],
  });
  addDataset(doc, {
    id: 'products',
    name: 'products',
    source,
    rowCount: 50000,
    version: 'bench',
    columns: [
      { name: 'product_id', type: 'INTEGER' },
      { name: 'product_name', type: 'VARCHAR' },
      { name: 'category', type: 'VARCHAR' },
      { name: 'brand', type: 'VARCHAR' },
      { name: 'list_price', type: 'DOUBLE' },
    ],
  });
  addRelationship(doc, { from: col('sales', 'store_id'), to: col('stores', 'store_id') });
  addRelationship(doc, { from: col('sales', 'product_id'), to: col('products', 'product_id') });
  const pageId = readWorkbook(doc).pageOrder[0];
  const visual = (type: VisualType, x: number, y: number, fields: Record<string, FieldRef[]>): string => {
    const id = addVisual(doc, { id: `v_${type}`, pageId, type, x, y, w: 400, h: 240 });
    for (const [role, refs] of Object.entries(fields)) for (const ref of refs) bindField(doc, id, role, ref);
    return id;
  };
  visual('bar', 0, 0, { category: [col('sales', 'category')], values: [sum('sales', 'quantity')] });
  visual('line', 420, 0, { category: [col('sales', 'order_date')], values: [sum('sales', 'price')] });
  const table = visual('table', 840, 0, { columns: [col('stores', 'city'), col('stores', 'region'), sum('sales', 'quantity')] });
  // the table's Top N filter (Filters pane, visual level): the 100 cities with the largest quantity
  setVisualFilters(doc, table, [{ id: 'top100', kind: 'topN', field: col('stores', 'city'), direction: 'top', n: 100, by: sum('sales', 'quantity') }]);
  visual('card', 0, 260, { values: [sum('sales', 'price')] });
  visual('matrix', 420, 260, { rows: [col('stores', 'region')], columns: [col('sales', 'discount')], values: [sum('sales', 'quantity')] });
  visual('scatter', 840, 260, { details: [col('sales', 'store_id')], x: [sum('sales', 'quantity')], y: [sum('sales', 'price')] });
  return readWorkbook(doc);
}

function inputOf(item: PageVisual, filters: Predicate[]): VisualQueryInput {
  if (!snapshot) throw new Error('xfLoad() first');
  return {
    visual: item.visual,
    datasets: Object.values(snapshot.datasets),
    relationships: Object.values(snapshot.model.relationships),
    measures: Object.values(snapshot.model.measures),
    // as the app's use-visual-data: the visual's own filters, then the cross-filter; a Top N filter
    // ranks within all the others
    filters: withTopNContext([...filtersToPredicates(item.visual.filters), ...filters]),
    ...(item.drill ? { drill: item.drill } : {}),
  };
}

function sqlOf(item: PageVisual, filters: Predicate[]): ReturnType<typeof compileVisualQuery> {
  return compileVisualQuery(inputOf(item, filters));
}

function specFor(item: PageVisual, rows: Record<string, unknown>[], fields: ReturnType<typeof compileVisualQuery>['fields']) {
  const built = buildSpec({ type: item.visual.type, fields, rows, format: { showTitle: false }, theme: LIGHT_THEME, width: 400, height: 220 });
  if (built.library === 'none') throw new Error(`${item.visual.type}: ${built.reason}`);
  return built;
}

/** Starts LocalEngine with the star schema, builds the page and embeds its three charts (unfiltered). */
export async function xfLoad(urls: { sales: string; stores: string; products: string }): Promise<{ rows: number; categories: string[]; months: string[] }> {
  engine = new LocalEngine(browserDuckDBFactory);
  await engine.ready();
  const blobs = await Promise.all([fetchBlob(urls.sales), fetchBlob(urls.stores), fetchBlob(urls.products)]);
  await engine.registerDataset({ id: 'sales', name: 'sales', version: 'bench' }, blobs[0]);
  await engine.registerDataset({ id: 'stores', name: 'stores', version: 'bench' }, blobs[1]);
  await engine.registerDataset({ id: 'products', name: 'products', version: 'bench' }, blobs[2]);
  raw = await (await engine.duckdb()).connect();
  const count = Number((await engine.query('SELECT count(*)::INTEGER AS n FROM ds_sales', { noCache: true })).rows[0]?.n ?? 0);
  snapshot = makeWorkbook(count);
  const snap = snapshot;
  page = ['bar', 'line', 'table', 'card', 'matrix', 'scatter'].map((type) => ({
    visual: snap.visuals[`v_${type}`],
    ...(type === 'line' ? { drill: { level: MONTH_LEVEL } } : {}),
  }));
  const host = document.body;
  for (const item of page) {
    if (!['bar', 'line', 'scatter'].includes(item.visual.type)) continue;
    const compiled = sqlOf(item, []);
    const rows = (await engine.query(compiled.sql, { noCache: true })).rows;
    const built = specFor(item, rows, compiled.fields);
    const el = document.createElement('div');
    host.append(el);
    const result = await embed(el, built.spec as never, { renderer: 'canvas', actions: false, mode: built.library });
    item.view = result.view;
  }
  const categories = (await engine.query('SELECT DISTINCT category FROM ds_sales ORDER BY 1', { noCache: true })).rows.map((r) => String(r.category));
  const months = (await engine.query("SELECT DISTINCT strftime(order_date, '%Y-%m') AS m FROM ds_sales ORDER BY 1", { noCache: true })).rows.map((r) => String(r.m));
  cubes = new CubeStore(engine);
  return { rows: count, categories, months };
}

/** What the app's ChartView publishes on a click: the bar's category, or the line's month key at its drill level. */
const SOURCES: Record<'category' | 'month', CubeSource> = {
  category: { visualId: 'v_bar', ref: col('sales', 'category') },
  month: { visualId: 'v_line', ref: col('sales', 'order_date'), level: 'month' },
};

function predicateOf(click: { kind: 'category' | 'month'; value: string }): { source: string; predicate: Predicate } {
  const source = SOURCES[click.kind];
  return { source: source.visualId, predicate: { kind: 'in', field: source.ref as ColumnFieldRef, values: [click.value] } };
}

/**
 * The app's activation of both charts (pointer entering them): each other visual builds its cube for
 * that chart's key, in the background at low priority. Resolves when all are built.
 */
export async function xfActivate(): Promise<{ ms: number; cubes: number; refused: number; each: Record<string, number> }> {
  if (!cubes) throw new Error('xfLoad() first');
  const store = cubes;
  const started = performance.now();
  const jobs: Promise<boolean>[] = [];
  const each: Record<string, number> = {};
  for (const source of Object.values(SOURCES)) {
    const probe = probeSelection(source)!;
    for (const item of page) {
      if (item.visual.id === source.visualId) continue;
      jobs.push(prepareCube(store, inputOf(item, [probe]), probe).then((ok) => ((each[`${item.visual.type} by ${source.visualId.slice(2)}`] = Math.round(performance.now() - started)), ok)));
    }
  }
  const built = await Promise.all(jobs);
  return { ms: performance.now() - started, cubes: built.filter(Boolean).length, refused: built.filter((b) => !b).length, each };
}

/**
 * One click: compile the five other visuals with the predicate, query them through LocalEngine
 * (high priority, per-visual stale keys, no cache), put the chart rows into their live Vega views.
 * `raw` runs the same SQL text on the raw connection, one after the other.
 */
export async function xfClick(side: 'ours' | 'raw', click: { kind: 'category' | 'month'; value: string }): Promise<CrossfilterClickFigures> {
  if (!engine || !raw) throw new Error('xfLoad() first');
  const { source, predicate } = predicateOf(click);
  const targets = page.filter((item) => item.visual.id !== source);
  if (side === 'raw') {
    const sqls = targets.map((item) => sqlOf(item, [predicate]).sql);
    const started = performance.now();
    let rows = 0;
    for (const sql of sqls) rows += (await raw.query(sql)).numRows;
    return { ms: performance.now() - started, rows };
  }
  const ours = engine;
  const store = cubes!;
  const started = performance.now();
  let viaCube = 0;
  let engineMs = 0;
  let vegaMs = 0;
  const perVisual: Record<string, number> = {};
  const done = await Promise.all(
    targets.map(async (item) => {
      const input = inputOf(item, [predicate]);
      const compiled = compileVisualQuery(input);
      const cubeSql = cubeSqlFor(store, input, predicate);
      if (cubeSql) viaCube++;
      const result = await ours.query(cubeSql ?? compiled.sql, { key: `visual:${item.visual.id}`, priority: 'high', noCache: true, ...(cubeSql ? { atOnce: true } : {}) });
      engineMs = Math.max(engineMs, result.elapsedMs);
      perVisual[item.visual.type] = Math.round((performance.now() - started) * 10) / 10;
      const queried = performance.now();
      if (item.view) await item.view.data('table', result.rows).runAsync();
      vegaMs += performance.now() - queried;
      return result.rows.length;
    }),
  );
  return { ms: performance.now() - started, rows: done.reduce((a, b) => a + b, 0), viaCube, engineMs, vegaMs, perVisual };
}
