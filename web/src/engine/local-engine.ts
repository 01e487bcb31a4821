/**
 * LocalEngine: the one query coordinator of a tab. Owns DuckDB-wasm (through a factory, so the same
 * class runs in the browser and in Node tests), schedules queries (scheduler.ts), caches results,
 * converts Arrow to JS values and registers dataset snapshots as tables + friendly views.
 */
import { DuckDBDataProtocol, type AsyncDuckDB, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { convertTable } from './arrow-convert';
import { datasetTableName, quoteIdentifier, quoteLiteral, safeIdentifier } from './identifiers';
import { toQueryError } from './query-error';
import { ResultCache } from './result-cache';
import { Scheduler, type SubmitOptions, type TaskHandle } from './scheduler';
import { QueryCancelledError, QueryError, type Engine, type EngineStatus, type QueryOptions, type QueryResult } from './types';

export interface DuckDBInstance {
  db: AsyncDuckDB;
  bundle: 'eh' | 'mvp';
  /**
   * Whether the worker can read a registered Blob/File lazily (BROWSER_FILEREADER). True in
   * browsers; the Node worker cannot, so snapshots are copied into a buffer there. Default true.
   */
  fileHandles?: boolean;
  /** Where COPY … TO writes its temporary files (Node's runtime writes real files). Default: DuckDB's virtual root. */
  tempDirectory?: string;
}

export type DuckDBFactory = () => Promise<DuckDBInstance>;

export interface LocalEngineOptions {
  /** DuckDB connections = queries that can run at once (1–2 is right for one wasm worker). Default 2. */
  connections?: number;
  cacheEntries?: number;
}

export type ExportFormat = 'csv' | 'parquet' | 'arrow';

interface RegisteredDataset {
  name: string;
  version: string;
  view: string;
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // PAR1
const ARROW_FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // ARROW1

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Arrow IPC end-of-stream marker (continuation token + zero length). */
const IPC_END = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class LocalEngine implements Engine {
  private currentStatus: EngineStatus = { state: 'starting' };
  private readyInfo: { bundle: 'eh' | 'mvp'; version: string } | undefined;
  private readonly listeners = new Set<(status: EngineStatus) => void>();
  private readonly datasetListeners = new Set<() => void>();
  private readonly scheduler: Scheduler;
  private readonly cache: ResultCache;
  private readonly startup: Promise<DuckDBInstance>;
  private readonly connections: AsyncDuckDBConnection[] = [];
  private readonly datasets = new Map<string, RegisteredDataset>();
  private reserved = new Set<string>();
  private generation = 0;
  private fileCounter = 0;
  private disposed = false;

  constructor(factory: DuckDBFactory, options: LocalEngineOptions = {}) {
    this.cache = new ResultCache(options.cacheEntries);
    this.scheduler = new Scheduler((running, queued) => this.onLoad(running, queued));
    this.startup = this.start(factory, Math.max(1, Math.min(options.connections ?? 2, 4)));
    // Failures surface through status and ready(); never as an unhandled rejection.
    this.startup.catch(() => undefined);
  }

  private async start(factory: DuckDBFactory, connectionCount: number): Promise<DuckDBInstance> {
    try {
      const instance = await factory();
      const version = await instance.db.getVersion();
      for (let i = 0; i < connectionCount; i++) this.connections.push(await instance.db.connect());
      const keywords = await this.connections[0].query(
        "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'",
      );
      this.reserved = new Set(keywords.toArray().map((row) => String((row as { keyword_name: string }).keyword_name).toLowerCase()));
      this.readyInfo = { bundle: instance.bundle, version };
      this.setStatus({ state: 'ready', bundle: instance.bundle, version });
      this.scheduler.start(this.connections);
      return instance;
    } catch (error) {
      const message = `The data engine could not start: ${messageOf(error)}. Reload the page; if it keeps failing, use a current Chrome, Edge or Firefox.`;
      this.setStatus({ state: 'error', message });
      const failure = new Error(message);
      this.scheduler.fail(failure);
      throw failure;
    }
  }

  // ---- status -------------------------------------------------------------------------------

  get status(): EngineStatus {
    return this.currentStatus;
  }

  subscribe(listener: (status: EngineStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: EngineStatus): void {
    this.currentStatus = status;
    for (const listener of [...this.listeners]) listener(status);
  }

  private onLoad(running: number, queued: number): void {
    if (this.currentStatus.state === 'error' || this.currentStatus.state === 'starting' || !this.readyInfo) return;
    if (running + queued > 0) this.setStatus({ state: 'busy', running, queued });
    else this.setStatus({ state: 'ready', ...this.readyInfo });
  }

  async ready(): Promise<void> {
    await this.startup;
  }

  /** Raw DuckDB access (file registration by the import pipeline). Call invalidateCache() after catalog changes made with it. */
  async duckdb(): Promise<AsyncDuckDB> {
    return (await this.startup).db;
  }

  // ---- queries ------------------------------------------------------------------------------

  /** Versions of the registered datasets, id → version (part of the cache's identity). */
  get datasetVersions(): ReadonlyMap<string, string> {
    return new Map([...this.datasets].map(([id, d]) => [id, d.version]));
  }

  /** The cache key: SQL + catalog generation (bumped by every exec/register/unregister/rename). */
  private cacheKey(sql: string): string {
    return `${this.generation}\u0000${sql}`;
  }

  /** Called after a dataset was registered, unregistered or renamed. */
  subscribeDatasets(listener: () => void): () => void {
    this.datasetListeners.add(listener);
    return () => this.datasetListeners.delete(listener);
  }

  private emitDatasets(): void {
    for (const listener of [...this.datasetListeners]) listener();
  }

  /** Forget cached results (after a catalog change made outside exec/registerDataset). */
  invalidateCache(): void {
    this.generation++;
    this.cache.clear();
  }

  query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const key = this.cacheKey(sql);
    if (!options.noCache) {
      const hit = this.cache.get(key);
      if (hit && !options.signal?.aborted) return Promise.resolve({ ...hit, fromCache: true });
    }
    const generation = this.generation;
    return this.scheduler.submit<QueryResult>({
      kind: 'read',
      priority: options.priority,
      key: options.key,
      signal: options.signal,
      mergeKey: options.noCache ? undefined : key,
      pipelined: options.atOnce,
      run: async (conn, task) => {
        const started = performance.now();
        const table = await this.runArrow(conn, sql, task, options.atOnce);
        const { columns, rows } = convertTable(table);
        const result: QueryResult = { columns, rows, elapsedMs: performance.now() - started, fromCache: false };
        if (generation === this.generation && !task.cancelled) this.cache.set(key, result);
        return result;
      },
    });
  }

  async exec(sql: string, options: Pick<QueryOptions, 'signal' | 'priority'> = {}): Promise<void> {
    await this.scheduler.submit<void>({
      kind: 'exclusive',
      priority: options.priority,
      signal: options.signal,
      run: async (conn, task) => {
        try {
          await this.runArrow(conn, sql, task);
        } finally {
          this.invalidateCache();
        }
      },
    });
  }

  /**
   * Creates table `table` from `sql` next to the datasets (a derived, disposable table such as a
   * cross-filter cube) and answers its row count — or undefined (and no table) when it holds more than
   * `maxRows`. Runs as a read: a new table changes no existing result, so neither other queries wait
   * nor the result cache is dropped.
   */
  materialize(table: string, sql: string, options: Pick<QueryOptions, 'signal' | 'priority'> & { maxRows?: number } = {}): Promise<number | undefined> {
    const name = quoteIdentifier(table);
    return this.scheduler.submit<number | undefined>({
      kind: 'read',
      priority: options.priority ?? 'low',
      signal: options.signal,
      run: async (conn, task) => {
        await this.runArrow(conn, `CREATE OR REPLACE TABLE ${name} AS ${stripTrailingSemicolons(sql)}`, task);
        const counted = convertTable(await this.runArrow(conn, `SELECT count(*)::DOUBLE AS n FROM ${name}`));
        const rows = Number(counted.rows[0]?.n ?? 0);
        if (task.cancelled || (options.maxRows !== undefined && rows > options.maxRows)) {
          await this.runArrow(conn, `DROP TABLE IF EXISTS ${name}`);
          return undefined;
        }
        return rows;
      },
    });
  }

  /** Drops derived tables made by materialize (never a dataset's table). */
  async dropDerived(tables: readonly string[]): Promise<void> {
    if (tables.length === 0) return;
    await this.scheduler.submit<void>({
      kind: 'read',
      priority: 'low',
      run: async (conn) => {
        for (const table of tables) await this.runArrow(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
      },
    });
  }

  /**
   * Runs SQL as a pending query (the same protocol as conn.send(), so cancelPendingQuery/cancelSent
   * can interrupt it) and returns the raw Arrow IPC stream: schema message, batches, end marker.
   * Working on bytes keeps us independent of DuckDB-wasm's own apache-arrow instance (in Node its
   * CJS copy differs from ours, and mixing their classes breaks).
   */
  private async runIPC(conn: AsyncDuckDBConnection, sql: string, task?: TaskHandle, atOnce = false): Promise<Uint8Array[]> {
    try {
      if (atOnce) return [await conn.useUnsafe((db, id) => db.runQuery(id, sql))];
      return await conn.useUnsafe(async (db, id) => {
        let header = await db.startPendingQuery(id, sql, false);
        while (header == null) {
          if (db.isDetached()) throw new Error('The DuckDB worker stopped.');
          header = await db.pollPendingQuery(id);
        }
        const chunks: Uint8Array[] = [header];
        for (;;) {
          const chunk = await db.fetchQueryResults(id);
          if (chunk == null) {
            // the engine was disposed while this ran: the worker answers nothing any more
            if (db.isDetached()) throw new Error('The DuckDB worker stopped.');
            continue;
          }
          if (chunk.length === 0) break;
          // Drained even when cancelled: a half-read result would confuse the connection's next query.
          if (!task?.cancelled) chunks.push(chunk);
        }
        chunks.push(IPC_END);
        return chunks;
      });
    } catch (error) {
      throw toQueryError(error, sql);
    }
  }

  private async runArrow(conn: AsyncDuckDBConnection, sql: string, task?: TaskHandle, atOnce = false): Promise<Table> {
    const chunks = await this.runIPC(conn, sql, task, atOnce);
    return tableFromIPC(chunks.length === 1 ? chunks[0] : concat(chunks));
  }

  tableNameOf(datasetId: string): string | undefined {
    return this.datasets.get(datasetId)?.view;
  }

  /** The internal table of a dataset (`ds_<id>`, unquoted), when it is registered. */
  internalTableOf(datasetId: string): string | undefined {
    return this.datasets.has(datasetId) ? datasetTableName(datasetId) : undefined;
  }

  // ---- export ---------------------------------------------------------------------------------

  /**
   * The result of `sql` as an Arrow IPC stream, in the chunks DuckDB produced them (schema, batches,
   * end marker) — never joined into one buffer, so a large snapshot is not held twice. `new Blob(chunks)`
   * is the stream file.
   */
  exportArrowChunks(sql: string, signal?: AbortSignal): Promise<Uint8Array[]> {
    const inner = stripTrailingSemicolons(sql);
    return this.scheduler.submit<Uint8Array[]>({ kind: 'read', priority: 'normal', signal, run: (conn, task) => this.runIPC(conn, inner, task) });
  }

  /**
   * The result of `sql` as file bytes. 'csv' (with header) and 'parquet' go through DuckDB's COPY
   * (Parquet needs DuckDB's parquet extension, which DuckDB-wasm 1.32 loads over the network);
   * 'arrow' is an Arrow IPC stream built here and needs nothing else — the snapshot format that
   * works offline, accepted by registerDataset.
   */
  copyQueryToFile(sql: string, format: ExportFormat, signal?: AbortSignal): Promise<Uint8Array> {
    const inner = stripTrailingSemicolons(sql);
    return this.scheduler.submit<Uint8Array>({
      kind: 'read',
      priority: 'normal',
      signal,
      run: async (conn, task) => {
        if (format === 'arrow') return concat(await this.runIPC(conn, inner, task));
        const db = conn.bindings;
        const dir = (await this.startup).tempDirectory;
        const file = `${dir ? `${dir}/` : ''}tessera_export_${Date.now()}_${this.fileCounter++}.${format}`;
        const options = format === 'csv' ? '(FORMAT csv, HEADER true)' : '(FORMAT parquet)';
        const copy = `COPY (${inner}) TO ${quoteLiteral(file)} ${options}`;
        try {
          await this.runArrow(conn, copy, task);
          return await db.copyFileToBuffer(file);
        } finally {
          await db.dropFile(file).catch(() => undefined);
        }
      },
    });
  }

  // ---- datasets -------------------------------------------------------------------------------

  /**
   * Loads a dataset snapshot into `ds_<id>` and exposes it as a view named after the dataset.
   * Accepts an Arrow IPC stream/file (works offline) or Parquet (needs the parquet extension).
   */
  async registerDataset(entry: { id: string; name: string; version: string }, data: Blob | Uint8Array): Promise<void> {
    const instance = await this.startup;
    const head = new Uint8Array(await (data instanceof Uint8Array ? data.subarray(0, 8) : data.slice(0, 8).arrayBuffer()));
    const isParquet = startsWith(head, PARQUET_MAGIC);
    const table = datasetTableName(entry.id);
    // insertArrowFromIPCStream does not quote its table name: load under a plain name, then rename.
    const loading = `tessera_loading_${this.fileCounter++}`;
    await this.datasetTask({
      kind: 'exclusive',
      priority: 'high',
      run: async (conn) => {
        const db = conn.bindings;
        try {
          await this.runArrow(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(loading)}`);
          if (isParquet) {
            const file = `tessera_ds_${entry.id}_${entry.version}_${this.fileCounter++}.parquet`;
            if (data instanceof Blob && instance.fileHandles !== false) {
              await db.registerFileHandle(file, data, DuckDBDataProtocol.BROWSER_FILEREADER, true);
            } else {
              const bytes = data instanceof Uint8Array ? data.slice() : new Uint8Array(await data.arrayBuffer());
              await db.registerFileBuffer(file, bytes);
            }
            try {
              await this.runArrow(conn, `CREATE TABLE ${quoteIdentifier(loading)} AS SELECT * FROM read_parquet(${quoteLiteral(file)})`);
            } finally {
              await db.dropFile(file).catch(() => undefined);
            }
          } else if (head.length >= 4) {
            // insertArrowFromIPCStream transfers (detaches) its buffer: always hand it a copy.
            let bytes: Uint8Array = data instanceof Uint8Array ? data.slice() : new Uint8Array(await data.arrayBuffer());
            if (startsWith(head, ARROW_FILE_MAGIC)) bytes = tableToIPC(tableFromIPC(bytes), 'stream');
            await conn.insertArrowFromIPCStream(bytes, { name: loading, create: true });
          } else {
            throw new Error('the snapshot is empty');
          }
          // Unreadable bytes can load "nothing" without an error: check before replacing anything.
          const loaded = await this.runArrow(conn, `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${quoteLiteral(loading)}`).catch(() => undefined);
          if (!loaded || Number(loaded.getChildAt(0)?.get(0) ?? 0) === 0) {
            throw new Error('the snapshot is not a readable Arrow or Parquet file');
          }
          // Swap atomically: a failure here leaves the earlier version in place.
          await this.runArrow(conn, 'BEGIN TRANSACTION');
          try {
            await this.runArrow(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
            await this.runArrow(conn, `ALTER TABLE ${quoteIdentifier(loading)} RENAME TO ${quoteIdentifier(table)}`);
            await this.runArrow(conn, 'COMMIT');
          } catch (error) {
            await this.runArrow(conn, 'ROLLBACK').catch(() => undefined);
            throw error;
          }
          await this.placeView(conn, entry.id, entry.name, entry.version);
        } catch (error) {
          await this.runArrow(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(loading)}`).catch(() => undefined);
          throw new QueryError(
            `Dataset "${entry.name}" could not be loaded into the engine: ${messageOf(error)}. Re-import the file or refresh the dataset.`,
            '',
          );
        } finally {
          this.invalidateCache();
        }
      },
    });
  }

  /**
   * Makes an existing table (an import's staging table, already holding exactly the snapshot's rows)
   * the dataset's table, without copying a row: rename to `ds_<id>` in one transaction, then place
   * the friendly view. The import pipeline uses it instead of re-loading the bytes it just stored.
   */
  async adoptTable(entry: { id: string; name: string; version: string }, tableName: string): Promise<void> {
    const table = datasetTableName(entry.id);
    await this.datasetTask({
      kind: 'exclusive',
      priority: 'high',
      run: async (conn) => {
        try {
          await this.runArrow(conn, 'BEGIN TRANSACTION');
          try {
            await this.runArrow(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
            await this.runArrow(conn, `ALTER TABLE ${quoteIdentifier(tableName)} RENAME TO ${quoteIdentifier(table)}`);
            await this.runArrow(conn, 'COMMIT');
          } catch (error) {
            await this.runArrow(conn, 'ROLLBACK').catch(() => undefined);
            throw error;
          }
          await this.placeView(conn, entry.id, entry.name, entry.version);
        } finally {
          this.invalidateCache();
        }
      },
    });
  }

  /** (Re)creates the dataset's friendly view; drops the old one when the name changes. */
  private async placeView(conn: AsyncDuckDBConnection, id: string, name: string, version: string): Promise<void> {
    const previous = this.datasets.get(id);
    const taken = new Set([...this.datasets].filter(([other]) => other !== id).map(([, d]) => d.view.toLowerCase()));
    const view = previous && previous.name === name ? previous.view : safeIdentifier(name, taken, this.reserved);
    if (previous && previous.view !== view) await this.runArrow(conn, `DROP VIEW IF EXISTS ${quoteIdentifier(previous.view)}`);
    await this.runArrow(conn, `CREATE OR REPLACE VIEW ${quoteIdentifier(view)} AS SELECT * FROM ${quoteIdentifier(datasetTableName(id))}`);
    this.datasets.set(id, { name, version, view });
  }

  async unregisterDataset(id: string): Promise<void> {
    await this.datasetTask({
      kind: 'exclusive',
      priority: 'high',
      run: async (conn) => {
        const previous = this.datasets.get(id);
        try {
          if (previous) await this.runArrow(conn, `DROP VIEW IF EXISTS ${quoteIdentifier(previous.view)}`);
          await this.runArrow(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(datasetTableName(id))}`);
        } finally {
          this.datasets.delete(id);
          this.invalidateCache();
        }
      },
    });
  }

  async renameDataset(id: string, name: string): Promise<void> {
    await this.datasetTask({
      kind: 'exclusive',
      priority: 'high',
      run: async (conn) => {
        const previous = this.datasets.get(id);
        if (!previous || previous.name === name) return;
        try {
          await this.placeView(conn, id, name, previous.version);
        } finally {
          this.invalidateCache();
        }
      },
    });
  }

  private async datasetTask(options: SubmitOptions<void>): Promise<void> {
    await this.scheduler.submit<void>(options);
    this.emitDatasets();
  }

  /** Stops the worker (tests, page teardown). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.fail(new QueryCancelledError('The data engine was closed.'));
    const instance = await this.startup.catch(() => undefined);
    if (instance) await instance.db.terminate();
  }
}
