/**
 * The checks of a relationship that need the data, run as aggregate queries through the engine: whether a column's
 * values are unique (the "one" side of Many to one / One to one must be, or joins would repeat rows), and Autodetect,
 * which relates same-named columns of compatible types where exactly one side is unique. The checks that need only the
 * model (tables, columns, types, duplicates) are shared's `relationshipProblem`, which the commands enforce.
 */
import {
  duckdb,
  fieldSource,
  joinableTypes,
  modelContext,
  type CalculatedColumn,
  type Cardinality,
  type ColumnRef,
  type DatasetEntry,
  type ModelContext,
  type Relationship,
} from '@tessera/shared';
import type { Engine } from '../../engine/types';
import { formatCount, pluralize } from '../../ui/format';
import { CARDINALITY_LABELS, columnLabel, relationshipLabel } from './relationship-labels';

/** All a check needs of the engine. */
export type QueryEngine = Pick<Engine, 'query'>;

export interface Uniqueness {
  /** Rows with a value (blanks are left out: a blank key matches no row on the other side). */
  values: number;
  /** How many distinct values appear more than once … */
  duplicateValues: number;
  /** … and how many rows they add beyond the first of each. */
  duplicateRows: number;
  /** Up to three of the repeated values as text, most repeated first. */
  examples: string[];
}

/** What the checks read of the model: the datasets, and the relationships and calculated columns a key may use. */
export interface CheckModel {
  datasets: readonly DatasetEntry[];
  relationships?: readonly Relationship[];
  calculated?: readonly CalculatedColumn[];
}

export const checkContext = (model: CheckModel): ModelContext =>
  modelContext([...model.datasets], [...(model.relationships ?? [])], [], [...(model.calculated ?? [])]);

/**
 * One row of counts over the column's values grouped in DuckDB (never the values themselves, bar three examples). The
 * column is read as every field is (query/columns.ts): a calculated column is its expression, over the tables it reads.
 */
export function uniquenessSql(ctx: ModelContext, ref: ColumnRef): string {
  const { field, from, joins } = fieldSource(ctx, ref);
  const values = duckdb.query({ select: [{ expr: field.expr, alias: 'v' }], from, joins });
  return (
    `SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS "values", CAST(count(*) FILTER (WHERE n > 1) AS BIGINT) AS "duplicateValues", ` +
    `CAST(coalesce(sum(n - 1), 0) AS BIGINT) AS "duplicateRows", ` +
    `(list(CAST(v AS VARCHAR) ORDER BY n DESC, v) FILTER (WHERE n > 1))[1:3] AS "examples" ` +
    `FROM (SELECT v, count(*) AS n FROM (${values}) WHERE v IS NOT NULL GROUP BY 1)`
  );
}

export async function columnUniqueness(engine: QueryEngine, ctx: ModelContext, ref: ColumnRef, signal?: AbortSignal): Promise<Uniqueness> {
  const { rows } = await engine.query(uniquenessSql(ctx, ref), { priority: 'high', signal });
  const row = rows[0] ?? {};
  return {
    values: Number(row.values ?? 0),
    duplicateValues: Number(row.duplicateValues ?? 0),
    duplicateRows: Number(row.duplicateRows ?? 0),
    examples: Array.isArray(row.examples) ? row.examples.map(String) : [],
  };
}

/** The ends whose values must be unique for a cardinality. */
export function oneSides(cardinality: Cardinality): ('from' | 'to')[] {
  if (cardinality === 'many-to-one') return ['to'];
  if (cardinality === 'one-to-many') return ['from'];
  if (cardinality === 'one-to-one') return ['from', 'to'];
  return [];
}

export interface RelationshipDraft {
  from: ColumnRef;
  to: ColumnRef;
  cardinality: Cardinality;
}

export type CardinalityCheck =
  | { ok: true }
  /** `fix`: a draft that would pass, offered as a button ("Swap sides", "Use Many to one"). */
  | { ok: false; message: string; fix?: { label: string; draft: RelationshipDraft } };

const nameKey = (name: string): string => name.trim().toLocaleLowerCase();
const quoted = (values: string[]): string => values.map((v) => `“${v}”`).join(', ');

/**
 * Whether the draft's "one" side(s) hold unique values. When they do not, the message says how many values repeat and
 * what to do; where the other side is unique (the sides were chosen the wrong way round, as Power BI notices), the
 * fix swaps them.
 */
export async function checkCardinality(engine: QueryEngine, model: CheckModel, draft: RelationshipDraft, signal?: AbortSignal): Promise<CardinalityCheck> {
  const sides = oneSides(draft.cardinality);
  if (sides.length === 0) return { ok: true };
  const { datasets } = model;
  const ctx = checkContext(model);
  const [from, to] = await Promise.all([columnUniqueness(engine, ctx, draft.from, signal), columnUniqueness(engine, ctx, draft.to, signal)]);
  const unique = { from: from.duplicateValues === 0, to: to.duplicateValues === 0 };
  const bad = sides.find((side) => !unique[side]);
  if (!bad) return { ok: true };
  const stats = bad === 'from' ? from : to;
  const label = columnLabel(datasets, draft[bad]);
  const repeated =
    `${label} must have unique values on the “one” side of ${CARDINALITY_LABELS[draft.cardinality]}, but ` +
    `${stats.duplicateValues === 1 ? '1 of its values appears' : `${formatCount(stats.duplicateValues)} of its values appear`} more than once ` +
    `(${quoted(stats.examples)}${stats.duplicateValues > stats.examples.length ? ' …' : ''}; ${pluralize(stats.duplicateRows, 'duplicate row')}).`;
  const other = bad === 'from' ? 'to' : 'from';
  if (unique[other]) {
    const otherLabel = columnLabel(datasets, draft[other]);
    if (draft.cardinality === 'one-to-one') {
      const fix = { label: 'Use Many to one', draft: { from: draft[bad], to: draft[other], cardinality: 'many-to-one' as const } };
      return { ok: false, message: `${repeated} ${otherLabel} is unique: make it Many to one from ${label} to ${otherLabel}, or choose “Many to many”.`, fix };
    }
    const fix = { label: 'Swap sides', draft: { ...draft, from: draft.to, to: draft.from } };
    return { ok: false, message: `${repeated} ${otherLabel} is unique, so the sides look swapped: swap them, or choose “Many to many”.`, fix };
  }
  return { ok: false, message: `${repeated} Choose “Many to many”, or another column whose values are unique.` };
}

export interface DetectedRelationship {
  /** The non-unique (fact) side … */
  from: ColumnRef;
  /** … and the unique (dimension) side: Many to one. */
  to: ColumnRef;
  /** Inactive when the two tables were already connected through active relationships (a second path would be ambiguous). */
  active: boolean;
}

/**
 * Autodetect: for each two datasets not yet related, the first pair of columns with the same name (case-insensitive)
 * and compatible types where exactly one side has unique values (and has values), as Many to one from the other side.
 */
export async function detectRelationships(
  engine: QueryEngine,
  model: { datasets: readonly DatasetEntry[]; relationships: readonly Relationship[] },
  signal?: AbortSignal,
): Promise<DetectedRelationship[]> {
  const datasets = [...model.datasets].sort((a, b) => nameKey(a.name).localeCompare(nameKey(b.name)) || (a.id < b.id ? -1 : 1));
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const related = new Set(model.relationships.map((r) => pairKey(r.from.datasetId, r.to.datasetId)));
  // tables connected by active, traversable relationships (union-find by dataset id)
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    while (parent.has(id) && parent.get(id) !== id) id = parent.get(id)!;
    return id;
  };
  const join = (a: string, b: string): void => void parent.set(root(a), root(b));
  for (const r of model.relationships) if (r.active && r.cardinality !== 'many-to-many') join(r.from.datasetId, r.to.datasetId);

  const pairs: { a: DatasetEntry; b: DatasetEntry; columns: [string, string][] }[] = [];
  for (const [i, a] of datasets.entries()) {
    for (const b of datasets.slice(i + 1)) {
      if (related.has(pairKey(a.id, b.id))) continue;
      const columns: [string, string][] = [];
      for (const ca of a.columns) {
        const cb = b.columns.find((c) => nameKey(c.name) === nameKey(ca.name) && joinableTypes(c.type, ca.type));
        if (cb) columns.push([ca.name, cb.name]);
      }
      if (columns.length > 0) pairs.push({ a, b, columns });
    }
  }
  const checked = new Map<string, Promise<Uniqueness>>();
  const ctx = checkContext(model);
  const uniqueness = (ref: ColumnRef): Promise<Uniqueness> => {
    const key = `${ref.datasetId}\n${nameKey(ref.column)}`;
    let found = checked.get(key);
    if (!found) checked.set(key, (found = columnUniqueness(engine, ctx, ref, signal)));
    return found;
  };
  // every check starts at once (the engine queues them); results are read in a fixed order
  const candidates = pairs.map(({ a, b, columns }) =>
    columns.map(([ca, cb]) => {
      const refA = { datasetId: a.id, column: ca };
      const refB = { datasetId: b.id, column: cb };
      return Promise.all([uniqueness(refA), uniqueness(refB)]).then(([ua, ub]) => ({ refA, refB, ua, ub }));
    }),
  );
  const found: DetectedRelationship[] = [];
  for (const pair of candidates) {
    for (const { refA, refB, ua, ub } of await Promise.all(pair)) {
      const uniqueA = ua.duplicateValues === 0 && ua.values > 0;
      const uniqueB = ub.duplicateValues === 0 && ub.values > 0;
      if (uniqueA === uniqueB) continue;
      const [from, to] = uniqueB ? [refA, refB] : [refB, refA];
      const active = root(from.datasetId) !== root(to.datasetId);
      if (active) join(from.datasetId, to.datasetId);
      found.push({ from, to, active });
      break;
    }
  }
  return found;
}

/** What Autodetect says it did: "Added 2 relationships: …" or "No new relationships found". */
export function autodetectText(datasets: readonly DatasetEntry[], found: readonly DetectedRelationship[]): string {
  if (found.length === 0) return 'No new relationships found.';
  const names = found.map((r) => `${relationshipLabel(datasets, r)}${r.active ? '' : ' (inactive: the tables were already connected)'}`);
  return `Added ${pluralize(found.length, 'relationship')}: ${names.join(', ')}.`;
}
