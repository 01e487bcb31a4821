/**
 * The Data view's per-column filters, sort and statistics compiled to DuckDB SQL. Pure: every
 * identifier is double-quoted (embedded `"` doubled), every value is either a validated number or
 * an escaped string literal, so no user input ever becomes SQL syntax.
 */
import type { GridSort } from '../../ui/grid-geometry';
import { isIntegerType, isNumericType } from '../../ui/format';
import { quoteIdent, quoteLiteral } from './sql-text';

export type FilterOp = 'contains' | 'eq' | 'gt' | 'lt' | 'between' | 'isNull' | 'notNull';

export interface ColumnFilter {
  column: string;
  op: FilterOp;
  /** the value (contains, =, >, <) or the lower bound (between) */
  value?: string;
  /** the upper bound (between) */
  value2?: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

/** Input the user can fix: the message says what is wrong and how to write it. */
export class FilterInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterInputError';
  }
}

export const FILTER_OPS: { op: FilterOp; label: string; values: 0 | 1 | 2 }[] = [
  { op: 'contains', label: 'contains', values: 1 },
  { op: 'eq', label: '=', values: 1 },
  { op: 'gt', label: '>', values: 1 },
  { op: 'lt', label: '<', values: 1 },
  { op: 'between', label: 'between', values: 2 },
  { op: 'isNull', label: 'is null', values: 0 },
  { op: 'notNull', label: 'is not null', values: 0 },
];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP_VALUE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const TIME_VALUE = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The literal for `raw` compared against a column of DuckDB type `type`. */
export function literalFor(raw: string, column: ColumnInfo): string {
  const value = raw.trim();
  const type = column.type.trim().toUpperCase();
  if (isNumericType(type)) {
    const pattern = isIntegerType(type) ? INTEGER : NUMBER;
    if (!pattern.test(value)) {
      throw new FilterInputError(`“${raw}” is not ${isIntegerType(type) ? 'a whole number' : 'a number'}; ${column.name} holds ${column.type} values (write e.g. ${isIntegerType(type) ? '42' : '42.5'}).`);
    }
    return value;
  }
  if (type === 'BOOLEAN' || type === 'BOOL') {
    if (/^(true|yes|1)$/i.test(value)) return 'TRUE';
    if (/^(false|no|0)$/i.test(value)) return 'FALSE';
    throw new FilterInputError(`“${raw}” is not a boolean; write true or false.`);
  }
  if (type === 'DATE') {
    if (!DATE_VALUE.test(value)) throw new FilterInputError(`“${raw}” is not a date; write it as YYYY-MM-DD (e.g. 2024-01-31).`);
    return `DATE ${quoteLiteral(value)}`;
  }
  if (type.startsWith('TIMESTAMP') || type === 'DATETIME') {
    if (!TIMESTAMP_VALUE.test(value)) throw new FilterInputError(`“${raw}” is not a timestamp; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS.`);
    const withZone = type.includes('TIME ZONE') || type === 'TIMESTAMPTZ';
    return `CAST(${quoteLiteral(value)} AS ${withZone ? 'TIMESTAMPTZ' : 'TIMESTAMP'})`;
  }
  if (type === 'TIME') {
    if (!TIME_VALUE.test(value)) throw new FilterInputError(`“${raw}” is not a time; write it as HH:MM or HH:MM:SS.`);
    return `TIME ${quoteLiteral(value)}`;
  }
  return quoteLiteral(raw);
}

function findColumn(name: string, columns: readonly ColumnInfo[]): ColumnInfo {
  const column = columns.find((candidate) => candidate.name === name);
  if (!column) throw new FilterInputError(`There is no column named “${name}” in this dataset any more; remove the filter.`);
  return column;
}

function requireValue(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new FilterInputError(`Enter ${what} for the filter.`);
  return value;
}

/** One filter as a boolean SQL expression. */
export function compileFilter(filter: ColumnFilter, columns: readonly ColumnInfo[]): string {
  const column = findColumn(filter.column, columns);
  const id = quoteIdent(column.name);
  switch (filter.op) {
    case 'isNull':
      return `${id} IS NULL`;
    case 'notNull':
      return `${id} IS NOT NULL`;
    case 'contains': {
      // contains() takes the text as is: no LIKE wildcards to escape.
      const text = requireValue(filter.value, 'the text to look for');
      return `contains(lower(CAST(${id} AS VARCHAR)), lower(${quoteLiteral(text)}))`;
    }
    case 'eq':
      return `${id} = ${literalFor(requireValue(filter.value, 'a value'), column)}`;
    case 'gt':
      return `${id} > ${literalFor(requireValue(filter.value, 'a value'), column)}`;
    case 'lt':
      return `${id} < ${literalFor(requireValue(filter.value, 'a value'), column)}`;
    case 'between': {
      const low = literalFor(requireValue(filter.value, 'the lower bound'), column);
      const high = literalFor(requireValue(filter.value2, 'the upper bound'), column);
      return `${id} BETWEEN ${low} AND ${high}`;
    }
    default: {
      const unknown: never = filter.op;
      throw new FilterInputError(`Unknown filter operator ${String(unknown)}.`);
    }
  }
}

/** `WHERE a AND b`, or '' without filters. */
export function compileWhere(filters: readonly ColumnFilter[], columns: readonly ColumnInfo[]): string {
  if (filters.length === 0) return '';
  return `WHERE ${filters.map((filter) => `(${compileFilter(filter, columns)})`).join(' AND ')}`;
}

export function compileOrderBy(sort: GridSort | null | undefined, columns: readonly ColumnInfo[]): string {
  if (!sort) return '';
  const column = findColumn(sort.column, columns);
  return `ORDER BY ${quoteIdent(column.name)} ${sort.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`;
}

export interface DatasetQuery {
  /** the table or view name, unquoted */
  table: string;
  columns: readonly ColumnInfo[];
  filters: readonly ColumnFilter[];
  sort?: GridSort | null;
}

function clause(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

/** One page of rows. */
export function pageSql(query: DatasetQuery, offset: number, limit: number): string {
  if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`bad page ${offset}/${limit}`);
  return clause(`SELECT * FROM ${quoteIdent(query.table)}`, compileWhere(query.filters, query.columns), compileOrderBy(query.sort, query.columns), `LIMIT ${limit} OFFSET ${offset}`);
}

/** The number of rows passing the filters, as column `n`. */
export function countSql(query: DatasetQuery): string {
  return clause(`SELECT count(*) AS n FROM ${quoteIdent(query.table)}`, compileWhere(query.filters, query.columns));
}

const NESTED_TYPE = /(\[\]|^STRUCT|^MAP|^UNION|^LIST|\[\d+\]$)/i;

/**
 * Statistics of one column over the filtered rows: rows, nulls, distinct, min, max.
 * `approximate` uses approx_count_distinct (HyperLogLog) — meant for big tables.
 */
export function statsSql(query: DatasetQuery, columnName: string, approximate: boolean): string {
  const column = findColumn(columnName, query.columns);
  const id = quoteIdent(column.name);
  const nested = NESTED_TYPE.test(column.type.trim());
  const distinct = nested ? 'NULL' : approximate ? `approx_count_distinct(${id})` : `count(DISTINCT ${id})`;
  const extreme = (fn: 'min' | 'max'): string => (nested ? 'NULL' : `${fn}(${id})`);
  return clause(
    `SELECT count(*) AS "rows", count(*) - count(${id}) AS "nulls", ${distinct} AS "distinct", ${extreme('min')} AS "min", ${extreme('max')} AS "max" FROM ${quoteIdent(query.table)}`,
    compileWhere(query.filters, query.columns),
  );
}

/** A short human description of a filter: `amount between 1 and 5`. */
export function describeFilter(filter: ColumnFilter): string {
  switch (filter.op) {
    case 'isNull':
      return `${filter.column} is null`;
    case 'notNull':
      return `${filter.column} is not null`;
    case 'between':
      return `${filter.column} between ${filter.value ?? ''} and ${filter.value2 ?? ''}`;
    case 'contains':
      return `${filter.column} contains “${filter.value ?? ''}”`;
    default:
      return `${filter.column} ${FILTER_OPS.find((entry) => entry.op === filter.op)?.label ?? filter.op} ${filter.value ?? ''}`;
  }
}
