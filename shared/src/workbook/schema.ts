import { z } from 'zod';

/**
 * Records of the workbook model (DESIGN §2). Each record is a zod schema plus its inferred type.
 * The Y.Doc layout that stores them is in `doc.ts`; writes go through `commands.ts`.
 */

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
export const IdSchema = nonEmpty('id').max(128, 'id is too long (max 128 characters)');

/** A DuckDB type name as DuckDB prints it: `VARCHAR`, `BIGINT`, `DECIMAL(18,3)`, `TIMESTAMP WITH TIME ZONE`… */
export const ColumnTypeSchema = nonEmpty('column type');
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

export const DatasetColumnSchema = z.object({ name: nonEmpty('column name'), type: ColumnTypeSchema });
export type DatasetColumn = z.infer<typeof DatasetColumnSchema>;

export const FILE_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx'] as const;
export const FileFormatSchema = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormatSchema>;

export const DatasetSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileName: nonEmpty('fileName'), format: FileFormatSchema, sheet: z.string().optional() }),
  z.object({ kind: z.literal('connector'), connectorId: nonEmpty('connectorId'), stream: nonEmpty('stream') }),
  z.object({ kind: z.literal('derived'), sql: nonEmpty('sql') }),
]);
export type DatasetSource = z.infer<typeof DatasetSourceSchema>;

/** One ordered transform step (rename, cast, filter…); `op` names it, `args` are its JSON parameters. */
export const TransformStepSchema = z.object({ id: IdSchema, op: nonEmpty('op'), args: z.record(z.string(), z.unknown()) });
export type TransformStep = z.infer<typeof TransformStepSchema>;

export const DatasetEntrySchema = z.object({
  id: IdSchema,
  name: nonEmpty('name'),
  source: DatasetSourceSchema,
  columns: z.array(DatasetColumnSchema),
  rowCount: z.number().int().nonnegative(),
  /** Content hash of the stored snapshot; the storage key is `id + version`. */
  version: nonEmpty('version'),
  refreshedAt: z.string(),
  transforms: z.array(TransformStepSchema),
});
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>;

export const ColumnRefSchema = z.object({ datasetId: IdSchema, column: nonEmpty('column') });
export type ColumnRef = z.infer<typeof ColumnRefSchema>;

export const CARDINALITIES = ['many-to-one', 'one-to-one', 'one-to-many', 'many-to-many'] as const;
export const CROSS_FILTERS = ['single', 'both'] as const;
export const RelationshipSchema = z.object({
  id: IdSchema,
  from: ColumnRefSchema,
  to: ColumnRefSchema,
  cardinality: z.enum(CARDINALITIES),
  crossFilter: z.enum(CROSS_FILTERS),
  active: z.boolean(),
});
export type Relationship = z.infer<typeof RelationshipSchema>;
export type Cardinality = (typeof CARDINALITIES)[number];
export type CrossFilter = (typeof CROSS_FILTERS)[number];

export const MeasureSchema = z.object({
  id: IdSchema,
  name: nonEmpty('name'),
  /** Home dataset: where the measure appears in the field list. */
  datasetId: IdSchema,
  expression: z.string(),
  /** Display format, e.g. `#,0.00` or `0%`; empty = automatic. */
  format: z.string(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const CalculatedColumnSchema = z.object({
  id: IdSchema,
  datasetId: IdSchema,
  name: nonEmpty('name'),
  /** A row-level DAX-like expression (shared/src/query/calc). */
  expression: z.string(),
  /**
   * The DuckDB type of the values, as the engine described the expression when it was saved; absent in records written
   * before types were stored (the compiler then infers it from the expression). Optional: no schema version change.
   */
  type: ColumnTypeSchema.optional(),
});
export type CalculatedColumn = z.infer<typeof CalculatedColumnSchema>;

export const HierarchySchema = z.object({
  id: IdSchema,
  datasetId: IdSchema,
  name: nonEmpty('name'),
  /** Column names, top level first (e.g. Year, Quarter, Month). */
  levels: z.array(nonEmpty('level')).min(1, 'a hierarchy needs at least one level'),
});
export type Hierarchy = z.infer<typeof HierarchySchema>;

export const AGGREGATES = ['sum', 'avg', 'min', 'max', 'count', 'distinctCount', 'none', 'median'] as const;
export const AggregateSchema = z.enum(AGGREGATES);
export type Aggregate = z.infer<typeof AggregateSchema>;

/** A column of a dataset (with an optional aggregation when it sits in a values well) … */
export const SHOW_AS = ['percentOfTotal'] as const;
export const ColumnFieldRefSchema = z.strictObject({
  datasetId: IdSchema,
  column: nonEmpty('column'),
  aggregate: AggregateSchema.optional(),
  /** Show the aggregated value as a share of the visual's total (`percentOfTotal`) instead of the value. */
  showAs: z.enum(SHOW_AS).optional(),
  /** Display name of the field in this visual only ("Rename for this visual"). */
  label: z.string().trim().min(1, 'the display name must not be empty').max(200, 'the display name is too long (max 200 characters)').optional(),
});
/** … or a measure (with an optional display name for this visual). */
export const MeasureFieldRefSchema = z.strictObject({
  measureId: IdSchema,
  label: z.string().trim().min(1, 'the display name must not be empty').max(200, 'the display name is too long (max 200 characters)').optional(),
});
export const FieldRefSchema = z.union([ColumnFieldRefSchema, MeasureFieldRefSchema]);
export type ColumnFieldRef = z.infer<typeof ColumnFieldRefSchema>;
export type MeasureFieldRef = z.infer<typeof MeasureFieldRefSchema>;
export type FieldRef = z.infer<typeof FieldRefSchema>;
export const isMeasureRef = (ref: FieldRef): ref is MeasureFieldRef => 'measureId' in ref;

export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof ScalarSchema>;

/** Operators of an "Advanced filtering" condition (text, number and date operators share one list). */
export const ADVANCED_OPS = [
  'contains', 'notContains', 'startsWith', 'notStartsWith', 'is', 'isNot', 'isBlank', 'isNotBlank',
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'between', 'on', 'after', 'onOrAfter', 'before', 'onOrBefore',
] as const;
export type AdvancedOp = (typeof ADVANCED_OPS)[number];
export const AdvancedConditionSchema = z.object({ op: z.enum(ADVANCED_OPS), value: ScalarSchema.optional(), value2: ScalarSchema.optional() });
export type AdvancedCondition = z.infer<typeof AdvancedConditionSchema>;
export const RELATIVE_DATE_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/** Shared by every filter kind: `locked` (its controls cannot be changed), `hidden` (not shown in reading view). */
const filterBase = { id: IdSchema, field: FieldRefSchema, locked: z.boolean().optional(), hidden: z.boolean().optional() };

/**
 * A filter on the report, a page or a visual. `values`: keep (or with `exclude`, drop) the listed values; `range`: min ≤ x ≤ max;
 * `advanced`: one or more conditions joined by and/or; `relativeDate`: in the last/next `n` units (`includeCurrent`: the
 * current unit counts); `topN`: the `n` top/bottom values of the field ranked by `by` (a measure or an aggregated column).
 */
export const FilterSchema = z.discriminatedUnion('kind', [
  z.object({ ...filterBase, kind: z.literal('values'), values: z.array(ScalarSchema), exclude: z.boolean().optional() }),
  z.object({ ...filterBase, kind: z.literal('range'), min: ScalarSchema.optional(), max: ScalarSchema.optional() }),
  z.object({ ...filterBase, kind: z.literal('advanced'), conditions: z.array(AdvancedConditionSchema).max(10, 'at most 10 conditions'), join: z.enum(['and', 'or']) }),
  z.object({
    ...filterBase,
    kind: z.literal('relativeDate'),
    direction: z.enum(['last', 'next']),
    n: z.number().int('the number of periods must be a whole number').min(1, 'the number of periods must be at least 1').max(100000),
    unit: z.enum(RELATIVE_DATE_UNITS),
    includeCurrent: z.boolean(),
  }),
  z.object({ ...filterBase, kind: z.literal('topN'), direction: z.enum(['top', 'bottom']), n: z.number().int('N must be a whole number').min(1, 'N must be at least 1').max(100000), by: FieldRefSchema }),
]);
export type Filter = z.infer<typeof FilterSchema>;

export const PageSizeSchema = z.object({
  width: z.number().int().min(100, 'width must be at least 100').max(10000, 'width must be at most 10000'),
  height: z.number().int().min(100, 'height must be at least 100').max(10000, 'height must be at most 10000'),
});
export type PageSize = z.infer<typeof PageSizeSchema>;
export const DEFAULT_PAGE_SIZE: PageSize = { width: 1280, height: 720 };

/** How a visual reacts when another visual of its page is clicked (Power BI's "Edit interactions"). */
export const INTERACTION_MODES = ['filter', 'highlight', 'none'] as const;
export const InteractionModeSchema = z.enum(INTERACTION_MODES);
export type InteractionMode = z.infer<typeof InteractionModeSchema>;

export const PageSchema = z.object({
  id: IdSchema,
  name: nonEmpty('name'),
  filters: z.array(FilterSchema),
  size: PageSizeSchema,
  /** Drill-through fields: this page is a drill-through target for them (absent = not a target). */
  drillThrough: z.array(ColumnFieldRefSchema).optional(),
  /** interactions[sourceVisualId][targetVisualId]: how the target reacts to a click in the source (absent = 'filter'). */
  interactions: z.record(z.string(), z.record(z.string(), InteractionModeSchema)).optional(),
  /** Page background colour (#hex); absent → the theme's canvas colour. */
  background: z.string().optional(),
});
export type Page = z.infer<typeof PageSchema>;

export const VISUAL_TYPES = [
  'bar', 'column', 'line', 'area', 'pie', 'donut', 'scatter', 'table', 'matrix', 'card', 'kpi', 'slicer',
  'stackedBar', 'stackedColumn', 'percentBar', 'percentColumn', 'stackedArea', 'combo', 'multiRowCard',
  'histogram', 'heatmap', 'funnel', 'waterfall', 'treemap', 'map', 'custom',
] as const;
export const VisualTypeSchema = z.enum(VISUAL_TYPES);
export type VisualType = z.infer<typeof VisualTypeSchema>;

const BAR_LIKE_ROLES = ['category', 'values', 'series', 'smallMultiples', 'tooltips'] as const;

/** The field wells of each visual type; `addVisual` / `setVisualType` create these roles up front. */
export const VISUAL_ROLES: Readonly<Record<VisualType, readonly string[]>> = {
  bar: BAR_LIKE_ROLES,
  column: BAR_LIKE_ROLES,
  stackedBar: BAR_LIKE_ROLES,
  stackedColumn: BAR_LIKE_ROLES,
  percentBar: BAR_LIKE_ROLES,
  percentColumn: BAR_LIKE_ROLES,
  line: BAR_LIKE_ROLES,
  area: BAR_LIKE_ROLES,
  stackedArea: BAR_LIKE_ROLES,
  combo: ['category', 'columnValues', 'lineValues', 'tooltips'],
  pie: ['category', 'values', 'tooltips'],
  donut: ['category', 'values', 'tooltips'],
  funnel: ['category', 'values', 'tooltips'],
  treemap: ['category', 'values', 'tooltips'],
  waterfall: ['category', 'values'],
  scatter: ['x', 'y', 'size', 'series', 'details', 'tooltips'],
  histogram: ['values'],
  heatmap: ['x', 'y', 'values'],
  map: ['location', 'values'],
  table: ['columns'],
  matrix: ['rows', 'columns', 'values'],
  card: ['values'],
  multiRowCard: ['values'],
  kpi: ['values', 'target', 'trend'],
  slicer: ['field'],
  custom: ['category', 'values', 'series', 'details'],
};

/** Wells whose fields are aggregated (measures); the others group (dimensions). Scatter's x/y: see `roleKind`. */
export const MEASURE_ROLES: ReadonlySet<string> = new Set(['values', 'columnValues', 'lineValues', 'size', 'target']);

/** Whether a well of a visual type holds dimensions (grouped) or measures (aggregated). */
export function roleKind(type: VisualType, role: string): 'dimension' | 'measure' {
  if (type === 'scatter' && (role === 'x' || role === 'y')) return 'measure';
  return MEASURE_ROLES.has(role) ? 'measure' : 'dimension';
}

export const SortSchema = z.object({ field: FieldRefSchema, direction: z.enum(['asc', 'desc']) });
export type Sort = z.infer<typeof SortSchema>;
export const TopNSchema = z.object({ n: z.number().int().positive(), by: FieldRefSchema, direction: z.enum(['top', 'bottom']) });
export type TopN = z.infer<typeof TopNSchema>;

export const VisualSchema = z.object({
  id: IdSchema,
  pageId: IdSchema,
  type: VisualTypeSchema,
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  z: z.number(),
  title: z.string(),
  fields: z.record(z.string(), z.array(FieldRefSchema)),
  filters: z.array(FilterSchema),
  format: z.record(z.string(), z.unknown()),
  sort: SortSchema.nullable(),
  topN: TopNSchema.nullable(),
});
export type Visual = z.infer<typeof VisualSchema>;

export const WorkbookMetaSchema = z.object({
  schemaVersion: z.number().int().nonnegative(),
  name: nonEmpty('name'),
  theme: z.string(),
  createdAt: z.string(),
  /** Report-level filters ("Filters on all pages"); absent when there are none. */
  filters: z.array(FilterSchema).optional(),
});
export type WorkbookMeta = z.infer<typeof WorkbookMetaSchema>;

export const WorkbookModelSchema = z.object({
  relationships: z.record(z.string(), RelationshipSchema),
  measures: z.record(z.string(), MeasureSchema),
  columns: z.record(z.string(), CalculatedColumnSchema),
  hierarchies: z.record(z.string(), HierarchySchema),
});
export type WorkbookModel = z.infer<typeof WorkbookModelSchema>;

/** The plain-JSON read of the whole document (`readWorkbook`). Records are keyed by id, keys sorted. */
export const WorkbookSnapshotSchema = z.object({
  meta: WorkbookMetaSchema,
  datasets: z.record(z.string(), DatasetEntrySchema),
  model: WorkbookModelSchema,
  /** Page ids in display order (deduplicated, only existing pages). */
  pageOrder: z.array(z.string()),
  pages: z.record(z.string(), PageSchema),
  /** Visuals whose page exists. */
  visuals: z.record(z.string(), VisualSchema),
});
export type WorkbookSnapshot = z.infer<typeof WorkbookSnapshotSchema>;
