/**
 * What kind of data a column holds (numeric, date, text, boolean), how a field is named in the UI,
 * which aggregation a dropped column gets, and which visual a field dropped on empty canvas makes.
 * Pure: no React, no store.
 */
import { compileCalculatedColumn, modelContext, type Aggregate, type CalculatedColumn, type ColumnFieldRef, type DatasetColumn, type DatasetEntry, type FieldRef, type Measure, type VisualType } from '@tessera/shared';
import { isMeasureRef } from '@tessera/shared';

export type ColumnKind = 'numeric' | 'date' | 'text' | 'boolean';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC|INT\d+|FLOAT\d+)\b/i;
const TEMPORAL = /^(DATE|TIMESTAMP|TIMESTAMPTZ|DATETIME)(\b|_)/i;

export function columnKind(type: string): ColumnKind {
  const t = type.trim();
  if (NUMERIC.test(t)) return 'numeric';
  if (TEMPORAL.test(t)) return 'date';
  if (/^BOOL/i.test(t)) return 'boolean';
  return 'text';
}

export const AGGREGATE_LABELS: Readonly<Record<string, string>> = {
  sum: 'Sum',
  avg: 'Average',
  min: 'Minimum',
  max: 'Maximum',
  count: 'Count',
  distinctCount: 'Count (distinct)',
  median: 'Median',
  none: "Don't summarize",
};

/** The aggregation a column gets when it lands in a measure well. */
export function defaultAggregate(kind: ColumnKind): Aggregate {
  return kind === 'numeric' ? 'sum' : 'count';
}

/**
 * The column a ref names: a stored column of its dataset, else one of the `calculated` columns (with its stored type,
 * or the type its expression gives; VARCHAR when it has an error).
 */
export function findColumn(datasets: readonly DatasetEntry[], ref: ColumnFieldRef, calculated: readonly CalculatedColumn[] = []): DatasetColumn | undefined {
  const stored = datasets.find((d) => d.id === ref.datasetId)?.columns.find((c) => c.name === ref.column);
  if (stored) return stored;
  const calc = calculated.find((c) => c.datasetId === ref.datasetId && c.name === ref.column);
  if (!calc || !datasets.some((d) => d.id === ref.datasetId)) return undefined;
  if (calc.type) return { name: calc.name, type: calc.type };
  try {
    return { name: calc.name, type: compileCalculatedColumn(modelContext([...datasets], [], [], [...calculated]), calc).type };
  } catch {
    return { name: calc.name, type: 'VARCHAR' };
  }
}

/** The columns of a dataset as the model sees them: stored, then its calculated columns (marked, with their types). */
export function modelColumns(dataset: DatasetEntry, calculated: readonly CalculatedColumn[]): (DatasetColumn & { calculated?: CalculatedColumn })[] {
  const calcs = calculated.filter((c) => c.datasetId === dataset.id);
  return [
    ...dataset.columns,
    ...calcs.map((c) => ({ calculated: c, name: c.name, type: findColumn([dataset], { datasetId: dataset.id, column: c.name }, calculated)?.type ?? 'VARCHAR' })),
  ];
}

/** "quantity", "Sum of quantity", or the measure's name. */
export function fieldLabel(ref: FieldRef, measures: readonly Measure[]): string {
  if (isMeasureRef(ref)) return measures.find((m) => m.id === ref.measureId)?.name ?? 'Missing measure';
  if (!ref.aggregate || ref.aggregate === 'none') return ref.column;
  return `${AGGREGATE_LABELS[ref.aggregate] ?? ref.aggregate} of ${ref.column}`;
}

/** The name of the bare field (column or measure), without its aggregation. */
export function fieldName(ref: FieldRef, measures: readonly Measure[]): string {
  if (isMeasureRef(ref)) return measures.find((m) => m.id === ref.measureId)?.name ?? 'Missing measure';
  return ref.column;
}

export function sameField(a: FieldRef, b: FieldRef): boolean {
  if (isMeasureRef(a) || isMeasureRef(b)) return isMeasureRef(a) && isMeasureRef(b) && a.measureId === b.measureId;
  return a.datasetId === b.datasetId && a.column === b.column;
}

/** A field from the Fields pane, as it is bound into a well of the given kind. */
export function refForWell(field: FieldRef, kind: ColumnKind | 'measure', wellKind: 'dimension' | 'measure'): FieldRef {
  if (isMeasureRef(field)) return { measureId: field.measureId };
  const bare: ColumnFieldRef = { datasetId: field.datasetId, column: field.column };
  if (wellKind === 'dimension' || kind === 'measure') return bare;
  return { ...bare, aggregate: field.aggregate ?? defaultAggregate(kind) };
}

export interface DefaultVisual {
  type: VisualType;
  role: string;
  w: number;
  h: number;
}

/**
 * The visual Power BI makes when a field is dropped on empty canvas: a number → a card of its sum,
 * a measure → a card, a date → a line chart with the date on the axis, text → a table.
 */
export function defaultVisualForField(kind: ColumnKind | 'measure'): DefaultVisual {
  switch (kind) {
    case 'numeric':
    case 'measure':
      return { type: 'card', role: 'values', w: 240, h: 136 };
    case 'date':
      return { type: 'line', role: 'category', w: 440, h: 280 };
    default:
      return { type: 'table', role: 'columns', w: 360, h: 280 };
  }
}
