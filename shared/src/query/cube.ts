/**
 * Cross-filter data cubes (in the spirit of Mosaic's pre-aggregated indexes, Heer & Moritz 2023).
 *
 * A click in a source visual filters every other visual of the page by a predicate over a few "key"
 * expressions of the source (its category, or a date at the level it shows). Re-running each target
 * visual's aggregation over the whole fact table per click costs what the fact costs (~0.3–1 s on
 * 10M rows). Instead, for each (target visual, keys) pair we materialise once:
 *
 *   SELECT <target's group-by exprs> AS g0…, <keys> AS gK…, <partial aggregates> AS a0…
 *   FROM <target's joins> WHERE <every filter but the cross-filter> GROUP BY g0…gK
 *
 * and each click then runs the target's own query shape (Top N, % of total, grouping sets, M4, order
 * and limit all kept) over that small table: every dependent base SELECT reads the cube, its group-by
 * expressions become g columns, SUM/COUNT/MIN/MAX/AVG merge their partials, and the cross-filter
 * becomes a predicate over the key columns. A selection that reaches the visual along a "Both" relationship
 * (filter-flow.ts) sits in a semi-join `key IN (SELECT key … GROUP BY key)`: that subquery is the dependent SELECT
 * (its cube holds the many side's keys by selection key) and the visual's own SELECT keeps reading its table.
 *
 * The rewrite is done on the query AST and is conservative: anything it cannot prove equivalent
 * (median, distinct count, raw rows, sampling of base rows, a column that is neither a group key nor
 * inside a decomposable aggregate) makes it give up — the caller then runs the visual's own SQL.
 */
import type { Expr, OrderItem, Query } from './ast';
import { andOpt, cast, col, fn, lit } from './ast';
import type { SqlDialect } from './dialects/base';
import { duckdb } from './dialects/duckdb';
import { compileVisualAst } from './compile/visual';
import { columnExpr } from './columns';
import { contextOf, type ModelInput } from './model';
import { predicateExpr } from './predicate';
import type { Predicate, VisualQueryInput } from './types';
import type { ColumnFieldRef } from '../workbook/schema';
import type { DateLevel } from './ast';

/** Why a query cannot be served from a cube (internal: the planner answers null). */
class NotCubable extends Error {}

const DECOMPOSABLE = new Set(['SUM', 'COUNT', 'MIN', 'MAX', 'AVG']);
/** Aggregates whose partials cannot be merged: their presence in a dependent SELECT means "no cube". */
const HOLISTIC = new Set(['MEDIAN', 'QUANTILE', 'QUANTILE_CONT', 'QUANTILE_DISC', 'MODE', 'STRING_AGG', 'LIST', 'ARRAY_AGG', 'FIRST', 'LAST', 'ANY_VALUE', 'ARG_MIN', 'ARG_MAX', 'STDDEV', 'STDDEV_SAMP', 'STDDEV_POP', 'VARIANCE', 'VAR_SAMP', 'VAR_POP', 'APPROX_COUNT_DISTINCT', 'PRODUCT', 'BIT_AND', 'BIT_OR', 'BOOL_AND', 'BOOL_OR']);

const keyOf = (e: unknown): string => JSON.stringify(e);

/** The top-level AND terms of a boolean expression. */
function conjuncts(e: Expr | undefined): Expr[] {
  if (!e) return [];
  if (e.type === 'binary' && e.op === 'AND') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

/** `items` minus one occurrence of each of `remove` (by structure); undefined when one is missing. */
function without(items: Expr[], remove: Expr[]): Expr[] | undefined {
  const rest = [...items];
  for (const r of remove) {
    const k = keyOf(r);
    const i = rest.findIndex((x) => keyOf(x) === k);
    if (i < 0) return undefined;
    rest.splice(i, 1);
  }
  return rest;
}

/** Every query of the tree: the query, its CTEs, FROM/JOIN subqueries and subqueries in expressions. */
function forEachQuery(q: Query, visit: (q: Query) => void): void {
  visit(q);
  for (const w of q.with ?? []) forEachQuery(w.query, visit);
  if (q.from?.type === 'subquery') forEachQuery(q.from.query, visit);
  for (const j of q.joins ?? []) if (j.from.type === 'subquery') forEachQuery(j.from.query, visit);
  const exprs: Expr[] = [...q.select.map((s) => s.expr), ...(q.where ? [q.where] : []), ...(q.having ? [q.having] : []), ...(q.orderBy ?? []).map((o) => o.expr)];
  for (const e of exprs) forEachSubquery(e, (sub) => forEachQuery(sub, visit));
}

function forEachSubquery(e: Expr, visit: (q: Query) => void): void {
  mapExpr(e, (x) => {
    if (x.type === 'subquery' || x.type === 'exists' || x.type === 'inQuery') visit(x.query);
    return undefined;
  });
}

/**
 * Rebuilds an expression bottom-up: `f` may answer a replacement for a node (its children are then
 * not visited) or undefined to keep going into the children.
 */
function mapExpr(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const hit = f(e);
  if (hit) return hit;
  const m = (x: Expr): Expr => mapExpr(x, f);
  const mo = (o: OrderItem): OrderItem => ({ ...o, expr: m(o.expr) });
  switch (e.type) {
    case 'func':
      return { ...e, args: e.args.map(m) };
    case 'binary':
      return { ...e, left: m(e.left), right: m(e.right) };
    case 'not':
    case 'neg':
    case 'isNull':
    case 'cast':
    case 'dateAdd':
    case 'dateTrunc':
    case 'dateLevel':
    case 'quantile':
    case 'epoch':
      return { ...e, expr: m(e.expr) };
    case 'in':
      return { ...e, expr: m(e.expr), values: e.values.map(m) };
    case 'inQuery':
      return { ...e, expr: m(e.expr) };
    case 'ilike':
      return { ...e, expr: m(e.expr), pattern: m(e.pattern) };
    case 'case':
      return { ...e, whens: e.whens.map((w) => ({ when: m(w.when), then: m(w.then) })), ...(e.else ? { else: m(e.else) } : {}) };
    case 'window':
      return { ...e, func: m(e.func), ...(e.partitionBy ? { partitionBy: e.partitionBy.map(m) } : {}), ...(e.orderBy ? { orderBy: e.orderBy.map(mo) } : {}) };
    default:
      return e;
  }
}

/** What one cube holds: its build query and how the visual's query is rewritten over it. */
export interface CubePlan {
  /** The SELECT that materialises the cube (group keys g0…, partial aggregates a0…). */
  build: Query;
  buildSql: string;
  /** The base tables the cube reads (`ds_<id>`). */
  tables: string[];
  /**
   * The visual's query over the cube table `table` with the cross-filter `selection` (a predicate
   * over the same keys); null when the selection is not a predicate over those keys alone.
   */
  query(table: string, selection: Predicate): Query | null;
  sql(table: string, selection: Predicate, dialect?: SqlDialect): string | null;
}

/**
 * The key expression a click on `ref` filters by: the date hierarchy key at year/quarter/month
 * level (what a drilled visual publishes), else the column itself.
 */
export function crossFilterKey(model: ModelInput, ref: ColumnFieldRef, level?: DateLevel): Expr {
  const x = columnExpr(contextOf(model), ref);
  return level && level !== 'day' ? { type: 'dateLevel', expr: x, level } : x;
}

/** The expressions a cross-filter predicate tests (IN / IS NULL subjects); empty when it has other shapes. */
export function predicateKeys(input: ModelInput, selection: Predicate): Expr[] {
  const ctx = contextOf(input);
  const keys = new Map<string, Expr>();
  let ok = true;
  const walk = (e: Expr): void => {
    if (e.type === 'binary' && (e.op === 'AND' || e.op === 'OR')) {
      walk(e.left);
      walk(e.right);
    } else if (e.type === 'not') walk(e.expr);
    else if ((e.type === 'in' && e.values.every((v) => v.type === 'literal')) || e.type === 'isNull') keys.set(keyOf(e.expr), e.expr);
    else if (!(e.type === 'literal')) ok = false;
  };
  walk(predicateExpr(ctx, selection));
  return ok ? [...keys.values()] : [];
}

/**
 * Plans the cube of one target visual for cross-filters over `keys`. `input.filters` must hold the
 * cross-filter predicate `cross` (any values: it only marks where the selection goes); the cube is
 * built without it. Null when the visual does not depend on the selection or cannot use a cube.
 */
export function planCube(input: VisualQueryInput, cross: Predicate, keys: Expr[], dialect: SqlDialect = duckdb): CubePlan | null {
  if (keys.length === 0) return null;
  const ctx = contextOf(input);
  const { query } = compileVisualAst(input);
  const crossTerms = conjuncts(predicateExpr(ctx, cross));

  const cteNames = new Set<string>();
  forEachQuery(query, (q) => q.with?.forEach((w) => cteNames.add(w.name)));
  const isBaseSelect = (q: Query): boolean => q.from?.type === 'table' && !cteNames.has(q.from.name);
  const dependents: Query[] = [];
  forEachQuery(query, (q) => {
    if (isBaseSelect(q) && without(conjuncts(q.where), crossTerms)) dependents.push(q);
  });
  if (dependents.length === 0) return null;

  // every dependent SELECT reads the same tables; the filters they all share go into the cube
  const first = dependents[0];
  const sourceKey = keyOf([first.from, first.joins ?? []]);
  if (dependents.some((q) => keyOf([q.from, q.joins ?? []]) !== sourceKey || q.sample)) return null;
  let common = without(conjuncts(first.where), crossTerms)!;
  for (const q of dependents.slice(1)) {
    const rest = without(conjuncts(q.where), crossTerms)!;
    common = common.filter((c) => rest.some((r) => keyOf(r) === keyOf(c)));
  }
  // a shared filter that itself depends on the selection (a Top N ranked within the other filters)
  // cannot be baked into the cube
  for (const c of common) {
    let depends = false;
    forEachSubquery(c, (sub) => forEachQuery(sub, (q) => (depends ||= dependents.includes(q))));
    if (depends) return null;
  }
  const baseTables = new Set<string>();
  for (const item of [first.from!, ...(first.joins ?? []).map((j) => j.from)]) {
    if (item.type !== 'table') return null;
    baseTables.add(item.alias ?? item.name);
  }

  // group keys: the dependents' group-by expressions, then the cross-filter keys
  const dims = new Map<string, { expr: Expr; name: string }>();
  const addDim = (e: Expr): void => {
    if (!dims.has(keyOf(e))) dims.set(keyOf(e), { expr: e, name: `g${dims.size}` });
  };
  for (const q of dependents) {
    if (q.groupBy?.kind === 'plain') q.groupBy.exprs.forEach(addDim);
    else if (q.groupBy?.kind === 'groupingSets') q.groupBy.sets.flat().forEach(addDim);
  }
  keys.forEach(addDim);

  // partial aggregates, shared between identical calls
  const partials = new Map<string, { expr: Expr; name: string }>();
  const partial = (e: Expr): Expr => {
    const k = keyOf(e);
    if (!partials.has(k)) partials.set(k, { expr: e, name: `a${partials.size}` });
    return col(partials.get(k)!.name);
  };
  const merge = (e: Extract<Expr, { type: 'func' }>): Expr => {
    const name = e.name.toUpperCase();
    const arg = e.args[0] ?? { type: 'star' as const };
    switch (name) {
      case 'SUM':
        return fn('SUM', partial(e));
      case 'MIN':
      case 'MAX':
        return fn(name, partial(e));
      case 'COUNT':
        return cast(fn('COALESCE', fn('SUM', partial(e)), lit(0)), 'BIGINT');
      default: {
        // AVG = Σ sums / Σ counts
        const s = partial(fn('SUM', arg));
        const n = partial(fn('COUNT', arg));
        return { type: 'binary', op: '/', left: cast(fn('SUM', s), 'DOUBLE'), right: fn('NULLIF', cast(fn('SUM', n), 'DOUBLE'), lit(0)) };
      }
    }
  };

  /**
   * An expression of a dependent SELECT over the cube: group keys → g columns, aggregates → merged
   * partials (when `aggregates`), anything else that reads a base column → not cubable.
   */
  const rewrite = (e: Expr, aggregates: boolean, table: string, selection: Predicate): Expr =>
    mapExpr(e, (x) => {
      const dim = dims.get(keyOf(x));
      if (dim) return col(dim.name);
      switch (x.type) {
        case 'column':
          if (x.table === undefined || baseTables.has(x.table)) throw new NotCubable(`column ${x.name}`);
          return x;
        case 'star':
          throw new NotCubable('star');
        case 'quantile':
          throw new NotCubable('quantile');
        case 'func': {
          const name = x.name.toUpperCase();
          if (!aggregates) return undefined;
          if (HOLISTIC.has(name) || (x.distinct && DECOMPOSABLE.has(name))) throw new NotCubable(name);
          if (DECOMPOSABLE.has(name)) {
            if (x.args.length > 1) throw new NotCubable(name);
            return merge(x);
          }
          return undefined;
        }
        case 'window':
          // the window's own function runs over the grouped rows: only its arguments are aggregates
          return {
            ...x,
            func: x.func.type === 'func' ? { ...x.func, args: x.func.args.map((a) => rewrite(a, aggregates, table, selection)) } : rewrite(x.func, aggregates, table, selection),
            ...(x.partitionBy ? { partitionBy: x.partitionBy.map((p) => rewrite(p, aggregates, table, selection)) } : {}),
            ...(x.orderBy ? { orderBy: x.orderBy.map((o) => ({ ...o, expr: rewrite(o.expr, aggregates, table, selection) })) } : {}),
          };
        case 'subquery':
        case 'exists':
        case 'inQuery': {
          // a correlated subquery (Top N's EXISTS over its CTE): its references to the outer row are group keys
          const sub = rewriteQuery(x.query, table, selection, true);
          return x.type === 'inQuery' ? { ...x, expr: rewrite(x.expr, aggregates, table, selection), query: sub } : { ...x, query: sub };
        }
        default:
          return undefined;
      }
    });

  const selectionExpr = (selection: Predicate): Expr => {
    return mapExpr(predicateExpr(ctx, selection), (x) => {
      const dim = dims.get(keyOf(x));
      if (dim) return col(dim.name);
      // every column of a selection is a base column: one left over is not a key of this cube
      if (x.type === 'column') throw new NotCubable(`selection column ${x.name}`);
      return undefined;
    });
  };

  /** A query of the tree over the cube: dependent SELECTs rewritten, the others only searched for them. */
  const rewriteQuery = (q: Query, table: string, selection: Predicate, correlated: boolean): Query => {
    if (dependents.includes(q)) {
      const rest = without(conjuncts(q.where), [...crossTerms, ...common])!;
      const r = (e: Expr): Expr => rewrite(e, true, table, selection);
      return {
        ...q,
        ...(q.with ? { with: q.with.map((w) => ({ ...w, query: rewriteQuery(w.query, table, selection, false) })) } : {}),
        select: q.select.map((s) => ({ ...s, expr: r(s.expr) })),
        from: { type: 'table', name: table },
        joins: undefined,
        where: andOpt([selectionExpr(selection), ...rest.map(r)]),
        ...(q.groupBy ? { groupBy: q.groupBy.kind === 'plain' ? { kind: 'plain', exprs: q.groupBy.exprs.map(r) } : { kind: 'groupingSets', sets: q.groupBy.sets.map((s) => s.map(r)) } } : {}),
        ...(q.having ? { having: r(q.having) } : {}),
        ...(q.orderBy ? { orderBy: q.orderBy.map((o) => ({ ...o, expr: r(o.expr) })) } : {}),
      };
    }
    if (isBaseSelect(q) && correlated) throw new NotCubable('base subquery');
    // not dependent: its expressions only change when correlated to a dependent row (group keys)
    const e = (x: Expr): Expr => (correlated ? rewrite(x, false, table, selection) : mapExpr(x, (y) => (y.type === 'subquery' || y.type === 'exists' || y.type === 'inQuery' ? { ...y, query: rewriteQuery(y.query, table, selection, false) } : undefined)));
    return {
      ...q,
      ...(q.with ? { with: q.with.map((w) => ({ ...w, query: rewriteQuery(w.query, table, selection, false) })) } : {}),
      select: q.select.map((s) => ({ ...s, expr: e(s.expr) })),
      ...(q.from?.type === 'subquery' ? { from: { ...q.from, query: rewriteQuery(q.from.query, table, selection, false) } } : {}),
      ...(q.joins ? { joins: q.joins.map((j) => (j.from.type === 'subquery' ? { ...j, from: { ...j.from, query: rewriteQuery(j.from.query, table, selection, false) }, ...(j.on ? { on: e(j.on) } : {}) } : { ...j, ...(j.on ? { on: e(j.on) } : {}) })) } : {}),
      ...(q.where ? { where: e(q.where) } : {}),
      ...(q.having ? { having: e(q.having) } : {}),
      ...(q.orderBy ? { orderBy: q.orderBy.map((o) => ({ ...o, expr: e(o.expr) })) } : {}),
    };
  };

  // A dry run with the planning selection proves the whole tree rewrites (and collects the partials).
  try {
    rewriteQuery(query, '__cube', cross, false);
  } catch (error) {
    if (error instanceof NotCubable) return null;
    throw error;
  }
  const dimList = [...dims.values()];
  const build: Query = {
    select: [...dimList.map((d) => ({ expr: d.expr, alias: d.name })), ...[...partials.values()].map((p) => ({ expr: p.expr, alias: p.name }))],
    from: first.from,
    ...(first.joins?.length ? { joins: first.joins } : {}),
    ...(common.length ? { where: andOpt(common) } : {}),
    groupBy: { kind: 'plain', exprs: dimList.map((d) => d.expr) },
  };
  const over = (table: string, selection: Predicate): Query | null => {
    try {
      return rewriteQuery(query, table, selection, false);
    } catch (error) {
      if (error instanceof NotCubable) return null;
      throw error;
    }
  };
  return {
    build,
    buildSql: dialect.query(build),
    tables: [...baseTables],
    query: over,
    sql(table, selection, d = dialect) {
      const q = over(table, selection);
      return q ? d.query(q) : null;
    },
  };
}
