import type { CalculatedColumn, ColumnFieldRef, DatasetEntry, Measure, Relationship, WorkbookSnapshot } from '../workbook/schema';
import { bin, col, type FromItem, type Join } from './ast';
import { QueryCompileError, type VisualQueryInput } from './types';

/** The model a query is compiled against: datasets by id and name, relationships, measures, calculated columns. */
export interface ModelContext {
  datasets: Map<string, DatasetEntry>;
  relationships: Relationship[];
  measures: Map<string, Measure>;
  /** The calculated columns of each dataset (by dataset id). */
  calculated: Map<string, CalculatedColumn[]>;
}

export function modelContext(datasets: DatasetEntry[], relationships: Relationship[] = [], measures: Measure[] = [], calculated: CalculatedColumn[] = []): ModelContext {
  const byDataset = new Map<string, CalculatedColumn[]>();
  for (const c of calculated) byDataset.set(c.datasetId, [...(byDataset.get(c.datasetId) ?? []), c]);
  return {
    datasets: new Map(datasets.map((d) => [d.id, d])),
    relationships,
    measures: new Map(measures.map((m) => [m.id, m])),
    calculated: byDataset,
  };
}

/** What a query is compiled against: a visual query input's datasets, relationships, measures and calculated columns. */
export type ModelInput = Pick<VisualQueryInput, 'datasets' | 'relationships' | 'measures' | 'calculatedColumns'>;

export const contextOf = (input: ModelInput): ModelContext => modelContext(input.datasets, input.relationships, input.measures, input.calculatedColumns);

/** The model parts of a workbook snapshot, as a visual query takes them. */
export const modelOfSnapshot = (snapshot: WorkbookSnapshot): Required<ModelInput> => ({
  datasets: Object.values(snapshot.datasets),
  relationships: Object.values(snapshot.model.relationships),
  measures: Object.values(snapshot.model.measures),
  calculatedColumns: Object.values(snapshot.model.columns),
});

/** The internal table that holds a dataset's rows (quoted by the printer). */
export const tableOf = (datasetId: string): string => `ds_${datasetId}`;

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|INT|INT1|INT2|INT4|INT8|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|FLOAT4|FLOAT8|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i;
export const isNumericType = (t: string): boolean => NUMERIC.test(t.trim());
/** DATE and TIMESTAMP (any precision / time zone): the types with a date hierarchy. */
export const isTemporalType = (t: string): boolean => /^(DATE|TIMESTAMP)\b/i.test(t.trim());
export const isDateType = (t: string): boolean => /^DATE$/i.test(t.trim());
export const isBooleanType = (t: string): boolean => /^(BOOLEAN|BOOL)$/i.test(t.trim());
export const isTextType = (t: string): boolean => /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR)\b/i.test(t.trim());

export function datasetLabel(ctx: ModelContext, id: string): string {
  return ctx.datasets.get(id)?.name ?? id;
}

interface Edge {
  child: string; // the "many" side: its rows each find at most one row on the parent side
  parent: string;
  childColumn: string;
  parentColumn: string;
}

/** Relationships as directed edges fact → dimension (the direction a LEFT JOIN keeps fact rows). */
function edgesOf(ctx: ModelContext): Edge[] {
  const edges: Edge[] = [];
  for (const r of ctx.relationships) {
    if (!r.active || !ctx.datasets.has(r.from.datasetId) || !ctx.datasets.has(r.to.datasetId)) continue;
    const forward: Edge = { child: r.from.datasetId, parent: r.to.datasetId, childColumn: r.from.column, parentColumn: r.to.column };
    const backward: Edge = { child: r.to.datasetId, parent: r.from.datasetId, childColumn: r.to.column, parentColumn: r.from.column };
    if (r.cardinality === 'many-to-one') edges.push(forward);
    else if (r.cardinality === 'one-to-many') edges.push(backward);
    else if (r.cardinality === 'one-to-one') edges.push(forward, backward);
    // many-to-many would multiply rows: not traversed.
  }
  return edges;
}

/** Breadth-first reach from `root` along fact → dimension edges; `via` holds the edge that reached each dataset. */
function reach(root: string, edges: Edge[]): { order: string[]; via: Map<string, Edge> } {
  const order = [root];
  const via = new Map<string, Edge>();
  for (let i = 0; i < order.length; i++) {
    for (const e of edges) {
      if (e.child !== order[i] || e.parent === root || via.has(e.parent)) continue;
      via.set(e.parent, e);
      order.push(e.parent);
    }
  }
  return { order, via };
}

/** The datasets `datasetId` reaches along active fact → dimension relationships (itself first), each with one row per row of it. */
export function reachableFrom(ctx: ModelContext, datasetId: string): string[] {
  return reach(datasetId, edgesOf(ctx)).order;
}

export interface JoinPlan {
  root: string;
  from: FromItem;
  joins: Join[];
  /** Datasets reachable from the root (filters on others do not apply to this visual). */
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
      joined.add(e.parent);
      joins.push({
        kind: 'LEFT',
        from: { type: 'table', name: tableOf(e.parent) },
        on: bin('=', col(e.childColumn, tableOf(e.child)), col(e.parentColumn, tableOf(e.parent))),
      });
    }
    return true;
  };
  for (const id of wanted) need(id);
  return { root, from: { type: 'table', name: tableOf(root) }, joins, reachable: new Set(order), need };
}
