import type { ColumnFieldRef, DatasetEntry, Filter, Scalar } from '../workbook/schema';
import { and, bin, cast, isNull, lit, not, or, type DateLevel, type Expr } from './ast';
import type { SqlDialect } from './dialects/base';
import { duckdb } from './dialects/duckdb';
import { fieldDatasets, resolveField } from './columns';
import { isBooleanType, isDateType, isNumericType, isTemporalType, isTextType, modelContext, type ModelContext } from './model';
import type { ContextCompiler } from './filter-flow';
import { filterToPredicate } from './filter-predicates';
import { topNExpr, withTopNContext } from './topn';
import { QueryCompileError, type Predicate } from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** Keys of a date shown at a hierarchy level (what a drilled visual publishes when clicked). */
const LEVEL_KEYS: [RegExp, DateLevel][] = [
  [/^\d{4}$/, 'year'],
  [/^\d{4} Q[1-4]$/, 'quarter'],
  [/^\d{4}-\d{2}$/, 'month'],
];

function levelOf(value: Scalar): DateLevel | undefined {
  if (typeof value !== 'string') return undefined;
  return LEVEL_KEYS.find(([re]) => re.test(value))?.[1];
}

/** A value as a literal of the column's type; a clear error when it cannot be one. */
export function typedValue(type: string, value: Scalar, ref: ColumnFieldRef): Expr {
  if (value === null) return lit(null);
  const bad = (what: string): never => {
    throw new QueryCompileError(`The filter value ${JSON.stringify(value)} is not ${what}, which the column "${ref.column}" holds. Change the filter value.`, ref);
  };
  if (isNumericType(type)) {
    if (typeof value === 'number') return Number.isFinite(value) ? lit(value) : bad('a finite number');
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return lit(Number(value));
    return bad('a number');
  }
  if (isTemporalType(type)) {
    const castTo = isDateType(type) ? 'DATE' : 'TIMESTAMP';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return bad('a date');
      const iso = new Date(value).toISOString();
      return { type: 'literal', value: castTo === 'DATE' ? iso.slice(0, 10) : iso.replace('T', ' ').replace('Z', ''), cast: castTo };
    }
    if (typeof value === 'string' && (ISO_DATE.test(value) || ISO_TIMESTAMP.test(value))) {
      return { type: 'literal', value: castTo === 'DATE' ? value.slice(0, 10) : value, cast: castTo };
    }
    return bad('a date (YYYY-MM-DD)');
  }
  if (isBooleanType(type)) {
    if (typeof value === 'boolean') return lit(value);
    if (value === 'true' || value === 'false') return lit(value === 'true');
    return bad('true or false');
  }
  return lit(typeof value === 'string' ? value : String(value));
}

/** `ILIKE` pattern with %, _ and \ escaped (escape character \). */
function likePattern(text: string, prefix: boolean, suffix: boolean): Expr {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return lit(`${prefix ? '%' : ''}${escaped}${suffix ? '%' : ''}`);
}

/** Datasets a predicate reads (a calculated column's RELATED tables included). */
export function predicateDatasets(ctx: ModelContext, p: Predicate): string[] {
  switch (p.kind) {
    case 'and':
    case 'or':
      return p.items.flatMap((i) => predicateDatasets(ctx, i));
    case 'not':
      return predicateDatasets(ctx, p.item);
    default:
      return fieldDatasets(ctx, p.field);
  }
}

function inPredicate(type: string, x: Expr, values: Scalar[], ref: ColumnFieldRef): Expr {
  const hasNull = values.includes(null);
  const parts: Expr[] = [];
  const plain: Expr[] = [];
  const byLevel = new Map<DateLevel, Expr[]>();
  for (const v of values) {
    if (v === null) continue;
    const level = isTemporalType(type) ? levelOf(v) : undefined;
    if (level) byLevel.set(level, [...(byLevel.get(level) ?? []), lit(v)]);
    else plain.push(typedValue(type, v, ref));
  }
  if (plain.length) parts.push({ type: 'in', expr: x, values: plain });
  for (const [level, keys] of byLevel) parts.push({ type: 'in', expr: { type: 'dateLevel', expr: x, level }, values: keys });
  if (hasNull) parts.push(isNull(x));
  return or(...parts);
}

/** Predicates of `ctx` as filter-flow.ts and topn.ts take them (they cannot import this module back). */
export const predicateCompiler = (ctx: ModelContext): ContextCompiler => ({ expr: (q) => predicateExpr(ctx, q), datasets: (q) => predicateDatasets(ctx, q) });

/** A predicate as a boolean AST expression over the dataset tables ("ds_<id>"."column"). */
export function predicateExpr(ctx: ModelContext, p: Predicate): Expr {
  if (p.kind === 'and' || p.kind === 'or') {
    const items = p.items.map((i) => predicateExpr(ctx, i));
    return p.kind === 'and' ? and(...items) : or(...items);
  }
  if (p.kind === 'not') return not(predicateExpr(ctx, p.item));
  return leafExpr(ctx, p as LeafPredicate);
}

type LeafPredicate = Exclude<Predicate, { kind: 'and' | 'or' } | { kind: 'not' }>;

function leafExpr(ctx: ModelContext, p: LeafPredicate): Expr {
  const { column, expr: x } = resolveField(ctx, p.field, 'filters');
  const type = column.type;
  switch (p.kind) {
    case 'in': {
      const match = inPredicate(type, x, p.values, p.field);
      if (!p.exclude) return match;
      // Excluding values keeps blanks unless blank itself is excluded.
      return p.values.includes(null) ? not(match) : or(isNull(x), not(match));
    }
    case 'range': {
      const lo = p.min === undefined || p.min === null ? undefined : bin('>=', x, typedValue(type, p.min, p.field));
      const hi = p.max === undefined || p.max === null ? undefined : bin('<=', x, typedValue(type, p.max, p.field));
      return and(lo, hi);
    }
    case 'compare': {
      const blank = isTextType(type) ? or(isNull(x), bin('=', x, lit(''))) : isNull(x);
      if (p.op === 'isBlank') return blank;
      if (p.op === 'isNotBlank') return not(blank);
      if (p.value === undefined || p.value === null) {
        if (p.op === 'eq') return isNull(x);
        if (p.op === 'ne') return isNull(x, true);
        throw new QueryCompileError(`The filter on "${p.field.column}" needs a value to compare with.`, p.field);
      }
      if (p.op === 'contains' || p.op === 'startsWith' || p.op === 'endsWith') {
        const text = String(p.value);
        const target = isTextType(type) ? x : cast(x, 'VARCHAR');
        return { type: 'ilike', expr: target, pattern: likePattern(text, p.op !== 'startsWith', p.op !== 'endsWith') };
      }
      const v = typedValue(type, p.value, p.field);
      const ops = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;
      const cmp = bin(ops[p.op], x, v);
      return p.op === 'ne' ? or(isNull(x), cmp) : cmp;
    }
    case 'relativeDate': {
      if (!isTemporalType(type)) {
        throw new QueryCompileError(`"${p.field.column}" is not a date column, so a relative date filter cannot apply to it.`, p.field);
      }
      if (!Number.isInteger(p.last) || p.last < 1) {
        throw new QueryCompileError(`A relative date filter needs a whole number of periods ≥ 1 (got ${String(p.last)}).`, p.field);
      }
      if (p.today !== undefined && !ISO_DATE.test(p.today)) {
        throw new QueryCompileError(`"today" must be a date as YYYY-MM-DD (got ${JSON.stringify(p.today)}).`, p.field);
      }
      const today: Expr = p.today === undefined ? { type: 'currentDate' } : { type: 'literal', value: p.today, cast: 'DATE' };
      const current: Expr = { type: 'dateTrunc', expr: today, unit: p.unit };
      const at = (n: number): Expr => (n === 0 ? current : { type: 'dateAdd', expr: current, n, unit: p.unit });
      // [start, end) in whole periods: last → ending with the current period (or before it); next → from it (or after it).
      const [from, to] = p.direction === 'next' ? (p.includeCurrent ? [0, p.last] : [1, p.last + 1]) : p.includeCurrent ? [-(p.last - 1), 1] : [-p.last, 0];
      return and(bin('>=', x, at(from)), bin('<', x, at(to)));
    }
    case 'topN':
      return topNExpr(ctx, p, predicateCompiler(ctx));
  }
}

/** A predicate as a SQL boolean expression (DuckDB by default) over the dataset tables "ds_<id>". */
export function compilePredicate(p: Predicate, datasets: DatasetEntry[], dialect: SqlDialect = duckdb): string {
  return dialect.expr(predicateExpr(modelContext(datasets), p));
}

/**
 * Workbook filters (pages, visuals) as predicates. Filters on measures are not predicates (they apply per visual) and are left out.
 * A Top N filter ranks within the other filters of the list (`withTopNContext`).
 */
export function filtersToPredicates(filters: Filter[]): Predicate[] {
  return withTopNContext(filters.map(filterToPredicate).filter((p): p is Predicate => p !== undefined));
}
