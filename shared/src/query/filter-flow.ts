/**
 * How filters reach a query (Power BI's cross-filter direction). A query is planned from a base table joined to the
 * dimensions it reaches (joins.ts); a predicate on one of those applies through the joins — a filter on the one side
 * filters the many side, whatever the direction. A predicate on a dataset it does not reach applies only along
 * relationships whose cross-filter direction is Both: the many side's rows that pass it select the one side's keys,
 *
 *   <one side>.key IN (SELECT <many side>.key FROM <many side> [its joins] WHERE key IS NOT NULL AND <pred> GROUP BY key)
 *
 * chained along several Both relationships when the path needs it. Every predicate routed through the same many side
 * goes into the same subquery (the many side is filtered by all of them together, then filters the one side). A
 * predicate no route reaches is left out, as before. The subquery groups by its key so that a cross-filter cube
 * (cube.ts) can answer it from partial groups, or refuse it.
 */
import { and, isNull, type Expr, type Query } from './ast';
import { joinKey, planJoins, type JoinPlan } from './joins';
import { edgesOf, reach, type Edge, type ModelContext } from './model';
import type { Predicate } from './types';

/** How the predicate compiler compiles a predicate and tells the datasets it reads (predicate.ts supplies it; no import back). */
export interface ContextCompiler {
  expr: (p: Predicate) => Expr;
  datasets: (p: Predicate) => string[];
}

/** Predicates applied in one query context: directly, or through Both relationships into many sides it does not reach. */
interface Scope {
  direct: Predicate[];
  through: { edge: Edge; scope: Scope }[];
}

const emptyScope = (): Scope => ({ direct: [], through: [] });

/**
 * The shortest chain of Both relationships from a context that reaches `reachable` to one whose many side reaches every
 * dataset of `wanted` (each step: a Both edge whose one side the current context reaches and whose many side it does not).
 */
function routeTo(edges: Edge[], reachable: Set<string>, wanted: string[]): Edge[] | undefined {
  const seen = new Set<string>();
  let frontier = [{ reachable, path: [] as Edge[] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { reachable: r, path } of frontier) {
      for (const e of edges) {
        if (!e.both || !r.has(e.parent) || r.has(e.child) || seen.has(e.child)) continue;
        seen.add(e.child);
        const inner = new Set(reach(e.child, edges).order);
        const route = [...path, e];
        if (wanted.every((d) => inner.has(d))) return route;
        next.push({ reachable: inner, path: route });
      }
    }
    frontier = next;
  }
  return undefined;
}

/** The conditions of one scope over `plan` (whose joins grow with what they read). */
function conditions(ctx: ModelContext, plan: JoinPlan, scope: Scope, compile: ContextCompiler): Expr[] {
  const out: Expr[] = [];
  for (const p of scope.direct) {
    out.push(compile.expr(p));
    for (const d of compile.datasets(p)) plan.need(d);
  }
  for (const { edge, scope: inner } of scope.through) {
    plan.need(edge.parent);
    out.push(semiJoin(ctx, edge, inner, compile));
  }
  return out;
}

/** `<one side key> IN (SELECT <many side key> FROM <many side> … WHERE <its scope> GROUP BY <key>)`. */
function semiJoin(ctx: ModelContext, edge: Edge, scope: Scope, compile: ContextCompiler): Expr {
  const plan = planJoins(ctx, [edge.child]);
  const key = joinKey(ctx, edge, 'child');
  const where = and(isNull(key, true), ...conditions(ctx, plan, scope, compile));
  const query: Query = { select: [{ expr: key }], from: plan.from, joins: plan.joins, where, groupBy: { kind: 'plain', exprs: [key] } };
  return { type: 'inQuery', expr: joinKey(ctx, edge, 'parent'), query };
}

/**
 * The WHERE conditions `predicates` put on a query planned as `plan`: those on datasets it reaches as they are (joining
 * what they read), the others as semi-joins along Both relationships; a predicate no route reaches is left out.
 */
export function filterConditions(ctx: ModelContext, plan: JoinPlan, predicates: Predicate[], compile: ContextCompiler): Expr[] {
  const root = emptyScope();
  let edges: Edge[] | undefined;
  for (const p of predicates) {
    const ds = compile.datasets(p);
    if (ds.every((d) => plan.reachable.has(d))) {
      root.direct.push(p);
      continue;
    }
    edges ??= edgesOf(ctx);
    const route = routeTo(edges, plan.reachable, ds);
    if (!route) continue;
    let scope = root;
    for (const edge of route) {
      let step = scope.through.find((t) => t.edge === edge);
      if (!step) {
        step = { edge, scope: emptyScope() };
        scope.through.push(step);
      }
      scope = step.scope;
    }
    scope.direct.push(p);
  }
  return conditions(ctx, plan, root, compile);
}
