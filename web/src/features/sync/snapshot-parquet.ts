/**
 * Dataset snapshots cross the network as Parquet (DESIGN §5.1) but stay Arrow IPC in this browser:
 * DuckDB-wasm 1.32 cannot read or write Parquet offline (docs/ARCHITECTURE.md, "Departure"). The
 * conversion happens here, at the boundary, with the app's own Parquet writer (the one "Export as
 * Parquet" uses) and reader (the one the import pipeline uses), through real DuckDB tables.
 *
 * Column types on the way back come from the dataset's entry in the workbook (which travels in the
 * synced document): it says exactly what the snapshot held, also for columns sent as text to keep
 * their values exact (see exactSelect). A column the entry does not know keeps the type its Parquet
 * schema implies.
 */
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { DatasetColumn } from '@tessera/shared';
import type { LocalEngine } from '../../engine/local-engine';
import { quoteIdentifier } from '../../engine/identifiers';
import { readCsvSql } from '../../engine/import/csv-sql';
import { CONVERTED_DIALECT } from '../../engine/import/csv-text';
import { DuckFiles } from '../../engine/import/duck-files';
import { parquetPieces, readParquetInfo } from '../../engine/import/parquet-source';
import { exportQueryToParquet } from '../files/parquet-export';

/** Rows per piece read from Parquet and staged through DuckDB's CSV reader. */
const CHUNK_ROWS = 100_000;
const ARROW_FILE_MAGIC = 'ARROW1';

const scratchName = (what: string): string => `tessera_${what}_${Math.random().toString(36).slice(2, 12)}`;

/**
 * `SELECT` of every column of `table`, in order, with the columns whose values the Parquet writer
 * would not keep exactly sent as their text instead (the workbook's column types turn them back):
 * DECIMAL (the writer goes through a float: 15 significant digits), TIMESTAMP holding sub-millisecond
 * parts (the writer keeps milliseconds), DOUBLE holding NaN or ±Infinity (the reader drops them).
 */
async function exactSelect(engine: LocalEngine, table: string, signal?: AbortSignal): Promise<string> {
  const from = quoteIdentifier(table);
  const described = await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${from})`, { noCache: true, signal });
  const columns = described.rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type).toUpperCase() }));
  const checks = columns.map(({ name, type }) => {
    const column = quoteIdentifier(name);
    if (type.startsWith('DECIMAL')) return 'true';
    if (type === 'TIMESTAMP') return `coalesce(bool_or(epoch_us(${column}) % 1000 <> 0), false)`;
    if (type === 'DOUBLE' || type === 'FLOAT') return `coalesce(bool_or(NOT isfinite(${column})), false)`;
    return 'false';
  });
  const flags = await engine.query(`SELECT ${checks.map((check, i) => `${check} AS c${i}`).join(', ')} FROM ${from}`, { noCache: true, priority: 'low', signal });
  const asText = flags.rows[0] ?? {};
  const select = columns.map(({ name }, i) => (asText[`c${i}`] === true ? `CAST(${quoteIdentifier(name)} AS VARCHAR) AS ${quoteIdentifier(name)}` : quoteIdentifier(name)));
  return `SELECT ${select.join(', ')} FROM ${from}`;
}

/**
 * The stored Arrow snapshot of a dataset as Parquet bytes. When the engine already holds the dataset
 * at this very version (the open workbook), its table is read; otherwise the snapshot is loaded into
 * a scratch table for the conversion and dropped after.
 */
export async function snapshotToParquet(engine: LocalEngine, dataset: { id: string; version: string }, snapshot: Blob, signal?: AbortSignal): Promise<Uint8Array> {
  const registered = engine.datasetVersions.get(dataset.id) === dataset.version ? engine.internalTableOf(dataset.id) : undefined;
  if (registered) return exportQueryToParquet(engine, await exactSelect(engine, registered, signal), { signal });

  const db = await engine.duckdb();
  const conn = await db.connect();
  const table = scratchName('upload');
  try {
    let bytes: Uint8Array = new Uint8Array(await snapshot.arrayBuffer());
    // Arrow IPC file format (older snapshots): DuckDB takes the stream format only.
    if (new TextDecoder().decode(bytes.subarray(0, ARROW_FILE_MAGIC.length)) === ARROW_FILE_MAGIC) bytes = tableToIPC(tableFromIPC(bytes), 'stream');
    await conn.insertArrowFromIPCStream(bytes, { name: table, create: true });
    // Unreadable bytes can load nothing without an error.
    const loaded = await conn.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${table}'`);
    if (Number(loaded.getChildAt(0)?.get(0) ?? 0) === 0) throw new Error('the stored snapshot is not readable Arrow data');
    return await exportQueryToParquet(engine, await exactSelect(engine, table, signal), { signal });
  } finally {
    await conn.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`).catch(() => undefined);
    await conn.close().catch(() => undefined);
  }
}

/**
 * Parquet bytes from the server → the Arrow IPC snapshot this browser stores for the dataset:
 * hyparquet reads row ranges, DuckDB's CSV reader converts them into a table typed as the workbook's
 * entry says, and that table is written out the way an import writes its snapshot.
 */
export async function parquetToSnapshot(
  engine: LocalEngine,
  parquet: Blob,
  dataset: { name: string; columns: readonly DatasetColumn[] },
  options: { onProgress?: (fraction: number) => void; chunkRows?: number } = {},
): Promise<Blob> {
  const info = await readParquetInfo(parquet, `${dataset.name}.parquet`);
  const present = new Set(info.columns.map((c) => c.sourceName));
  const missing = dataset.columns.filter((c) => !present.has(c.name)).map((c) => `“${c.name}”`);
  if (missing.length > 0) {
    throw new Error(
      `The server copy of “${dataset.name}” lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} the workbook uses. Ask whoever shared it to share the workbook again.`,
    );
  }
  const declared = new Map(dataset.columns.map((c) => [c.name, c.type] as const));
  const columns = info.columns.map((c) => [c.sourceName, declared.get(c.sourceName) ?? c.type] as const);

  const files = new DuckFiles(await engine.duckdb());
  const staging = scratchName('download');
  try {
    await engine.exec(`CREATE TABLE ${quoteIdentifier(staging)} (${columns.map(([n, t]) => `${quoteIdentifier(n)} ${t}`).join(', ')})`);
    const { total, pieces } = parquetPieces(parquet, info, options.chunkRows ?? CHUNK_ROWS);
    for await (const piece of pieces) {
      const name = await files.register(piece.blob, 'csv');
      await engine.exec(`INSERT INTO ${quoteIdentifier(staging)} SELECT * FROM ${readCsvSql(name, CONVERTED_DIALECT, { header: false, skip: 0, columns })}`);
      await files.drop(name);
      options.onProgress?.(total > 0 ? piece.done / total : 1);
    }
    const chunks = await engine.exportArrowChunks(`SELECT * FROM ${quoteIdentifier(staging)}`);
    return new Blob(chunks as Uint8Array<ArrayBuffer>[]);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`).catch(() => undefined);
    await files.dropAll();
  }
}
