/**
 * Parquet → rows with hyparquet (pure JS: DuckDB-wasm 1.32 loads its parquet extension over the
 * network, which an offline app cannot rely on) → CSV with the column types taken from the schema.
 */
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { rowsToCsvBlob } from './csv-text';
import type { PieceSource, StagePiece } from './pieces';
import { ImportError, type PreviewColumn } from './types';

function asyncBuffer(file: Blob): AsyncBuffer {
  return { byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() };
}

/** DuckDB type for a Parquet column (nested and unknown types are read as JSON text). */
export function duckTypeOf(element: SchemaElement, nested: boolean): string {
  if (nested) return 'VARCHAR';
  const logical = element.logical_type;
  if (logical?.type === 'DECIMAL') return `DECIMAL(${logical.precision},${logical.scale})`;
  if (element.converted_type === 'DECIMAL' && element.precision) return `DECIMAL(${element.precision},${element.scale ?? 0})`;
  if (logical?.type === 'DATE' || element.converted_type === 'DATE') return 'DATE';
  if (logical?.type === 'TIMESTAMP' || element.converted_type === 'TIMESTAMP_MILLIS' || element.converted_type === 'TIMESTAMP_MICROS') return 'TIMESTAMP';
  if (logical?.type === 'TIME') return 'TIME';
  if (logical?.type === 'INTEGER') {
    if (logical.bitWidth <= 16) return logical.isSigned ? 'SMALLINT' : 'INTEGER';
    if (logical.bitWidth <= 32) return logical.isSigned ? 'INTEGER' : 'BIGINT';
    return logical.isSigned ? 'BIGINT' : 'UBIGINT';
  }
  switch (element.type) {
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'INT32':
      return 'INTEGER';
    case 'INT64':
      return 'BIGINT';
    case 'INT96':
      return 'TIMESTAMP';
    case 'FLOAT':
      return 'FLOAT';
    case 'DOUBLE':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

export interface ParquetInfo {
  metadata: FileMetaData;
  columns: PreviewColumn[];
  rowCount: number;
}

export async function readParquetInfo(file: Blob, fileName: string): Promise<ParquetInfo> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(asyncBuffer(file));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`"${fileName}" could not be read as Parquet: ${detail}.`, {
      hint: 'Check that the file is complete (not cut off by a download), then import again.',
    }, { cause: error });
  }
  const tree = parquetSchema(metadata);
  const columns = tree.children.map((child) => ({
    name: child.element.name,
    sourceName: child.element.name,
    type: duckTypeOf(child.element, child.children.length > 0),
  }));
  return { metadata, columns, rowCount: Number(metadata.num_rows) };
}

async function readRows(file: Blob, info: ParquetInfo, rowStart: number, rowEnd: number): Promise<unknown[][]> {
  const names = info.columns.map((c) => c.sourceName);
  const objects = await parquetReadObjects({ file: asyncBuffer(file), metadata: info.metadata, compressors, rowStart, rowEnd, columns: names });
  return objects.map((o) => names.map((n) => (o as Record<string, unknown>)[n]));
}

export function parquetPreviewRows(file: Blob, info: ParquetInfo, limit = 100): Promise<unknown[][]> {
  return readRows(file, info, 0, Math.min(limit, info.rowCount));
}

/** Row ranges of `chunkRows` as header-less CSV; DuckDB's line n of a piece is row rowStart + n. */
export function parquetPieces(file: Blob, info: ParquetInfo, chunkRows: number): PieceSource {
  async function* generate(): AsyncGenerator<StagePiece> {
    for (let rowStart = 0; rowStart < info.rowCount; rowStart += chunkRows) {
      const rowEnd = Math.min(info.rowCount, rowStart + chunkRows);
      const rows = await readRows(file, info, rowStart, rowEnd);
      yield {
        blob: rowsToCsvBlob(rows),
        header: false,
        skip: 0,
        done: rowEnd,
        mapping: { label: 'Row', map: (line) => rowStart + line },
      };
    }
  }
  return { total: info.rowCount, pieces: generate() };
}
