/** The "Sort by" choices of a visual: each field in its wells once, and which one (and direction) is in effect. */
import { isMeasureRef, roleKind, type FieldRef, type Measure, type Sort, type Visual } from '@tessera/shared';
import { fieldLabel } from '../field-kinds';

export interface SortOption {
  /** The ref to sort by (as bound, without its display name). */
  field: FieldRef;
  label: string;
}

const sameSortField = (a: FieldRef, b: FieldRef): boolean => {
  if (isMeasureRef(a) || isMeasureRef(b)) return isMeasureRef(a) && isMeasureRef(b) && a.measureId === b.measureId;
  return a.datasetId === b.datasetId && a.column === b.column && (a.aggregate ?? null) === (b.aggregate ?? null) && (a.showAs ?? null) === (b.showAs ?? null);
};

function bare(ref: FieldRef): FieldRef {
  const { label: _label, ...rest } = ref;
  return rest;
}

/** Fields of the visual's wells (tooltips included), each once, labelled as the visual shows them. */
export function sortOptions(visual: Visual, measures: readonly Measure[]): SortOption[] {
  const out: SortOption[] = [];
  for (const refs of Object.values(visual.fields)) {
    for (const ref of refs) {
      const field = bare(ref);
      if (out.some((o) => sameSortField(o.field, field))) continue;
      out.push({ field, label: ref.label ?? fieldLabel(ref, measures) });
    }
  }
  return out;
}

/** The sort in effect: the visual's own, else the default (first measure, descending; else first field ascending). */
export function effectiveSort(visual: Visual, options: readonly SortOption[]): Sort | null {
  if (visual.sort) return { field: bare(visual.sort.field), direction: visual.sort.direction };
  const measureRoles = new Set(Object.keys(visual.fields).filter((r) => roleKind(visual.type, r) === 'measure'));
  const firstMeasure = Object.entries(visual.fields).find(([role, refs]) => measureRoles.has(role) && refs.length > 0)?.[1][0];
  if (firstMeasure) return { field: bare(firstMeasure), direction: 'desc' };
  return options[0] ? { field: options[0].field, direction: 'asc' } : null;
}

export function isSortedBy(sort: Sort | null, field: FieldRef): boolean {
  return sort !== null && sameSortField(sort.field, field);
}
