/**
 * commitImport: file → staging table (every value converted to the chosen type, so every bad value
 * is found) → snapshot bytes → store → engine → workbook. Each step after staging is undone if a
 * later one fails or the user cancels, so a failed import leaves nothing behind.
 */
import type * as Y from 'yjs';
import { addDataset, uniqueDatasetName } from '@tessera/shared';
import type { LocalEngine } from '../local-engine';
import { quoteIdentifier } from '../identifiers';
import { readCsvSql } from './csv-sql';
import { DuckFiles } from './duck-files';
import { toImportError, type LineMapping } from './errors';
import { ndjsonPieces, readJsonRecords, recordsToCsv } from './json-source';
import { parquetPieces, readParquetInfo } from './parquet-source';
import { csvPieces, type PieceSource } from './pieces';
import { xlsxSheetCsv } from './xlsx-source';
import { ImportCancelledError, ImportError, type CommitOptions, type ImportPreview, type ImportResult, type ImportStore } from './types';

const DEFAULT_CHUNK_BYTES = 32 << 20;
const DEFAULT_CHUNK_ROWS = 100_000;
/** Share of the progress bar for reading + converting; the rest is snapshot, store and register. */
const READ_SHARE = 0.9;

const NO_LINES: LineMapping = { label: 'Line', map: () => undefined };

const HASH_BLOCK = 8 << 20;

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The snapshot's version: a content hash computable from the stored bytes alone — the SHA-256 of the
 * SHA-256 digests of its consecutive 8 MiB blocks (first 16 hex digits). Blocks are hashed
 * concurrently by the browser's native crypto, so a 600 MB snapshot does not cost a serial pass.
 */
export async function contentVersion(data: Uint8Array | Blob): Promise<string> {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
  const count = Math.max(1, Math.ceil(blob.size / HASH_BLOCK));
  const joined = new Uint8Array(count * 32);
  // A few blocks in flight at once: parallel native hashing without reading the whole blob into memory.
  const inFlight = 4;
  for (let first = 0; first < count; first += inFlight) {
    const wave = Array.from({ length: Math.min(inFlight, count - first) }, async (_, k) => {
      const i = first + k;
      const digest = await crypto.subtle.digest('SHA-256', await blob.slice(i * HASH_BLOCK, (i + 1) * HASH_BLOCK).arrayBuffer());
      joined.set(new Uint8Array(digest), i * 32);
    });
    await Promise.all(wave);
  }
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', joined)).slice(0, 8));
}

function newDatasetId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `ds_${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 16)}`;
}

export function defaultDatasetName(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]+$/, '').trim() || 'Dataset';
}

function checkColumns(preview: ImportPreview): void {
  const seen = new Set<string>();
  preview.columns.forEach((column, i) => {
    const name = column.name.trim();
    const hint = 'Give every column a distinct, non-empty name, then import again.';
    if (!name) throw new ImportError(`Column ${i + 1} has no name. ${hint}`, { column: column.sourceName, hint });
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ImportError(`Two columns are named "${name}". ${hint}`, { column: name, hint });
    seen.add(key);
    if (!column.type.trim()) throw new ImportError(`Column "${name}" has no type. Choose one, then import again.`, { column: name, hint: 'Choose a type.' });
  });
}

async function piecesFor(file: Blob, preview: ImportPreview, options: CommitOptions): Promise<PieceSource> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const header = preview.options.header;
  switch (preview.format) {
    case 'csv':
    case 'tsv':
      return csvPieces(file, preview.dialect, header, chunkBytes, 'Line');
    case 'xlsx': {
      const sheet = await xlsxSheetCsv(file, preview.fileName, preview.options.sheet);
      return csvPieces(sheet.blob, preview.dialect, header, chunkBytes, 'Row');
    }
    case 'json': {
      const records = await readJsonRecords(file, preview.fileName);
      const blob = recordsToCsv(records, preview.columns.map((c) => c.sourceName), true);
      return csvPieces(blob, preview.dialect, true, chunkBytes, 'Record', -1);
    }
    case 'ndjson':
      return ndjsonPieces(file, preview.columns.map((c) => c.sourceName), chunkBytes);
    case 'parquet': {
      const info = await readParquetInfo(file, preview.fileName);
      const wanted = preview.columns.map((c) => c.sourceName).join('\u0000');
      if (info.columns.map((c) => c.sourceName).join('\u0000') !== wanted) {
        throw new ImportError(`"${preview.fileName}" changed since its preview.`, { hint: 'Open the import again.' });
      }
      return parquetPieces(file, info, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    }
  }
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ImportCancelledError();
}

export async function commitImport(
  engine: LocalEngine,
  store: ImportStore,
  doc: Y.Doc,
  file: Blob,
  preview: ImportPreview,
  options: CommitOptions = {},
): Promise<ImportResult> {
  const { signal, onProgress } = options;
  const fileName = preview.fileName;
  checkColumns(preview);
  const columns = preview.columns.map((c) => [c.name.trim(), c.type.trim().toUpperCase()] as const);
  const files = new DuckFiles(await engine.duckdb());
  const staging = `tessera_staging_${Math.random().toString(36).slice(2, 12)}`;
  let mapping: LineMapping = NO_LINES;
  let saved: { id: string; version: string } | undefined;
  let registeredId: string | undefined;
  try {
    throwIfCancelled(signal);
    onProgress?.(0, 'reading');
    await engine.exec(`CREATE TABLE ${quoteIdentifier(staging)} (${columns.map(([n, t]) => `${quoteIdentifier(n)} ${t}`).join(', ')})`);

    const source = await piecesFor(file, preview, options);
    const iterator = source.pieces;
    // The next piece is prepared (read, cut, converted) while DuckDB stages the current one.
    let next = iterator.next();
    for (;;) {
      next.catch(() => undefined);
      const step = await next;
      if (step.done) break;
      const piece = step.value;
      next = iterator.next();
      throwIfCancelled(signal);
      if (piece.blob.size === 0) continue;
      mapping = piece.mapping;
      const name = await files.register(piece.blob, 'csv');
      const read = readCsvSql(name, preview.dialect, { header: piece.header, skip: piece.skip, columns });
      await engine.exec(`INSERT INTO ${quoteIdentifier(staging)} SELECT * FROM ${read}`, { signal });
      await files.drop(name);
      mapping = NO_LINES;
      onProgress?.(source.total > 0 ? (READ_SHARE * piece.done) / source.total : READ_SHARE, 'reading');
    }
    throwIfCancelled(signal);

    onProgress?.(READ_SHARE, 'saving');
    const counted = await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdentifier(staging)}`, { noCache: true, priority: 'high' });
    const rowCount = Number(counted.rows[0]?.n ?? 0);
    // Snapshot as an Arrow IPC stream: DuckDB-wasm 1.32 can only write Parquet with its parquet
    // extension, which it loads over the network; Arrow works offline (the store keeps it, and
    // registerDataset reloads it on the next open).
    const bytes = new Blob((await engine.exportArrowChunks(`SELECT * FROM ${quoteIdentifier(staging)}`, signal)) as Uint8Array<ArrayBuffer>[]);
    throwIfCancelled(signal);

    const name = uniqueDatasetName(doc, options.name?.trim() || defaultDatasetName(fileName));
    const id = newDatasetId();
    // Hashing and writing overlap: the store writes a temporary file while the version is computed.
    const hashing = contentVersion(bytes);
    hashing.catch(() => undefined);
    let version: string;
    try {
      await store.save(id, hashing, bytes);
      version = await hashing;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const hint = 'Free some space (delete datasets or workbooks you no longer need), then import again.';
      throw new ImportError(`"${name}" could not be saved on this device: ${detail.replace(/\.$/, '')}. ${hint}`, { hint }, { cause: error });
    }
    saved = { id, version };
    onProgress?.(READ_SHARE + (1 - READ_SHARE) / 2, 'saving');
    throwIfCancelled(signal);

    // The staging table holds exactly the stored rows: it becomes the dataset's table (no re-load).
    await engine.adoptTable({ id, name, version }, staging);
    registeredId = id;
    throwIfCancelled(signal);

    addDataset(doc, {
      id,
      name,
      source: { kind: 'file', fileName, format: preview.format, ...(preview.options.sheet !== undefined ? { sheet: preview.options.sheet } : {}) },
      columns: columns.map(([n, t]) => ({ name: n, type: t })),
      rowCount,
      version,
      refreshedAt: new Date().toISOString(),
    });
    onProgress?.(1, 'done');
    return { datasetId: id, name, rowCount, version };
  } catch (error) {
    if (registeredId) await engine.unregisterDataset(registeredId).catch(() => undefined);
    if (saved) await store.delete(saved.id, saved.version).catch(() => undefined);
    throw toImportError(error, mapping, fileName);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(staging)}`).catch(() => undefined);
    await files.dropAll();
  }
}
