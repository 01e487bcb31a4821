/**
 * Drill-through (Power BI): a page whose "Drill-through fields" are set is a target; a right-click on
 * a data point whose visual shows one of those fields offers "Drill through › <page>", which opens the
 * page filtered to the clicked values (page filters with ids `drillthrough_…`, replaced on each
 * drill-through). Pure.
 */
import { isMeasureRef, type ColumnFieldRef, type Filter, type Page, type ResultField, type Scalar } from '@tessera/shared';
import { datumValue } from '../chart-data';

export const DRILL_THROUGH_PREFIX = 'drillthrough_';

export interface DrillThroughTarget {
  page: Page;
  /** The clicked values for the target's drill-through fields that the visual shows. */
  values: { field: ColumnFieldRef; value: Scalar }[];
}

const same = (a: ColumnFieldRef, b: ColumnFieldRef): boolean => a.datasetId === b.datasetId && a.column === b.column;

/** Pages (other than `fromPageId`) a datum can drill through to, with the values it carries for their fields. */
export function drillThroughTargets(pages: readonly Page[], fromPageId: string, fields: readonly ResultField[], datum: unknown): DrillThroughTarget[] {
  const out: DrillThroughTarget[] = [];
  for (const page of pages) {
    if (page.id === fromPageId || !page.drillThrough?.length) continue;
    const values: DrillThroughTarget['values'] = [];
    for (const target of page.drillThrough) {
      const field = fields.find((f) => f.kind === 'dimension' && !isMeasureRef(f.ref) && same(f.ref, target));
      const value = field ? datumValue(datum, field.key) : undefined;
      if (value !== undefined) values.push({ field: { datasetId: target.datasetId, column: target.column }, value });
    }
    if (values.length > 0) out.push({ page, values });
  }
  return out;
}

/** The target page's filters after a drill-through: earlier drill-through filters replaced by the clicked values. */
export function drillThroughFilters(page: Page, values: DrillThroughTarget['values']): Filter[] {
  const kept = page.filters.filter((f) => !f.id.startsWith(DRILL_THROUGH_PREFIX));
  const added: Filter[] = values.map((v) => ({ id: `${DRILL_THROUGH_PREFIX}${v.field.datasetId}_${v.field.column}`, kind: 'values', field: v.field, values: [v.value] }));
  return [...kept, ...added];
}
