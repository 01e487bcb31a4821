/**
 * The Top N filter as SQL: `field IN (SELECT field FROM … GROUP BY field ORDER BY <rank> DESC LIMIT n)`, where the rank is
 * a measure or an aggregated column. The subquery plans its own joins (the ranking field may live in a related dataset).
 */
import type { ColumnFieldRef, FieldRef } from '../workbook/schema';
import { isMeasureRef } from '../workbook/schema';
import { cast, fn, isNull, type Expr, type Query } from './ast';
import { compileMeasure } from './measure/compile';
import { MeasureError } from './measure/parse';
import { columnExpr, isNumericType, planJoins, resolveColumn, type ModelContext } from './model';
import { QueryCompileError } from './types';

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
  const { column } = resolveColumn(ctx, by, 'filters');
  const x = columnExpr(by);
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
  return { expr, datasets: [by.datasetId] };
}

/** `field IN (top/bottom n values of field by rank)`; ties broken by the value itself so the result is stable. */
export function topNExpr(ctx: ModelContext, p: { field: ColumnFieldRef; n: number; by: FieldRef; direction: 'top' | 'bottom' }): Expr {
  resolveColumn(ctx, p.field, 'filters');
  if (!Number.isInteger(p.n) || p.n < 1) throw new QueryCompileError(`A Top N filter needs N to be a whole number ≥ 1 (got ${String(p.n)}).`, p.field, 'filters');
  const rank = rankExpr(ctx, p.by);
  const plan = planJoins(ctx, [p.field.datasetId, ...rank.datasets], () => ({ field: p.field, role: 'filters' }));
  const x = columnExpr(p.field);
  const query: Query = {
    select: [{ expr: x }],
    from: plan.from,
    joins: plan.joins,
    where: isNull(x, true),
    groupBy: { kind: 'plain', exprs: [x] },
    orderBy: [{ expr: rank.expr, desc: p.direction === 'top', nulls: 'last' }, { expr: x }],
    limit: p.n,
  };
  return { type: 'inQuery', expr: x, query };
}
