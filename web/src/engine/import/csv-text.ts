/**
 * JS values → CSV text (RFC 4180: ',' separated, '"' quoted, '""' inside quotes, '\n' rows), the
 * common form in which JSON, XLSX and Parquet rows reach DuckDB's CSV reader.
 * NULL is an empty unquoted field; every string is quoted so that "" stays an empty string.
 */

export const CONVERTED_DIALECT = { delimiter: ',', quote: '"', escape: '"', newline: '\\n', skip: 0 } as const;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A Date as DuckDB reads it: 'YYYY-MM-DD' at UTC midnight, else 'YYYY-MM-DD HH:MM:SS[.mmm]' (UTC). */
export function formatDateValue(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  const ms = date.getUTCMilliseconds();
  if (h === 0 && m === 0 && s === 0 && ms === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
}

/** A value as shown in the preview and written to CSV (without quoting); null for NULL. */
export function plainValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return formatDateValue(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

function field(value: unknown): string {
  const plain = plainValue(value);
  if (plain === null) return '';
  if (typeof plain === 'string') return `"${plain.replace(/"/g, '""')}"`;
  return String(plain);
}

/** One CSV line (with its '\n'). */
export function csvLine(values: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += field(values[i]);
  }
  return `${out}\n`;
}

/** Rows → a CSV Blob, built in slices so that large sources do not make one huge string. */
export function rowsToCsvBlob(rows: Iterable<readonly unknown[]>, header?: readonly string[]): Blob {
  const parts: string[] = [];
  let buffer = header ? csvLine(header) : '';
  for (const row of rows) {
    buffer += csvLine(row);
    if (buffer.length > 1 << 20) {
      parts.push(buffer);
      buffer = '';
    }
  }
  if (buffer) parts.push(buffer);
  return new Blob(parts, { type: 'text/csv' });
}
