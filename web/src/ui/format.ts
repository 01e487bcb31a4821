/**
 * Display formatting for grid cells and status text. Pure functions, locale-independent
 * (en-US grouping) so what tests and users see is the same everywhere.
 */

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC|INT\d+|FLOAT\d+)\b/i;
const INTEGER_TYPE = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT\d+)\b/i;
const TEMPORAL_TYPE = /^(DATE|TIME|TIMESTAMP|TIMESTAMPTZ|DATETIME)\b/i;

/** True for DuckDB numeric types (integers, floats, decimals): right-aligned in grids. */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type.trim());
}

export function isIntegerType(type: string): boolean {
  return INTEGER_TYPE.test(type.trim());
}

export function isTemporalType(type: string): boolean {
  return TEMPORAL_TYPE.test(type.trim());
}

/** The scale of a DECIMAL(p,s) type, if the type is one. */
export function decimalScale(type: string): number | undefined {
  const match = /^(?:DECIMAL|NUMERIC)\s*\(\s*\d+\s*,\s*(\d+)\s*\)/i.exec(type.trim());
  return match ? Number(match[1]) : undefined;
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormats = new Map<number, Intl.NumberFormat>();
const floatFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function fixedFormat(scale: number): Intl.NumberFormat {
  let format = decimalFormats.get(scale);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: scale, maximumFractionDigits: scale });
    decimalFormats.set(scale, format);
  }
  return format;
}

/** Thousands separators for an integer written as a string (BIGINTs beyond 2^53 arrive as strings). */
function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  return match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (match[3] ?? '');
}

/** A count as people read it: 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return integerFormat.format(value);
}

/** A number for a column of the given DuckDB type. */
export function formatNumber(value: number, type = 'DOUBLE'): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
  const scale = decimalScale(type);
  if (scale !== undefined) return fixedFormat(scale).format(value);
  if (isIntegerType(type)) return integerFormat.format(value);
  // Very large or very small magnitudes read better in exponent form.
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-6)) return value.toExponential(6).replace(/\.?0+e/, 'e');
  return floatFormat.format(value);
}

/**
 * A timestamp string from the engine ('2024-01-05T10:00:00.000Z' or '2024-01-05 10:00:00') shown as
 * '2024-01-05 10:00:00' (milliseconds kept only when not zero).
 */
export function formatTimestamp(text: string): string {
  const match = /^(\d{4,}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text);
  if (!match) return text;
  const fraction = match[3] && !/^\.0+$/.test(match[3]) ? match[3] : '';
  const zone = match[4] && match[4] !== 'Z' ? ` ${match[4]}` : '';
  return `${match[1]} ${match[2]}${fraction}${zone}`;
}

/** Text for one cell. `null`/`undefined` → 'null' (the grid styles it apart). */
export function formatCell(value: unknown, type: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return formatNumber(value, type);
  if (typeof value === 'bigint') return groupDigits(value.toString());
  if (typeof value === 'string') {
    if (isNumericType(type)) return groupDigits(value);
    if (isTemporalType(type)) return formatTimestamp(value);
    return value;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return formatTimestamp(value.toISOString());
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  } catch {
    return String(value);
  }
}

/** Bytes in binary units, one decimal: 12.3 MB, 1.2 GB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} B`;
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** "1 row" / "1,234 rows". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
