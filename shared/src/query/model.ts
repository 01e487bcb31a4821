import type { CalculatedColumn, DatasetEntry, Measure, Relationship, WorkbookSnapshot } from '../workbook/schema';
import type { VisualQueryInput } from './types';

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
/** DATE and every TIMESTAMP flavour: WITH TIME ZONE / TIMESTAMPTZ, and TIMESTAMP_NS, _MS, _S (from Parquet). */
export const isTemporalType = (t: string): boolean => /^(DATE|TIMESTAMP)(\b|_)/i.test(t.trim());
/**
 * TIMESTAMP WITH TIME ZONE. DuckDB-wasm runs without ICU (an extension it would download), and without it date parts,
 * strftime and epoch of such a column fail or wait on the download: fields read it as its UTC wall time (columns.ts).
 */
export const isZonedTimestampType = (t: string): boolean => /^(TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ)$/i.test(t.trim());
export const isDateType = (t: string): boolean => /^DATE$/i.test(t.trim());
export const isBooleanType = (t: string): boolean => /^(BOOLEAN|BOOL)$/i.test(t.trim());
export const isTextType = (t: string): boolean => /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR)\b/i.test(t.trim());

export function datasetLabel(ctx: ModelContext, id: string): string {
  return ctx.datasets.get(id)?.name ?? id;
}

/**
 * A relationship as a directed edge fact → dimension: each row of `child` (the "many" side) finds at most one row of
 * `parent`. `both`: its cross-filter direction is Both, so a filter on the child also filters the parent (a semi-join,
 * filter-flow.ts). The join keys are column names of each side, stored or calculated (joins.ts resolves them).
 */
export interface Edge {
  child: string;
  parent: string;
  childColumn: string;
  parentColumn: string;
  relationship: Relationship;
  both: boolean;
}

/** Relationships as directed edges fact → dimension (the direction a LEFT JOIN keeps fact rows). */
export function edgesOf(ctx: ModelContext): Edge[] {
  const edges: Edge[] = [];
  for (const r of ctx.relationships) {
    if (!r.active || !ctx.datasets.has(r.from.datasetId) || !ctx.datasets.has(r.to.datasetId)) continue;
    const both = r.crossFilter === 'both';
    const forward: Edge = { child: r.from.datasetId, parent: r.to.datasetId, childColumn: r.from.column, parentColumn: r.to.column, relationship: r, both };
    const backward: Edge = { child: r.to.datasetId, parent: r.from.datasetId, childColumn: r.to.column, parentColumn: r.from.column, relationship: r, both };
    if (r.cardinality === 'many-to-one') edges.push(forward);
    else if (r.cardinality === 'one-to-many') edges.push(backward);
    else if (r.cardinality === 'one-to-one') edges.push(forward, backward);
    // many-to-many would multiply rows: not traversed.
  }
  return edges;
}

/** Breadth-first reach from `root` along fact → dimension edges; `via` holds the edge that reached each dataset. */
export function reach(root: string, edges: Edge[]): { order: string[]; via: Map<string, Edge> } {
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

/** "Sales.store_id → Stores.store_id": how messages name a relationship (as the Model view lists it). */
export function relationshipName(ctx: ModelContext, r: Relationship): string {
  return `${datasetLabel(ctx, r.from.datasetId)}.${r.from.column} → ${datasetLabel(ctx, r.to.datasetId)}.${r.to.column}`;
}
