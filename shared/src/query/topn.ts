/**
 * The Top N filter as SQL: `field IN (SELECT field FROM … WHERE <context> GROUP BY field ORDER BY <rank> DESC LIMIT n)`,
 * where the rank is a measure or an aggregated column. The subquery plans its own joins (the ranking field may live in a
 * related dataset).
 *
 * As in Power BI, the ranking is evaluated in the filter context of the visual: "top 3 products by sales" on a page
 * filtered to region = West are West's top 3, not the global ones. That context is the predicate's `within` — the other
 * predicates of the list given to `withTopNContext`: `filtersToPredicates` passes the report, page and visual filters and
 * slicers; a cross-filter or drill predicate counts once the caller applies `withTopNContext` to the list with it. Other
 * Top N predicates are left out of it, so several Top N filters never depend on each other's order (nor recurse).
 */
import type { FieldRef } from '../workbook/schema';
import { isMeasureRef } from '../workbook/schema';
import { and, cast, fn, isNull, type Expr, type Query } from './ast';
import { compileMeasure } from './measure/compile';
import { MeasureError } from './measure/parse';
import { resolveField } from './columns';
import { filterConditions, type ContextCompiler } from './filter-flow';
import { planJoins } from './joins';
import { isNumericType, type ModelContext } from './model';
import { QueryCompileError, type Predicate } from './types';

/** A Top N predicate with the filter context it ranks in (absent → it ranks over every row). */
export type TopNPredicate = Extract<Predicate, { kind: 'topN' }> & { within?: Predicate[] };

const isTopN = (p: Predicate): p is TopNPredicate => p.kind === 'topN';

/**
 * The predicates of one visual with each Top N predicate given the others (but not Top N ones) as the context its ranking
 * runs in. Applying it again to a longer list (e.g. with a cross-filter added) recomputes the context from that list.
 */
export function withTopNContext(predicates: Predicate[]): Predicate[] {
  const context = predicates.filter((p) => !isTopN(p));
  if (context.length === predicates.length) return predicates;
  return predicates.map((p): Predicate => {
    if (!isTopN(p)) return p;
    const { within: _old, ...topN } = p;
    const ranked: TopNPredicate = context.length > 0 ? { ...topN, within: context } : topN;
    return ranked;
  });
}

/** The aggregate expression a Top N filter ranks by, and the datasets it reads. */
export function rankExpr(ctx: ModelContext, by: FieldRef): { expr: Expr; datasets: string[] } {
  if (isMeasureRef(by)) {
    const measure = ctx.measures.get(by.measureId);
    if (!measure) throw new QueryCompileError(`The Top N filter ranks by a measure that no longer exists ("${by.measureId}"). Pick another field to rank by.`, by, 'filters');
    try {
      const compiled = compileMeasure(ctx, measure);
      const datasets = compiled.datasets.size > 0 ? [...compiled.datasets] : [measure.datasetId];
      return { expr: compiled.expr, datasets };
    } catch (error) {
      if (error instanceof MeasureError) throw new QueryCompileError(`The Top N filter ranks by "${measure.name}", which has an error: ${error.message}`, by, 'filters');
      throw error;
    }
  }
  const { column, expr: x, datasets } = resolveField(ctx, by, 'filters');
  const numeric = isNumericType(column.type);
  const agg = by.aggregate && by.aggregate !== 'none' ? by.aggregate : numeric ? 'sum' : 'count';
  if ((agg === 'sum' || agg === 'avg' || agg === 'median') && !numeric) {
    throw new QueryCompileError(`The Top N filter cannot rank by the ${agg} of "${by.column}" (${column.type} values). Choose Count or a numeric field.`, by, 'filters');
  }
  let expr: Expr;
  if (agg === 'sum' || agg === 'avg') expr = cast(fn(agg.toUpperCase(), x), 'DOUBLE');
  else if (agg === 'median') expr = cast({ type: 'quantile', expr: x, q: 0.5 }, 'DOUBLE');
  else if (agg === 'distinctCount') expr = { type: 'func', name: 'COUNT', args: [x], distinct: true };
  else expr = fn(agg.toUpperCase(), x);
  return { expr, datasets };
}

/**
 * `field IN (top/bottom n values of field by rank)`; ties broken by the value itself so the result is stable. Context
 * predicates apply to the ranking query as filters apply to a visual (filter-flow.ts): through its joins, along Both
 * relationships, or not at all when it cannot reach them.
 */
export function topNExpr(ctx: ModelContext, p: TopNPredicate, compile: ContextCompiler): Expr {
  const field = resolveField(ctx, p.field, 'filters');
  if (!Number.isInteger(p.n) || p.n < 1) throw new QueryCompileError(`A Top N filter needs N to be a whole number ≥ 1 (got ${String(p.n)}).`, p.field, 'filters');
  const rank = rankExpr(ctx, p.by);
  const plan = planJoins(ctx, [...field.datasets, ...rank.datasets], () => ({ field: p.field, role: 'filters' }));
  const x = field.expr;
  const context = filterConditions(ctx, plan, (p.within ?? []).filter((q) => !isTopN(q)), compile);
  const query: Query = {
    select: [{ expr: x }],
    from: plan.from,
    joins: plan.joins,
    where: and(isNull(x, true), ...context),
    groupBy: { kind: 'plain', exprs: [x] },
    orderBy: [{ expr: rank.expr, desc: p.direction === 'top', nulls: 'last' }, { expr: x }],
    limit: p.n,
  };
  return { type: 'inQuery', expr: x, query };
}
