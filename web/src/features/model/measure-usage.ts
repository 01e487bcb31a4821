/**
 * Where a measure is used, said before it is deleted: visuals (wells, their filters, sort, Top N), filters on pages and
 * on the report (a Top N ranked by it), and other measures referring to it by name.
 */
import { refersToMeasure, type Measure, type WorkbookSnapshot } from '@tessera/shared';

export interface MeasureUsage {
  visuals: number;
  filters: number;
  /** Names of the measures that refer to it. */
  measures: string[];
}

/** Whether a plain JSON value holds a field ref `{ measureId: id }` anywhere. */
function mentions(value: unknown, id: string): boolean {
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return record.measureId === id || Object.values(record).some((v) => mentions(v, id));
}

export function measureUsage(snapshot: WorkbookSnapshot, measure: Measure): MeasureUsage {
  const visuals = Object.values(snapshot.visuals).filter((v) => mentions(v, measure.id)).length;
  const levels = [snapshot.meta.filters ?? [], ...Object.values(snapshot.pages).map((p) => p.filters)];
  const filters = levels.flat().filter((f) => mentions(f, measure.id)).length;
  const measures = Object.values(snapshot.model.measures)
    .filter((m) => m.id !== measure.id && refersToMeasure(m.expression, measure.name))
    .map((m) => m.name);
  return { visuals, filters, measures };
}

const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "2 visuals and the measure Share", or '' when unused. */
export function usageText(u: MeasureUsage): string {
  const parts: string[] = [];
  if (u.visuals > 0) parts.push(count(u.visuals, 'visual'));
  if (u.filters > 0) parts.push(count(u.filters, 'filter'));
  if (u.measures.length > 0) parts.push(`${u.measures.length === 1 ? 'the measure' : 'the measures'} ${u.measures.join(', ')}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
