/**
 * Types of the import pipeline (file → preview → staging table → stored snapshot → dataset).
 * No React here: the UI (features/import) and the benchmarks call the same functions.
 */

export type ImportFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet' | 'xlsx';

/** The types offered in the preview; a sniffed type outside this list is kept and shown as well. */
export const IMPORT_COLUMN_TYPES = ['VARCHAR', 'BIGINT', 'INTEGER', 'DOUBLE', 'DECIMAL(18,3)', 'BOOLEAN', 'DATE', 'TIMESTAMP'] as const;

/** What the user may choose before the preview is (re)computed. */
export interface ImportOptions {
  /** First row holds the column names (CSV, TSV, XLSX). Sniffed when omitted. */
  header?: boolean;
  /** Field delimiter (CSV, TSV): ',', ';', '\t', '|'. Sniffed when omitted. */
  delimiter?: string;
  /** XLSX sheet name. The first sheet when omitted. */
  sheet?: string;
}

/** The CSV dialect DuckDB reads the (possibly converted) text with. */
export interface CsvDialect {
  delimiter: string;
  /** '' when the file uses no quoting */
  quote: string;
  /** '' when none */
  escape: string;
  /** '\n', '\r\n' or '\r' (as DuckDB's sniffer reports it) */
  newline: string;
  /** lines skipped before the header/first row */
  skip: number;
  dateFormat?: string;
  timestampFormat?: string;
}

/** Options after sniffing: what will actually be used. */
export interface ResolvedImportOptions {
  header: boolean;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

export interface PreviewColumn {
  /** Name the dataset column will get (the user may edit it). */
  name: string;
  /** DuckDB type the column will be converted to (the user may edit it). */
  type: string;
  /** Name in the file (or `column<n>` without a header row). */
  sourceName: string;
}

export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  options: ResolvedImportOptions;
  columns: PreviewColumn[];
  /** The first rows (≤ 100) as plain values, one array per row in column order. */
  rows: unknown[][];
  /** Rows in the file, when known without reading it all (Parquet, XLSX, JSON). */
  rowEstimate?: number;
  /** How the text is read by DuckDB (internal to the pipeline; kept so commit reads what preview showed). */
  dialect: CsvDialect;
}

export type ImportPhase = 'reading' | 'saving' | 'done';

export interface CommitOptions {
  /** Dataset name; the file name without extension when omitted. Made unique in the workbook. */
  name?: string;
  onProgress?: (fraction: number, phase: ImportPhase) => void;
  signal?: AbortSignal;
  /** Bytes (CSV/NDJSON) read per step; the unit of progress and of cancellation. Default 32 MiB. */
  chunkBytes?: number;
  /** Rows per step for Parquet. Default 100 000. */
  chunkRows?: number;
}

export interface ImportResult {
  datasetId: string;
  name: string;
  rowCount: number;
  version: string;
}

/**
 * Where snapshots go: the subset of DatasetStore (engine/storage/dataset-store.ts) that import uses.
 * Declared structurally so tests can pass an in-memory store.
 */
export interface ImportStore {
  save(id: string, version: string | PromiseLike<string>, data: Uint8Array | Blob): Promise<unknown>;
  delete(id: string, version?: string): Promise<unknown>;
}

/** A failure the user can fix: what is wrong, where, and what to do. */
export class ImportError extends Error {
  /** line (CSV/TSV/NDJSON), row (XLSX, Parquet) or record (JSON array) number, 1-based, as `lineLabel` says */
  readonly line?: number;
  readonly lineLabel?: 'Line' | 'Row' | 'Record';
  readonly column?: string;
  readonly value?: string;
  readonly hint: string;

  constructor(
    message: string,
    details: { line?: number; lineLabel?: 'Line' | 'Row' | 'Record'; column?: string; value?: string; hint: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImportError';
    this.line = details.line;
    this.lineLabel = details.lineLabel;
    this.column = details.column;
    this.value = details.value;
    this.hint = details.hint;
  }
}

/** The user cancelled; nothing was kept. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled. Nothing was imported.');
    this.name = 'ImportCancelledError';
  }
}
