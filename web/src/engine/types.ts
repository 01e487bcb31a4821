/**
 * The contract between the local data engine (web/src/engine) and the rest of the web app.
 * UI code talks to the engine only through these types, obtained from React context
 * (`useEngine()` in engine/EngineProvider.tsx). Change this file only with every user of it.
 */

/** Lifecycle of the DuckDB-wasm worker, shown in the status bar. */
export type EngineStatus =
  | { state: 'starting' }
  | { state: 'ready'; bundle: 'eh' | 'mvp'; version: string }
  | { state: 'busy'; running: number; queued: number }
  | { state: 'error'; message: string };

export type QueryPriority = 'high' | 'normal' | 'low';

export interface QueryOptions {
  /** high: user-facing interaction; normal: visuals/grid pages; low: background (stats, prefetch). */
  priority?: QueryPriority;
  /**
   * Stale-drop group. When a new query is submitted with the same key, an older one with that key
   * that is still queued is dropped (its promise rejects with QueryCancelledError) and a running one
   * is cancelled when the engine can do so. Typical keys: `grid:<datasetId>`, `visual:<visualId>`.
   */
  key?: string;
  /** Aborting rejects the promise with QueryCancelledError and cancels the query if it runs. */
  signal?: AbortSignal;
  /** Skip the result cache (SQL Lab runs always execute). Default false. */
  noCache?: boolean;
  /**
   * Run in ONE round trip to the DuckDB worker (DuckDB-wasm's runQuery) instead of the pending-query
   * protocol (start, poll, fetch each batch, end: a trip each, and each waits for a busy main thread).
   * Such a query cannot be interrupted once it has started, so only for small, quick queries: those
   * over a cross-filter cube. Default false.
   */
  atOnce?: boolean;
}

/** A column of a result, with DuckDB's type name (e.g. 'BIGINT', 'VARCHAR', 'DATE', 'DECIMAL(18,3)'). */
export interface ResultColumn {
  name: string;
  type: string;
}

/**
 * A query result with JS-friendly values: BIGINT/HUGEINT → number when it is a safe integer, else
 * string; DECIMAL → number; DATE → 'YYYY-MM-DD'; TIMESTAMP → ISO string; BLOB → '<n bytes>';
 * LIST/STRUCT → JSON-compatible values; NULL → null.
 */
export interface QueryResult {
  columns: ResultColumn[];
  rows: Record<string, unknown>[];
  /** wall time from start of execution to rows ready, ms */
  elapsedMs: number;
  fromCache: boolean;
}

export class QueryCancelledError extends Error {
  constructor(message = 'Query cancelled') {
    super(message);
    this.name = 'QueryCancelledError';
  }
}

/** A DuckDB error with its message as DuckDB said it, plus the character offset into the SQL when known. */
export class QueryError extends Error {
  constructor(
    message: string,
    public readonly sql: string,
    /** 0-based character offset into `sql` where DuckDB points ("LINE 1: ... ^"), if it says so */
    public readonly position?: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** The one query coordinator of a tab: owns the DuckDB-wasm worker. */
export interface Engine {
  readonly status: EngineStatus;
  subscribe(listener: (status: EngineStatus) => void): () => void;
  /** Resolves when DuckDB is instantiated (rejects if it cannot start). */
  ready(): Promise<void>;
  /** Run a read query through the queue and the cache. */
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Run a statement that changes the catalog (CREATE/DROP/COPY …); bypasses and clears the cache. */
  exec(sql: string, options?: Pick<QueryOptions, 'signal' | 'priority'>): Promise<void>;
  /**
   * Names the table/view a dataset is queried by in SQL Lab (the dataset's name made a safe
   * identifier, unique among datasets). Internal table: `ds_<datasetId>`.
   */
  tableNameOf(datasetId: string): string | undefined;
}
