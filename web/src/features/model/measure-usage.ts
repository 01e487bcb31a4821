/**
 * Where a measure is used, said before it is deleted: visuals (wells, their filters, sort, Top N), filters on pages and
 * on the report (a Top N ranked by it), and other measures referring to it by name. `fieldUsage` and `usageText` also
 * serve calculated columns (column-usage.ts).
 */
import { refersToMeasure, type Measure, type WorkbookSnapshot } from '@tessera/shared';

export interface MeasureUsage {
  visuals: number;
  filters: number;
  /** Names of the measures that refer to it. */
  measures: string[];
  /** Names of the calculated columns that refer to it. */
  columns?: string[];
}

/** Whether a plain JSON value holds an object `hit` accepts (a field ref) anywhere. */
function mentions(value: unknown, hit: (record: Record<string, unknown>) => boolean): boolean {
  if (Array.isArray(value)) return value.some((v) => mentions(v, hit));
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return hit(record) || Object.values(record).some((v) => mentions(v, hit));
}

/** How many visuals, and filters on pages and on the report, hold a field ref `hit` accepts. */
export function fieldUsage(snapshot: WorkbookSnapshot, hit: (record: Record<string, unknown>) => boolean): Pick<MeasureUsage, 'visuals' | 'filters'> {
  const visuals = Object.values(snapshot.visuals).filter((v) => mentions(v, hit)).length;
  const levels = [snapshot.meta.filters ?? [], ...Object.values(snapshot.pages).map((p) => p.filters)];
  return { visuals, filters: levels.flat().filter((f) => mentions(f, hit)).length };
}

export function measureUsage(snapshot: WorkbookSnapshot, measure: Measure): MeasureUsage {
  const { visuals, filters } = fieldUsage(snapshot, (r) => r.measureId === measure.id);
  const measures = Object.values(snapshot.model.measures)
    .filter((m) => m.id !== measure.id && refersToMeasure(m.expression, measure.name))
    .map((m) => m.name);
  return { visuals, filters, measures };
}

const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 visuals and the measure Share" (… and the column Margin), or '' when unused. */
export function usageText(u: MeasureUsage): string {
  const parts: string[] = [];
  if (u.visuals > 0) parts.push(count(u.visuals, 'visual'));
  if (u.filters > 0) parts.push(count(u.filters, 'filter'));
  if (u.measures.length > 0) parts.push(`${u.measures.length === 1 ? 'the measure' : 'the measures'} ${u.measures.join(', ')}`);
  if (u.columns?.length) parts.push(`${u.columns.length === 1 ? 'the column' : 'the columns'} ${u.columns.join(', ')}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
