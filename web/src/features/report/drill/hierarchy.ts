/**
 * Drill-down on a visual's axis (Power BI): which hierarchy the axis holds — the automatic date
 * hierarchy (Year › Quarter › Month › Day) of a date column, or the columns of a user hierarchy
 * bound as a whole — and, for a drill state, the visual/query input to compile and the rows to show.
 * Pure: no React, no store.
 */
import { isMeasureRef, type CalculatedColumn, type ColumnFieldRef, type DatasetEntry, type Predicate, type ResultField, type Scalar, type Visual, type VisualType } from '@tessera/shared';
import { columnKind, findColumn } from '../field-kinds';

export const DATE_LEVEL_NAMES = ['Year', 'Quarter', 'Month', 'Day'] as const;

export type DrillHierarchy =
  | { kind: 'date'; role: string; ref: ColumnFieldRef; levels: readonly string[] }
  | { kind: 'columns'; role: string; refs: ColumnFieldRef[]; levels: readonly string[] };

/** One drilled value: the level it was clicked at and the value (a date level key such as '2024 Q1' for dates). */
export interface DrillStep {
  level: number;
  value: Scalar;
}

export interface DrillState {
  /** The level shown (0 = top). */
  level: number;
  /** Values drilled into (each filters its level). */
  path: DrillStep[];
  /** "Expand all down one level": labels combine the levels from this one down to `level`. */
  expandedFrom: number | null;
}

export const TOP_STATE: DrillState = { level: 0, path: [], expandedFrom: null };

/** Chart types that get the automatic date hierarchy (lines and areas keep a continuous date axis). */
const DATE_HIERARCHY_TYPES = new Set<VisualType>([
  'bar', 'column', 'stackedBar', 'stackedColumn', 'percentBar', 'percentColumn', 'pie', 'donut', 'funnel', 'treemap', 'waterfall',
]);
const NO_DRILL = new Set<VisualType>(['table', 'matrix', 'card', 'multiRowCard', 'kpi', 'slicer', 'scatter', 'histogram', 'custom']);

export function axisRole(type: VisualType): string {
  return type === 'map' ? 'location' : type === 'heatmap' ? 'x' : 'category';
}

/** The hierarchy on the visual's axis, or undefined when it has none (one non-date column, or nothing). */
export function drillHierarchyOf(visual: Visual, datasets: readonly DatasetEntry[], calculated: readonly CalculatedColumn[] = []): DrillHierarchy | undefined {
  if (NO_DRILL.has(visual.type)) return undefined;
  const role = axisRole(visual.type);
  const refs = (visual.fields[role] ?? []).filter((r): r is ColumnFieldRef => !isMeasureRef(r));
  if (refs.length >= 2) return { kind: 'columns', role, refs, levels: refs.map((r) => r.column) };
  if (refs.length === 1 && DATE_HIERARCHY_TYPES.has(visual.type)) {
    const column = findColumn(datasets, refs[0], calculated);
    if (column && columnKind(column.type) === 'date') return { kind: 'date', role, ref: refs[0], levels: DATE_LEVEL_NAMES };
  }
  return undefined;
}

const clampLevel = (h: DrillHierarchy, level: number): number => Math.max(0, Math.min(h.levels.length - 1, level));

export const canDrillUp = (state: DrillState): boolean => state.level > 0;
export const canDrillDown = (h: DrillHierarchy, state: DrillState): boolean => state.level < h.levels.length - 1;

export function drillUp(state: DrillState): DrillState {
  if (state.level === 0) return state;
  const level = state.level - 1;
  const expandedFrom = state.expandedFrom !== null && state.expandedFrom < level ? state.expandedFrom : null;
  return { level, path: state.path.filter((s) => s.level < level), expandedFrom };
}

/** "Go to the next level": the next level for all values, labels of that level only. */
export function nextLevel(h: DrillHierarchy, state: DrillState): DrillState {
  if (!canDrillDown(h, state)) return state;
  return { level: state.level + 1, path: state.path, expandedFrom: null };
}

/** "Expand all down one level": the next level for all values, labels combined with the levels above. */
export function expandAll(h: DrillHierarchy, state: DrillState): DrillState {
  if (!canDrillDown(h, state)) return state;
  return { level: state.level + 1, path: state.path, expandedFrom: state.expandedFrom ?? state.level };
}

/** Drill into a clicked data point: `values` are its values for the shown levels (one, or several when expanded). */
export function drillInto(h: DrillHierarchy, state: DrillState, values: Scalar[]): DrillState {
  if (!canDrillDown(h, state) || values.length === 0) return state;
  const first = state.expandedFrom ?? state.level;
  const steps = values.slice(-(state.level - first + 1)).map((value, i) => ({ level: first + i, value }));
  return { level: state.level + 1, path: [...state.path.filter((s) => s.level < first), ...steps], expandedFrom: null };
}

/** What to compile for a drill state: the visual (axis well narrowed to the shown levels), the date level, the drill filters. */
export interface DrilledInput {
  visual: Visual;
  drill?: { level: number };
  predicates: Predicate[];
}

export function drilledInput(visual: Visual, h: DrillHierarchy, raw: DrillState): DrilledInput {
  const level = clampLevel(h, raw.level);
  if (h.kind === 'date') {
    const predicates = raw.path.filter((s) => s.level < level).map((s): Predicate => ({ kind: 'in', field: h.ref, values: [s.value] }));
    return { visual, drill: { level }, predicates };
  }
  const from = raw.expandedFrom !== null ? Math.min(raw.expandedFrom, level) : level;
  const shown = h.refs.slice(from, level + 1);
  const predicates = raw.path
    .filter((s) => s.level < level && h.refs[s.level])
    .map((s): Predicate => ({ kind: 'in', field: { datasetId: h.refs[s.level].datasetId, column: h.refs[s.level].column }, values: [s.value] }));
  return { visual: { ...visual, fields: { ...visual.fields, [h.role]: shown } }, predicates };
}

/** Key of the combined label column added when levels are expanded. */
export const COMBINED_KEY = 'drill_label';

/** The result fields of the hierarchy's shown levels (in level order). */
export function levelFields(fields: readonly ResultField[], h: DrillHierarchy): ResultField[] {
  return fields.filter((f) => f.role === h.role && f.kind === 'dimension' && f.key !== COMBINED_KEY);
}

const labelOf = (v: unknown): string => (v === null || v === undefined ? '(Blank)' : String(v));

/**
 * Expanded column levels: one combined label per row ("West Bikes") replaces the level columns in
 * the field list (the rows keep the level values, so a click still knows each level's value).
 */
export function combineLevels(rows: Record<string, unknown>[], fields: ResultField[], h: DrillHierarchy): { rows: Record<string, unknown>[]; fields: ResultField[] } {
  const levels = levelFields(fields, h);
  if (h.kind !== 'columns' || levels.length < 2) return { rows, fields };
  const combined: ResultField = { ...levels[levels.length - 1], key: COMBINED_KEY, label: levels.map((f) => f.label).join(' '), vlType: 'nominal', sqlType: 'VARCHAR' };
  const at = fields.indexOf(levels[0]);
  const out = fields.filter((f) => !levels.includes(f));
  out.splice(at, 0, combined);
  return { rows: rows.map((r) => ({ ...r, [COMBINED_KEY]: levels.map((f) => labelOf(r[f.key])).join(' ') })), fields: out };
}
