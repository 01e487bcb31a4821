/**
 * The browser's DuckDB-wasm: self-hosted bundles (Vite `?url`, never a CDN), the best bundle this
 * browser supports (a local feature check, works offline), one dedicated worker. The factory is
 * called once per tab by EngineProvider.
 */
import { AsyncDuckDB, ConsoleLogger, LogLevel, selectBundle, type DuckDBBundles } from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { DuckDBFactory } from './local-engine';

const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export const browserDuckDBFactory: DuckDBFactory = async () => {
  const bundle = await selectBundle(BUNDLES);
  if (!bundle.mainWorker) throw new Error('no DuckDB worker bundle for this browser');
  const worker = new Worker(bundle.mainWorker);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: false } });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return { db, bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp', fileHandles: true };
};
