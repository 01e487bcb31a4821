import { bin, col, lit, type Expr, type OrderItem, type Query, type SelectItem } from '../ast';
import { alias, sameRef, type FieldCollector, type Part } from './fields';

export const DEFAULT_LIMIT = 10_000;
export const INNER = '__q';
const TOP = '__top';
const SORT_KEY = '__sort';

export interface GroupedOptions {
  dims: Part[];
  measures: Part[];
  /** The dimension Top N ranks (usually the category). */
  primary?: Part;
  /** Order when the visual has no sort of its own. */
  defaultOrder: OrderItem[];
}

/** Ascending on each key (nulls last): the tie-breaker that makes every result order deterministic. */
export const ascBy = (parts: Part[]): OrderItem[] => parts.map((p) => ({ expr: alias(p.key), nulls: 'last' as const }));

export interface InnerQuery {
  /** The grouped query without ORDER/LIMIT (columns c0…, plus __sort when sorting by a hidden field). */
  query: Query;
  /** CTEs the inner query needs (Top N). */
  with: { name: string; query: Query }[];
  /** The order over the inner query's aliases. */
  order: OrderItem[];
}

/**
 * The common shape of charts: GROUP BY the dimensions, aggregate the measures, Top N through a CTE
 * ranking the primary dimension, sort by the visual's sort (or the type's default).
 */
export function groupedInner(fc: FieldCollector, opts: GroupedOptions): InnerQuery {
  const { visual } = fc;
  const extraSelect: SelectItem[] = [];
  let order = opts.defaultOrder;
  if (visual.sort) {
    const hit = fc.parts.find((p) => sameRef(p.field.ref, visual.sort!.field));
    const desc = visual.sort.direction === 'desc';
    if (hit) {
      order = [{ expr: alias(hit.key), desc, nulls: 'last' }];
    } else {
      const expr = opts.dims.length > 0 || opts.measures.length > 0 ? fc.extraMeasure(visual.sort.field, 'sort') : undefined;
      if (expr) {
        extraSelect.push({ expr, alias: SORT_KEY });
        order = [{ expr: col(SORT_KEY), desc, nulls: 'last' }];
      }
    }
    order = [...order, ...ascBy(opts.dims)];
  }
  const topN = visual.topN && opts.primary ? visual.topN : undefined;
  const byExpr = topN ? fc.extraMeasure(topN.by, 'topN') : undefined;
  const src = fc.source();
  const ctes: { name: string; query: Query }[] = [];
  const where: Expr[] = src.where ? [src.where] : [];
  if (topN && byExpr && opts.primary) {
    ctes.push({
      name: TOP,
      query: {
        select: [{ expr: opts.primary.expr, alias: 'k' }],
        from: src.from,
        joins: src.joins,
        ...(src.where ? { where: src.where } : {}),
        groupBy: { kind: 'plain', exprs: [opts.primary.expr] },
        orderBy: [
          { expr: byExpr, desc: topN.direction === 'top', nulls: 'last' },
          { expr: opts.primary.expr, nulls: 'last' },
        ],
        limit: topN.n,
      },
    });
    where.push({
      type: 'exists',
      query: { select: [{ expr: lit(1) }], from: { type: 'table', name: TOP }, where: bin('IS NOT DISTINCT FROM', col('k', TOP), opts.primary.expr) },
    });
  }
  const parts = [...opts.dims, ...opts.measures].sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)));
  const query: Query = {
    select: [...parts.map((p) => ({ expr: p.expr, alias: p.key })), ...extraSelect],
    from: src.from,
    joins: src.joins,
    ...(where.length ? { where: where.reduce((a, b) => bin('AND', a, b)) } : {}),
    groupBy: { kind: 'plain', exprs: opts.dims.map((d) => d.expr) },
  };
  return { query, with: ctes, order };
}

/** SELECT c0… FROM (inner) ORDER BY … LIMIT n: ordering by aliases outside, so they never clash with column names. */
export function finalQuery(fc: FieldCollector, inner: InnerQuery, limit = fc.input.limit ?? DEFAULT_LIMIT): Query {
  return {
    ...(inner.with.length ? { with: inner.with } : {}),
    select: fc.parts.map((p) => ({ expr: alias(p.key) })),
    from: { type: 'subquery', query: inner.query, alias: INNER },
    orderBy: inner.order,
    limit,
  };
}
