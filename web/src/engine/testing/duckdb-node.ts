/**
 * DuckDB-wasm's async API in Node (unit tests, benchmarks): the package's Node worker script run in a
 * `worker_threads` Worker behind a small facade that looks like a Web Worker to `AsyncDuckDB`.
 * Real DuckDB, same code path as the browser except for the transport.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker as NodeWorker } from 'node:worker_threads';
import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm';
import type { DuckDBFactory } from '../local-engine';

type Listener = (event: { data?: unknown; message?: string; error?: unknown }) => void;

/** The bootstrap run inside the thread: maps parentPort onto the Web Worker globals the script expects. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
parentPort.on('message', (data) => { if (globalThis.onmessage) globalThis.onmessage({ data }); });
require(workerData.script);
`;

/** The subset of the Web Worker interface AsyncDuckDB uses. */
class WorkerFacade {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly thread: NodeWorker;

  constructor(script: string) {
    this.thread = new NodeWorker(BOOTSTRAP, { eval: true, workerData: { script } });
    this.thread.on('message', (data: unknown) => this.emit('message', { data }));
    this.thread.on('error', (error: Error) => this.emit('error', { message: error.message, error }));
    this.thread.on('exit', () => this.emit('close', {}));
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  postMessage(message: unknown, transfer?: ArrayBuffer[]): void {
    this.thread.postMessage(message, transfer ?? []);
  }

  terminate(): void {
    void this.thread.terminate();
  }

  private emit(type: string, event: Parameters<Listener>[0]): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** Starts a real DuckDB-wasm (EH bundle) on a worker thread. Terminate with `db.terminate()`. */
export const nodeDuckDBFactory: DuckDBFactory = async () => {
  const require = createRequire(import.meta.url);
  const script = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs');
  const wasm = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
  const worker = new WorkerFacade(script);
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker as unknown as Worker);
  await db.instantiate(wasm);
  await db.open({ query: { castBigIntToDouble: false } });
  // No network here: extension autoloading would hang on its download instead of failing.
  const conn = await db.connect();
  await conn.query('SET GLOBAL autoinstall_known_extensions = false');
  await conn.query('SET GLOBAL autoload_known_extensions = false');
  await conn.close();
  // The Node runtime writes COPY … TO files to the real file system: keep them out of the checkout.
  const tempDirectory = mkdtempSync(join(tmpdir(), 'tessera-duckdb-'));
  const terminate = db.terminate.bind(db);
  db.terminate = async () => {
    await terminate();
    rmSync(tempDirectory, { recursive: true, force: true });
  };
  return { db, bundle: 'eh', fileHandles: false, tempDirectory };
};
