/**
 * Export a query's rows as a Parquet file without any network extension: rows are read through the
 * engine in batches (LIMIT/OFFSET, low priority) and written with hyparquet-writer, one row group
 * per batch. Column types come from DuckDB's type names.
 */
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { Engine, ResultColumn } from '../../engine/types';

export type ParquetKind = 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'STRING' | 'DATE' | 'TIMESTAMP';

/** DuckDB type name (e.g. 'BIGINT', 'DECIMAL(18,3)', 'TIMESTAMP WITH TIME ZONE') → the Parquet column kind it is written as. */
export function parquetKindOf(duckType: string): ParquetKind {
  const t = duckType.trim().toUpperCase();
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT'].includes(t)) return 'INT32';
  if (['BIGINT', 'UINTEGER'].includes(t)) return 'INT64';
  if (['DOUBLE', 'FLOAT', 'REAL'].includes(t) || t.startsWith('DECIMAL') || t === 'HUGEINT' || t === 'UBIGINT') return 'DOUBLE';
  if (t === 'DATE') return 'DATE';
  if (t.startsWith('TIMESTAMP')) return 'TIMESTAMP';
  return 'STRING';
}

function schemaElement(name: string, kind: ParquetKind): SchemaElement {
  const repetition_type = 'OPTIONAL' as const;
  switch (kind) {
    case 'STRING':
      return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
    case 'DATE':
      return { name, type: 'INT32', converted_type: 'DATE', repetition_type };
    case 'TIMESTAMP':
      return { name, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type };
    default:
      return { name, type: kind, repetition_type };
  }
}

function fail(column: string, value: unknown, kind: ParquetKind): never {
  throw new Error(`Column “${column}” has the value ${JSON.stringify(value)}, which cannot be written as ${kind}.`);
}

/** A result value (see engine/types QueryResult) → the value hyparquet-writer expects for the kind. */
function convert(value: unknown, kind: ParquetKind, column: string): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : fail(column, value, kind);
    case 'INT32':
      return typeof value === 'number' ? value : fail(column, value, kind);
    case 'INT64':
      // big values arrive as decimal strings
      return typeof value === 'number' || typeof value === 'string' ? BigInt(value) : fail(column, value, kind);
    case 'DOUBLE':
      return typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : fail(column, value, kind);
    case 'DATE': {
      // 'YYYY-MM-DD' → days since the epoch
      const ms = typeof value === 'string' ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : NaN;
      return Number.isNaN(ms) ? fail(column, value, kind) : Math.floor(ms / 86_400_000);
    }
    case 'TIMESTAMP': {
      // naive timestamps come without a zone suffix: read them as UTC so the wall time is kept
      const text = typeof value === 'string' ? (/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`) : '';
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? fail(column, value, kind) : BigInt(ms);
    }
    case 'STRING':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export interface ParquetExportOptions {
  /** rows per query and per row group; default 50 000 */
  batchSize?: number;
  signal?: AbortSignal;
}

/**
 * Run `SELECT * FROM (<sql>)` in batches through the engine and return the rows as a Parquet file.
 * The SQL must be a single read query; its row order is kept.
 */
export async function exportQueryToParquet(engine: Pick<Engine, 'query'>, sql: string, options: ParquetExportOptions = {}): Promise<Uint8Array> {
  const batchSize = options.batchSize ?? 50_000;
  let columns: ResultColumn[] | undefined;
  let writer: ParquetWriter | undefined;
  const bytes = new ByteWriter();
  for (let offset = 0; ; offset += batchSize) {
    const result = await engine.query(`SELECT * FROM (${sql}) LIMIT ${batchSize} OFFSET ${offset}`, { priority: 'low', noCache: true, signal: options.signal });
    if (!columns) {
      columns = result.columns;
      const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c) => schemaElement(c.name, parquetKindOf(c.type)))];
      writer = new ParquetWriter({ writer: bytes, schema, createdBy: 'Tessera' });
    }
    if (result.rows.length > 0 && writer) {
      const columnData = columns.map((c) => {
        const kind = parquetKindOf(c.type);
        return { name: c.name, data: result.rows.map((row) => convert(row[c.name], kind, c.name)) };
      });
      await writer.write({ columnData, rowGroupSize: batchSize });
    }
    if (result.rows.length < batchSize) break;
  }
  if (!writer) throw new Error('The query returned no columns, so there is nothing to export.');
  await writer.finish();
  return new Uint8Array(bytes.getBuffer());
}
