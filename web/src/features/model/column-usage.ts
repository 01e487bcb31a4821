/**
 * Where a calculated column is used, said before it is deleted (and before it is renamed): visuals (wells, their
 * filters, sort, Top N), filters on pages and on the report, measures that aggregate it and calculated columns that
 * read it. And which calculated columns depend on it (directly or through others): their types follow its own.
 */
import { calculatedColumnReads, measureColumnReads, type CalculatedColumn, type ColumnRef, type ModelContext, type WorkbookSnapshot } from '@tessera/shared';
import { fieldUsage, type MeasureUsage } from './measure-usage';

const nameKey = (name: string): string => name.trim().toLocaleLowerCase();
/** An expression names a column ignoring case (as the compilers resolve names). */
const names = (calc: CalculatedColumn) => (ref: ColumnRef): boolean => ref.datasetId === calc.datasetId && nameKey(ref.column) === nameKey(calc.name);

export function columnUsage(snapshot: WorkbookSnapshot, ctx: ModelContext, calc: CalculatedColumn): MeasureUsage {
  // field refs keep a column's name as written
  const usage = fieldUsage(snapshot, (r) => r.datasetId === calc.datasetId && r.column === calc.name && !('measureId' in r));
  const reads = names(calc);
  const measures = Object.values(snapshot.model.measures)
    .filter((m) => measureColumnReads(ctx, m).some(reads))
    .map((m) => m.name);
  const columns = Object.values(snapshot.model.columns)
    .filter((c) => c.id !== calc.id && calculatedColumnReads(ctx, c).some(reads))
    .map((c) => c.name);
  return { ...usage, measures, columns };
}

/** The calculated columns that read `calc`, directly or through other calculated columns (not `calc` itself). */
export function dependentColumns(ctx: ModelContext, calc: CalculatedColumn): CalculatedColumn[] {
  const all = [...ctx.calculated.values()].flat();
  const found = new Map<string, CalculatedColumn>();
  for (let frontier = [calc]; frontier.length > 0; ) {
    const next = all.filter((c) => c.id !== calc.id && !found.has(c.id) && calculatedColumnReads(ctx, c).some((r) => frontier.some((f) => names(f)(r))));
    for (const c of next) found.set(c.id, c);
    frontier = next;
  }
  return [...found.values()];
}
