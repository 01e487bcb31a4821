import type { Aggregate, CalculatedColumn, ColumnFieldRef, DatasetEntry, FieldRef, Measure, Relationship, Scalar, Visual } from '../workbook/schema';
import type { DateLevel } from './ast';

/** A filter condition in one form for report, page, visual filters, slicers and cross-filters. */
export type Predicate =
  | { kind: 'in'; field: ColumnFieldRef; values: Scalar[]; exclude?: boolean }
  | { kind: 'range'; field: ColumnFieldRef; min?: Scalar; max?: Scalar }
  | {
      kind: 'compare';
      field: ColumnFieldRef;
      op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'startsWith' | 'endsWith' | 'isBlank' | 'isNotBlank';
      value?: Scalar;
    }
  | {
      kind: 'relativeDate';
      field: ColumnFieldRef;
      unit: 'day' | 'week' | 'month' | 'quarter' | 'year';
      /** How many periods (named `last` for both directions). */
      last: number;
      includeCurrent: boolean;
      today?: string;
      /** 'last' (default): periods before today; 'next': periods after it. */
      direction?: 'last' | 'next';
    }
  /** Keeps the `n` values of `field` ranked highest (top) or lowest (bottom) by `by` (a measure or aggregated column). */
  | { kind: 'topN'; field: ColumnFieldRef; n: number; by: FieldRef; direction: 'top' | 'bottom' }
  | { kind: 'and' | 'or'; items: Predicate[] }
  | { kind: 'not'; item: Predicate };

export interface ResultField {
  /** The column alias in result rows: 'c0', 'c1', … (safe identifiers). */
  key: string;
  /** The well it came from. */
  role: string;
  /** Display name ("Sum of amount", or the measure's name, or the column). */
  label: string;
  kind: 'dimension' | 'measure';
  vlType: 'quantitative' | 'temporal' | 'nominal' | 'ordinal';
  /** DuckDB type of the result column. */
  sqlType: string;
  /** The field in the model. */
  ref: FieldRef;
  /** For measures made from columns. */
  aggregate?: Aggregate;
  /** When a date column is shown at a hierarchy level. */
  drillLevel?: DateLevel;
}

export interface VisualQueryInput {
  visual: Visual;
  datasets: DatasetEntry[];
  relationships: Relationship[];
  measures: Measure[];
  /** The workbook's calculated columns (absent: none); a field may name one like any column of its dataset. */
  calculatedColumns?: CalculatedColumn[];
  /** Report + page + visual filters + slicers + cross-filter, already combined (AND). */
  filters: Predicate[];
  /** Date hierarchy level for the category well (0 = year … 3 = day); absent → raw column. */
  drill?: { level: number };
  /** Hard cap of result rows (default 10_000). */
  limit?: number;
  /** Width of the plot in pixels, for M4 line reduction (default 1000). */
  pixels?: number;
}

export interface CompiledQuery {
  sql: string;
  fields: ResultField[];
  reduction?: { method: 'sample' | 'bin' | 'm4' | 'limit'; note: string };
}

/** Why a visual cannot be queried. `field` names the field at fault (the UI shows it on the visual). */
export class QueryCompileError extends Error {
  constructor(
    message: string,
    public readonly field?: FieldRef,
    public readonly role?: string,
  ) {
    super(message);
    this.name = 'QueryCompileError';
  }
}
