/**
 * Join planning: the base (fact) table of a query and the LEFT JOINs fact → dimension that reach the datasets its fields
 * read. A relationship's keys resolve through columns.ts like any field, so a relationship may join on a calculated
 * column (its expression over its own table); a key that cannot be a join key is a QueryCompileError naming the
 * relationship, never broken SQL.
 */
import type { CalculatedColumn, ColumnFieldRef } from '../workbook/schema';
import { bin, type Expr, type FromItem, type Join, type Query } from './ast';
import { compileCalculatedColumn } from './calc/compile';
import { resolveField, type ResolvedField } from './columns';
import { datasetLabel, edgesOf, reach, relationshipName, tableOf, type Edge, type ModelContext } from './model';
import { QueryCompileError } from './types';

/**
 * The SQL of one end of a relationship as a join key: a stored column, or a calculated column computed from its own
 * table's columns (one that reads another table through RELATED would need that table joined before its own).
 */
export function joinKey(ctx: ModelContext, e: Edge, side: 'child' | 'parent'): Expr {
  const datasetId = side === 'child' ? e.child : e.parent;
  const column = side === 'child' ? e.childColumn : e.parentColumn;
  const name = relationshipName(ctx, e.relationship);
  const dataset = ctx.datasets.get(datasetId);
  const known = dataset?.columns.some((c) => c.name === column) || (ctx.calculated.get(datasetId) ?? []).some((c) => c.name === column);
  if (!dataset || !known) {
    throw new QueryCompileError(
      `The relationship ${name} joins on "${column}", which "${datasetLabel(ctx, datasetId)}" no longer has (it may have been renamed or removed). Edit or delete the relationship in the Model view.`,
    );
  }
  let key: ResolvedField;
  try {
    key = resolveField(ctx, { datasetId, column });
  } catch (error) {
    if (!(error instanceof QueryCompileError)) throw error;
    throw new QueryCompileError(`The relationship ${name} cannot join: ${error.message}`);
  }
  const others = key.datasets.filter((d) => d !== datasetId);
  if (others.length > 0) {
    throw new QueryCompileError(
      `The relationship ${name} joins on the calculated column "${column}", which reads ${others.map((d) => `"${datasetLabel(ctx, d)}"`).join(', ')} through RELATED: ` +
        `a join key must be computed from the columns of its own table. Compute "${column}" without RELATED, or relate a stored column of "${dataset.name}" instead, in the Model view.`,
    );
  }
  return key.expr;
}

export interface JoinPlan {
  root: string;
  from: FromItem;
  joins: Join[];
  /** Datasets reachable from the root: filters on them apply through the joins; others only along "Both" relationships (filter-flow.ts). */
  reachable: Set<string>;
  /** Adds the joins needed to reach `datasetId` (already reachable), returns false when it cannot be reached. */
  need(datasetId: string): boolean;
}

/**
 * Picks the base (fact) table from which every dataset the visual's fields use is reachable along
 * many-to-one relationships, and joins dimensions with LEFT JOIN (fact rows are never lost).
 */
export function planJoins(ctx: ModelContext, required: string[], blame?: (datasetId: string) => { field?: ColumnFieldRef; role?: string }): JoinPlan {
  const wanted = [...new Set(required)];
  if (wanted.length === 0) throw new QueryCompileError('The visual has no fields yet. Drag a field into one of its wells.');
  const edges = edgesOf(ctx);
  const candidates = [...wanted, ...[...ctx.datasets.keys()].filter((id) => !wanted.includes(id))];
  let best: { root: string; order: string[]; via: Map<string, Edge>; missing: string[] } | undefined;
  for (const root of candidates) {
    const r = reach(root, edges);
    const missing = wanted.filter((id) => !r.order.includes(id));
    if (!best || missing.length < best.missing.length) best = { root, ...r, missing };
    if (missing.length === 0) break;
  }
  if (!best) throw new QueryCompileError('The visual uses no dataset of this workbook.');
  if (best.missing.length > 0) {
    const other = best.missing[0];
    const base = wanted.find((id) => id !== other && best.order.includes(id)) ?? best.root;
    const at = blame?.(other) ?? {};
    throw new QueryCompileError(
      `"${datasetLabel(ctx, other)}" and "${datasetLabel(ctx, base)}" are not connected by a relationship, so their fields cannot be used in one visual. ` +
        `Relate them in the Model view: click "New relationship" and join a column of the table with many rows per value to a unique column of the other (Many to one), or remove one of the fields.`,
      at.field,
      at.role,
    );
  }
  const { root, order, via } = best;
  const joined = new Set<string>([root]);
  const joins: Join[] = [];
  const need = (id: string): boolean => {
    if (!order.includes(id)) return false;
    const path: Edge[] = [];
    for (let cur = id; !joined.has(cur); ) {
      const e = via.get(cur);
      if (!e) return false;
      path.unshift(e);
      cur = e.child;
    }
    for (const e of path) {
      if (joined.has(e.parent)) continue;
      const on = bin('=', joinKey(ctx, e, 'child'), joinKey(ctx, e, 'parent'));
      joined.add(e.parent);
      joins.push({ kind: 'LEFT', from: { type: 'table', name: tableOf(e.parent) }, on });
    }
    return true;
  };
  for (const id of wanted) need(id);
  return { root, from: { type: 'table', name: tableOf(root) }, joins, reachable: new Set(order), need };
}

/** A column field with the FROM and JOINs that read it alone (its dataset, joined to what its calculated column reads). */
export function fieldSource(ctx: ModelContext, ref: ColumnFieldRef): { field: ResolvedField; from: FromItem; joins: Join[] } {
  const field = resolveField(ctx, ref);
  const plan = planJoins(ctx, field.datasets, () => ({ field: ref }));
  return { field, from: plan.from, joins: plan.joins };
}

/**
 * `SELECT <the column> AS "value" FROM <its table, joined to the tables it reads>`: what the engine describes to give
 * the column its type when it is saved, and runs to check that every row evaluates.
 */
export function calculatedColumnQuery(ctx: ModelContext, calc: CalculatedColumn): Query {
  const compiled = compileCalculatedColumn(ctx, calc);
  const plan = planJoins(ctx, [calc.datasetId, ...compiled.related]);
  return { select: [{ expr: compiled.expr, alias: 'value' }], from: plan.from, joins: plan.joins };
}
