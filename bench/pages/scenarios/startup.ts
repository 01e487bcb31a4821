/**
 * The raw reference of `pnpm bench startup`: a page that starts DuckDB-wasm (same self-hosted
 * bundles), loads the 1M-row sales snapshot and runs the card's query (sum of quantity). Returns the
 * time since the page's navigation started, like the app's figure.
 */
import { browserDuckDBFactory } from '../../../web/src/engine/duckdb-browser';

export async function startupRaw(url: string): Promise<{ ms: number; value: number }> {
  const { db } = await browserDuckDBFactory();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const conn = await db.connect();
  await conn.insertArrowFromIPCStream(bytes, { name: 'sales', create: true });
  const table = await conn.query('SELECT sum(quantity)::DOUBLE AS v FROM sales');
  const value = Number(table.getChildAt(0)?.get(0) ?? NaN);
  return { ms: performance.now(), value };
}
