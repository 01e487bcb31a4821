/**
 * Pure rules of the Filters pane: where each level's filters live (report → `meta.filters`, page → the page's filters
 * without its slicers' own, visual → the visual's), how a filter card's edits change a `Filter`, and the words shown
 * for filter types and operators. No React, no store: every write goes through a shared command.
 */
import {
  newId,
  readWorkbook,
  setPageFilters,
  setReportFilters,
  setVisualFilters,
  type AdvancedOp,
  type ColumnFieldRef,
  type FieldRef,
  type Filter,
  type Scalar,
  type WorkbookSnapshot,
} from '@tessera/shared';
import type * as Y from 'yjs';
import type { ColumnKind } from '../field-kinds';

export type FilterLevel = { kind: 'report' } | { kind: 'page'; pageId: string } | { kind: 'visual'; visualId: string };
export type FilterType = Filter['kind'];
export type ValuesFilter = Extract<Filter, { kind: 'values' }>;
export type AdvancedFilter = Extract<Filter, { kind: 'advanced' }>;
export type RelativeDateFilter = Extract<Filter, { kind: 'relativeDate' }>;
export type TopNFilter = Extract<Filter, { kind: 'topN' }>;

/** Slicers store their selection as page filters `slicer_<visualId>`; the Filters pane does not list them. */
export const isSlicerFilter = (f: Filter): boolean => f.id.startsWith('slicer_');

/** Every filter stored at a level (slicer filters included). */
export function storedFilters(snapshot: WorkbookSnapshot, level: FilterLevel): Filter[] {
  if (level.kind === 'report') return snapshot.meta.filters ?? [];
  if (level.kind === 'page') return snapshot.pages[level.pageId]?.filters ?? [];
  return snapshot.visuals[level.visualId]?.filters ?? [];
}

/** The filter cards a level shows. */
export function levelFilters(snapshot: WorkbookSnapshot, level: FilterLevel): Filter[] {
  return storedFilters(snapshot, level).filter((f) => !isSlicerFilter(f));
}

function write(doc: Y.Doc, level: FilterLevel, filters: Filter[]): void {
  if (level.kind === 'report') setReportFilters(doc, filters);
  else if (level.kind === 'page') setPageFilters(doc, level.pageId, filters);
  else setVisualFilters(doc, level.visualId, filters);
}

/** Adds a filter at the end of a level, or replaces the one with the same id (read fresh from the document). */
export function putFilter(doc: Y.Doc, level: FilterLevel, filter: Filter): void {
  const current = storedFilters(readWorkbook(doc), level);
  const at = current.findIndex((f) => f.id === filter.id);
  write(doc, level, at < 0 ? [...current, filter] : current.map((f, i) => (i === at ? filter : f)));
}

export function removeFilter(doc: Y.Doc, level: FilterLevel, id: string): void {
  write(doc, level, storedFilters(readWorkbook(doc), level).filter((f) => f.id !== id));
}

/** A new, empty basic filter on a column (it shows all data until values are ticked). */
export function newFilter(field: ColumnFieldRef, id: string = newId('flt_')): ValuesFilter {
  return { id, kind: 'values', field: { datasetId: field.datasetId, column: field.column }, values: [] };
}

/** The filter types offered for a column kind (Power BI: relative date for dates only). */
export function filterTypesFor(kind: ColumnKind): FilterType[] {
  return kind === 'date' ? ['values', 'advanced', 'relativeDate', 'topN'] : ['values', 'advanced', 'topN'];
}

export const FILTER_TYPE_LABELS: Record<FilterType, string> = {
  values: 'Basic filtering',
  range: 'Range',
  advanced: 'Advanced filtering',
  relativeDate: 'Relative date',
  topN: 'Top N',
};

const base = (f: Filter) => ({ id: f.id, field: f.field, ...(f.locked ? { locked: true } : {}), ...(f.hidden ? { hidden: true } : {}) });

/** The same filter as another type, emptied (lock and hide flags kept). `rankBy` is the default field a Top N ranks by. */
export function changeType(f: Filter, type: FilterType, kind: ColumnKind, rankBy?: FieldRef): Filter {
  if (f.kind === type) return f;
  switch (type) {
    case 'values':
      return { ...base(f), kind: 'values', values: [] };
    case 'range':
      return { ...base(f), kind: 'range' };
    case 'advanced':
      return { ...base(f), kind: 'advanced', join: 'and', conditions: [{ op: operatorsFor(kind)[0] }] };
    case 'relativeDate':
      return { ...base(f), kind: 'relativeDate', direction: 'last', n: 1, unit: 'month', includeCurrent: true };
    case 'topN':
      return { ...base(f), kind: 'topN', direction: 'top', n: 3, by: rankBy ?? f.field };
  }
}

/** The filter with nothing chosen: it shows all data again (same type where the type can be empty). */
export function clearFilter(f: Filter, kind: ColumnKind): Filter {
  if (f.kind === 'values') return { ...f, values: [], exclude: undefined };
  if (f.kind === 'advanced') return { ...f, conditions: [{ op: operatorsFor(kind)[0] }], join: 'and' };
  if (f.kind === 'range') return { ...base(f), kind: 'range' };
  return { ...base(f), kind: 'values', values: [] };
}

/** The filter card's shape once `values` are ticked: "Select all" keeps everything with `exclude: []`. */
export function isChecked(f: ValuesFilter, value: Scalar): boolean {
  const listed = f.values.some((v) => v === value);
  return f.exclude ? !listed : listed;
}

export const isAllSelected = (f: ValuesFilter): boolean => f.exclude === true && f.values.length === 0;

export function toggleValue(f: ValuesFilter, value: Scalar, on: boolean): ValuesFilter {
  const without = f.values.filter((v) => v !== value);
  const add = f.exclude ? !on : on;
  return { ...f, values: add ? [...without, value] : without };
}

export function selectAll(f: ValuesFilter, on: boolean): ValuesFilter {
  return { ...f, values: [], exclude: on ? true : undefined };
}

export function toggleFlag(f: Filter, flag: 'locked' | 'hidden'): Filter {
  const next: Filter = { ...f };
  if (f[flag]) delete next[flag];
  else next[flag] = true;
  return next;
}

const TEXT_OPS: AdvancedOp[] = ['contains', 'notContains', 'startsWith', 'notStartsWith', 'is', 'isNot', 'isBlank', 'isNotBlank'];
const NUMBER_OPS: AdvancedOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'between', 'isBlank', 'isNotBlank'];
const DATE_OPS: AdvancedOp[] = ['on', 'after', 'onOrAfter', 'before', 'onOrBefore', 'between', 'isBlank', 'isNotBlank'];

export function operatorsFor(kind: ColumnKind): AdvancedOp[] {
  return kind === 'numeric' ? NUMBER_OPS : kind === 'date' ? DATE_OPS : TEXT_OPS;
}

export const OP_LABELS: Record<AdvancedOp, string> = {
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  notStartsWith: 'does not start with',
  is: 'is',
  isNot: 'is not',
  isBlank: 'is blank',
  isNotBlank: 'is not blank',
  eq: '=',
  ne: '≠',
  gt: '>',
  ge: '≥',
  lt: '<',
  le: '≤',
  between: 'between',
  on: 'is on',
  after: 'is after',
  onOrAfter: 'is on or after',
  before: 'is before',
  onOrBefore: 'is on or before',
};

export const needsValue = (op: AdvancedOp): boolean => op !== 'isBlank' && op !== 'isNotBlank';

/** A value typed into an input, as the filter stores it (numbers for numeric columns; '' → no value). */
export function parseInputValue(text: string, kind: ColumnKind): Scalar | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (kind === 'numeric') {
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return t;
}

const show = (v: Scalar | undefined): string => (v === null ? '(Blank)' : v === undefined ? '…' : String(v));

/** One line under the card's field name: "is North", "is (All)", "> 10", "in the last 3 months". */
export function filterSummary(f: Filter): string {
  switch (f.kind) {
    case 'values':
      if (f.values.length === 0) return 'is (All)';
      return `${f.exclude ? 'is not' : 'is'} ${f.values.map(show).join(', ')}`;
    case 'range':
      return f.min === undefined && f.max === undefined ? 'is (All)' : `between ${show(f.min)} and ${show(f.max)}`;
    case 'advanced': {
      const parts = f.conditions
        .filter((c) => !needsValue(c.op) || (c.value !== undefined && c.value !== ''))
        .map((c) => `${OP_LABELS[c.op]}${needsValue(c.op) ? ` ${show(c.value)}` : ''}${c.op === 'between' ? ` and ${show(c.value2)}` : ''}`);
      return parts.length ? parts.join(` ${f.join} `) : 'is (All)';
    }
    case 'relativeDate':
      return `in the ${f.direction} ${f.n} ${f.unit}${f.n === 1 ? '' : 's'}${f.includeCurrent ? ' (including current)' : ''}`;
    case 'topN':
      return `${f.direction === 'top' ? 'Top' : 'Bottom'} ${f.n}`;
  }
}
