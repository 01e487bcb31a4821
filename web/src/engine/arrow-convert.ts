/**
 * Arrow → JS-friendly values (see QueryResult in types.ts). Runs column by column: one converter per
 * column chosen from its Arrow type, so the per-value cost is a single function call.
 */
import { DataType, Type, type Field, type Table, type Vector } from 'apache-arrow';
import type { ResultColumn } from './types';

type Convert = (value: unknown) => unknown;

const identity: Convert = (value) => value;

/** A bigint → number when it is a safe integer, else its decimal string. */
export function bigintToJs(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** Arrow's Decimal value (little-endian 32-bit words, two's complement) → bigint of the unscaled value. */
function decimalWordsToBigInt(words: Uint32Array): bigint {
  let result = 0n;
  for (let i = words.length - 1; i >= 0; i--) result = (result << 32n) | BigInt(words[i]);
  const bits = BigInt(words.length * 32);
  if (words.length > 0 && words[words.length - 1] & 0x80000000) result -= 1n << bits;
  return result;
}

function pad(value: number | bigint, width: number): string {
  return String(value).padStart(width, '0');
}

/** epoch milliseconds → 'YYYY-MM-DD' (UTC, which is how DuckDB's DATE maps to Arrow). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** epoch milliseconds → ISO 8601; a naive TIMESTAMP has no zone suffix, a TIMESTAMPTZ ends in 'Z'. */
export function formatTimestamp(ms: number, withZone: boolean): string {
  const iso = new Date(ms).toISOString();
  return withZone ? iso : iso.slice(0, -1);
}

function timeUnitDivisor(unit: number): bigint {
  // TimeUnit: SECOND 0, MILLISECOND 1, MICROSECOND 2, NANOSECOND 3
  return [1n, 1_000n, 1_000_000n, 1_000_000_000n][unit] ?? 1n;
}

function toMs(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : Number(value);
}

function converterFor(type: DataType): Convert {
  switch (type.typeId) {
    case Type.Int:
    case Type.Int64:
    case Type.Uint64:
      return (value) => (typeof value === 'bigint' ? bigintToJs(value) : value);
    case Type.Decimal: {
      const { scale } = type as unknown as { scale: number };
      return (value) => {
        const unscaled = decimalWordsToBigInt(value as Uint32Array);
        if (scale === 0) return bigintToJs(unscaled);
        const divisor = 10n ** BigInt(scale);
        const whole = unscaled / divisor;
        const fraction = unscaled % divisor;
        return Number(whole) + Number(fraction) / Number(divisor);
      };
    }
    case Type.Date:
    case Type.DateDay:
    case Type.DateMillisecond:
      return (value) => formatDate(toMs(value));
    case Type.Timestamp:
    case Type.TimestampSecond:
    case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond:
    case Type.TimestampNanosecond: {
      const withZone = Boolean((type as unknown as { timezone?: string | null }).timezone);
      return (value) => formatTimestamp(toMs(value), withZone);
    }
    case Type.Time:
    case Type.TimeSecond:
    case Type.TimeMillisecond:
    case Type.TimeMicrosecond:
    case Type.TimeNanosecond: {
      const divisor = timeUnitDivisor((type as unknown as { unit: number }).unit);
      return (value) => {
        const ticks = typeof value === 'bigint' ? value : BigInt(Math.round(Number(value)));
        const totalSeconds = ticks / divisor;
        const rest = ticks % divisor;
        const hms = `${pad(totalSeconds / 3600n, 2)}:${pad((totalSeconds / 60n) % 60n, 2)}:${pad(totalSeconds % 60n, 2)}`;
        return rest === 0n ? hms : `${hms}.${pad(rest, String(divisor).length - 1).replace(/0+$/, '')}`;
      };
    }
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return (value) => `<${(value as Uint8Array).length} bytes>`;
    case Type.List:
    case Type.FixedSizeList: {
      const child = converterFor(type.children[0].type);
      return (value) => Array.from(value as Iterable<unknown>, (item) => (item == null ? null : child(item)));
    }
    case Type.Struct: {
      const children = type.children.map((field: Field) => [field.name, converterFor(field.type)] as const);
      return (value) => {
        const row = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [name, convert] of children) {
          const item = row[name];
          out[name] = item == null ? null : convert(item);
        }
        return out;
      };
    }
    case Type.Map: {
      const [keyField, valueField] = type.children[0].type.children as Field[];
      const key = converterFor(keyField.type);
      const val = converterFor(valueField.type);
      return (value) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of (value as Map<unknown, unknown>).entries()) out[String(key(k))] = v == null ? null : val(v);
        return out;
      };
    }
    case Type.Interval:
      return (value) => String(value);
    default:
      return identity;
  }
}

/** DuckDB's name for an Arrow type as DuckDB-wasm produces it (HUGEINT arrives as DECIMAL(38,0)). */
export function duckdbTypeName(type: DataType): string {
  switch (type.typeId) {
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      const base = ({ 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' } as Record<number, string>)[bitWidth] ?? 'BIGINT';
      return isSigned ? base : `U${base}`;
    }
    case Type.Float: {
      const { precision } = type as unknown as { precision: number };
      return precision === 2 ? 'DOUBLE' : 'FLOAT';
    }
    case Type.Decimal: {
      const { precision, scale } = type as unknown as { precision: number; scale: number };
      return `DECIMAL(${precision},${scale})`;
    }
    case Type.Utf8:
    case Type.LargeUtf8:
      return 'VARCHAR';
    case Type.Bool:
      return 'BOOLEAN';
    case Type.Date:
      return 'DATE';
    case Type.Timestamp:
      return (type as unknown as { timezone?: string | null }).timezone ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP';
    case Type.Time:
      return 'TIME';
    case Type.Interval:
      return 'INTERVAL';
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return 'BLOB';
    case Type.List:
      return `${duckdbTypeName(type.children[0].type)}[]`;
    case Type.FixedSizeList:
      return `${duckdbTypeName(type.children[0].type)}[${(type as unknown as { listSize: number }).listSize}]`;
    case Type.Struct:
      return `STRUCT(${type.children.map((f: Field) => `${f.name} ${duckdbTypeName(f.type)}`).join(', ')})`;
    case Type.Map: {
      const [k, v] = type.children[0].type.children as Field[];
      return `MAP(${duckdbTypeName(k.type)}, ${duckdbTypeName(v.type)})`;
    }
    case Type.Null:
      return 'NULL';
    default:
      return String(type).toUpperCase();
  }
}

/** Column names made unique (a repeated name gets `_2`, `_3` …) so rows can be keyed by name. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate); n++) candidate = `${name}_${n}`;
    seen.add(candidate);
    return candidate;
  });
}

export function convertTable(table: Table): { columns: ResultColumn[]; rows: Record<string, unknown>[] } {
  const fields = table.schema.fields;
  const names = uniqueNames(fields.map((f) => f.name));
  const columns = fields.map((f, i) => ({ name: names[i], type: duckdbTypeName(f.type) }));
  const rowCount = table.numRows;
  const rows: Record<string, unknown>[] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) rows[r] = {};
  fields.forEach((field, c) => {
    const vector = table.getChildAt(c) as Vector | null;
    if (!vector) return;
    const convert = converterFor(field.type);
    const name = names[c];
    let r = 0;
    for (const value of vector) {
      rows[r][name] = value == null ? null : convert(value);
      r++;
    }
  });
  return { columns, rows };
}
