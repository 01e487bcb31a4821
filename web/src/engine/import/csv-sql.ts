/** The read_csv / sniff_csv SQL the pipeline runs (one place, so preview and commit read alike). */
import type { LocalEngine } from '../local-engine';
import { quoteLiteral } from '../identifiers';
import type { CsvDialect, PreviewColumn } from './types';

const EMPTY = '(empty)';

/** A dialect value from sniff_csv ('(empty)' means none). */
function sniffed(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text === EMPTY ? '' : text;
}

export interface SniffResult {
  dialect: CsvDialect;
  header: boolean;
  columns: PreviewColumn[];
}

export interface SniffOverrides {
  header?: boolean;
  delimiter?: string;
  quote?: string;
  escape?: string;
}

/** DuckDB's sniffer on a registered file, with the user's header/delimiter choices forced. */
export async function sniffCsv(engine: LocalEngine, file: string, overrides: SniffOverrides): Promise<SniffResult> {
  const args = [quoteLiteral(file)];
  if (overrides.header !== undefined) args.push(`header = ${overrides.header}`);
  if (overrides.delimiter !== undefined) args.push(`delim = ${quoteLiteral(overrides.delimiter)}`);
  if (overrides.quote !== undefined) args.push(`quote = ${quoteLiteral(overrides.quote)}`);
  if (overrides.escape !== undefined) args.push(`escape = ${quoteLiteral(overrides.escape)}`);
  const result = await engine.query(`SELECT * FROM sniff_csv(${args.join(', ')})`, { noCache: true, priority: 'high' });
  const row = result.rows[0];
  if (!row) throw new Error('the file holds no data');
  const columns = Array.isArray(row.Columns) ? (row.Columns as { name: unknown; type: unknown }[]) : [];
  const dialect: CsvDialect = {
    delimiter: sniffed(row.Delimiter) || overrides.delimiter || ',',
    quote: sniffed(row.Quote),
    escape: sniffed(row.Escape),
    newline: sniffed(row.NewLineDelimiter) || '\\n',
    skip: Number(row.SkipRows ?? 0) || 0,
    dateFormat: sniffed(row.DateFormat) || undefined,
    timestampFormat: sniffed(row.TimestampFormat) || undefined,
  };
  return {
    dialect,
    header: Boolean(row.HasHeader),
    columns: columns.map((c) => ({ name: String(c.name), sourceName: String(c.name), type: String(c.type) })),
  };
}

/** `read_csv(…)` with everything explicit (no sniffing): every value is converted to its column's type. */
export function readCsvSql(
  file: string,
  dialect: CsvDialect,
  options: { header: boolean; skip: number; columns: readonly (readonly [string, string])[] },
): string {
  const columns = options.columns.map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`).join(', ');
  const args = [
    quoteLiteral(file),
    'auto_detect = false',
    `header = ${options.header}`,
    `delim = ${quoteLiteral(dialect.delimiter)}`,
    `quote = ${quoteLiteral(dialect.quote)}`,
    `escape = ${quoteLiteral(dialect.escape)}`,
    `new_line = ${quoteLiteral(dialect.newline)}`,
    `skip = ${options.skip}`,
    `columns = {${columns}}`,
  ];
  if (dialect.dateFormat) args.push(`dateformat = ${quoteLiteral(dialect.dateFormat)}`);
  if (dialect.timestampFormat) args.push(`timestampformat = ${quoteLiteral(dialect.timestampFormat)}`);
  return `read_csv(${args.join(', ')})`;
}

/** The first `limit` rows as strings (every column VARCHAR: the preview never fails on a type). */
export async function previewCsvRows(
  engine: LocalEngine,
  file: string,
  dialect: CsvDialect,
  header: boolean,
  columns: readonly PreviewColumn[],
  limit = 100,
): Promise<unknown[][]> {
  const names = columns.map((c, i) => `c${i}`);
  const sql = `SELECT * FROM ${readCsvSql(file, dialect, { header, skip: dialect.skip, columns: names.map((n) => [n, 'VARCHAR'] as const) })} LIMIT ${limit}`;
  const result = await engine.query(sql, { noCache: true, priority: 'high' });
  return result.rows.map((row) => names.map((n) => row[n] ?? null));
}
