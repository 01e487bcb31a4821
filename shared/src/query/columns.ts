/**
 * The one place a column field becomes SQL: a stored column is `"ds_<id>"."name"`; a calculated column is its
 * compiled expression (calc/compile.ts), so wells, filters, slicers, sort, Top N, drill, measures and cross-filter
 * cubes all read it like any column. A calculated column that uses RELATED also needs the datasets it reads joined:
 * `fieldDatasets` says which.
 */
import type { CalculatedColumn, ColumnFieldRef, DatasetColumn, DatasetEntry } from '../workbook/schema';
import { cast, col, type Expr } from './ast';
import { calcType, compileCalculatedColumn } from './calc/compile';
import { findByName } from './lang/lookup';
import { ExpressionError } from './lang/tokens';
import { isZonedTimestampType, tableOf, type ModelContext } from './model';
import { QueryCompileError } from './types';

export interface ResolvedField {
  dataset: DatasetEntry;
  /** The column as the model sees it (a calculated column with its type). */
  column: DatasetColumn;
  /** Its SQL over the dataset tables. */
  expr: Expr;
  /** The datasets the expression reads: its own first, then those a calculated column reads through RELATED. */
  datasets: string[];
  calculated?: CalculatedColumn;
}

/** A stored column; TIMESTAMP WITH TIME ZONE is read as TIMESTAMP, its UTC wall time (see isZonedTimestampType). */
function storedField(dataset: DatasetEntry, column: DatasetColumn): ResolvedField {
  const stored = col(column.name, tableOf(dataset.id));
  if (isZonedTimestampType(column.type)) return { dataset, column: { ...column, type: 'TIMESTAMP' }, expr: cast(stored, 'TIMESTAMP'), datasets: [dataset.id] };
  return { dataset, column, expr: stored, datasets: [dataset.id] };
}

/** A calculated column as a field; throws ExpressionError when its expression is broken. */
function calculatedField(ctx: ModelContext, dataset: DatasetEntry, calc: CalculatedColumn): ResolvedField {
  const c = compileCalculatedColumn(ctx, calc);
  return { dataset, column: { name: calc.name, type: calcType(calc, c) }, expr: c.expr, datasets: [dataset.id, ...c.related], calculated: calc };
}

/** The dataset, column and SQL a ref points to; a clear error naming the field when it is missing or broken. */
export function resolveField(ctx: ModelContext, ref: ColumnFieldRef, role?: string): ResolvedField {
  const dataset = ctx.datasets.get(ref.datasetId);
  if (!dataset) {
    throw new QueryCompileError(
      `The field "${ref.column}" belongs to a dataset that is not in this workbook (id "${ref.datasetId}"). Remove the field from the visual or re-import the dataset.`,
      ref,
      role,
    );
  }
  const column = dataset.columns.find((c) => c.name === ref.column);
  if (column) return storedField(dataset, column);
  // field refs keep names as written: the exact name
  const calc = (ctx.calculated.get(dataset.id) ?? []).find((c) => c.name === ref.column);
  if (!calc) {
    throw new QueryCompileError(
      `The column "${ref.column}" does not exist in dataset "${dataset.name}" (it may have been renamed or removed). Replace the field in the visual.`,
      ref,
      role,
    );
  }
  try {
    return calculatedField(ctx, dataset, calc);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new QueryCompileError(`The calculated column "${calc.name}" has an error: ${error.message} Fix it in the Model view.`, ref, role);
  }
}

/** The SQL of a column field. */
export const columnExpr = (ctx: ModelContext, ref: ColumnFieldRef): Expr => resolveField(ctx, ref).expr;

/** The datasets a column field reads (its own, plus those its calculated column reads through RELATED). */
export const fieldDatasets = (ctx: ModelContext, ref: ColumnFieldRef): string[] => resolveField(ctx, ref).datasets;

/**
 * A column of a dataset named in an expression (exact name, then ignoring case): stored or calculated; undefined when
 * there is none. Its errors (a broken calculated column) are ExpressionError at `pos`.
 */
export function findModelColumn(ctx: ModelContext, dataset: DatasetEntry, name: string, pos: number): ResolvedField | undefined {
  const stored = findByName(dataset.columns, name, (c) => c.name);
  if (stored) return storedField(dataset, stored);
  const calc = findByName(ctx.calculated.get(dataset.id) ?? [], name, (c) => c.name);
  if (!calc) return undefined;
  try {
    return calculatedField(ctx, dataset, calc);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new ExpressionError(`The calculated column [${calc.name}] has an error: ${error.message}`, pos, name.length + 2);
  }
}

/** Every column name of a dataset in the model: stored, then calculated. */
export const modelColumnNames = (ctx: ModelContext, dataset: DatasetEntry): string[] => [...dataset.columns.map((c) => c.name), ...(ctx.calculated.get(dataset.id) ?? []).map((c) => c.name)];
