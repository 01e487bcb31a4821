/**
 * Query: the star schema loaded once into LocalEngine; each query runs either through our
 * coordinator (`engine.query(sql, { noCache: true })`) or through a raw AsyncDuckDB connection
 * opened on the very same DuckDB instance and tables.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { browserDuckDBFactory } from '../../../web/src/engine/duckdb-browser';
import { LocalEngine } from '../../../web/src/engine/local-engine';
import type { QueryFigures } from '../api';

let engine: LocalEngine | undefined;
let raw: AsyncDuckDBConnection | undefined;

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  return response.blob();
}

export async function loadStar(urls: { sales: string; stores: string; products: string }): Promise<{ ms: number; rows: number }> {
  engine = new LocalEngine(browserDuckDBFactory);
  await engine.ready();
  const blobs = await Promise.all([fetchBlob(urls.sales), fetchBlob(urls.stores), fetchBlob(urls.products)]);
  const started = performance.now();
  await engine.registerDataset({ id: 'sales', name: 'sales', version: 'bench' }, blobs[0]);
  await engine.registerDataset({ id: 'stores', name: 'stores', version: 'bench' }, blobs[1]);
  await engine.registerDataset({ id: 'products', name: 'products', version: 'bench' }, blobs[2]);
  const ms = performance.now() - started;
  for (const id of ['sales', 'stores', 'products']) {
    if (engine.tableNameOf(id) !== id) throw new Error(`dataset ${id} is queried as ${String(engine.tableNameOf(id))}, expected ${id}`);
  }
  raw = await (await engine.duckdb()).connect();
  const count = await engine.query('SELECT count(*) AS n FROM sales', { noCache: true });
  return { ms, rows: Number(count.rows[0]?.n ?? 0) };
}

export async function runQuery(side: 'ours' | 'raw', sql: string): Promise<QueryFigures> {
  if (!engine || !raw) throw new Error('loadStar() first');
  if (side === 'ours') {
    const started = performance.now();
    const result = await engine.query(sql, { noCache: true });
    const ms = performance.now() - started;
    return { ms, rows: result.rows.length };
  }
  const started = performance.now();
  const table = await raw.query(sql);
  const ms = performance.now() - started;
  return { ms, rows: table.numRows };
}
