/** Slicer variants (format key `slicerStyle`) and the default for each kind of field (Power BI's). */
import type { ColumnKind } from '../field-kinds';

export const SLICER_STYLES = ['list', 'dropdown', 'between', 'relative', 'dateRange'] as const;
export type SlicerStyle = (typeof SLICER_STYLES)[number];

export const SLICER_STYLE_LABELS: Record<SlicerStyle, string> = {
  list: 'List',
  dropdown: 'Dropdown',
  between: 'Between',
  relative: 'Relative date',
  dateRange: 'Date range',
};

/** Text → list, number → between, date → date range. */
export function defaultSlicerStyle(kind: ColumnKind): SlicerStyle {
  return kind === 'numeric' ? 'between' : kind === 'date' ? 'dateRange' : 'list';
}

/** The styles that make sense for a kind of field. */
export function slicerStylesFor(kind: ColumnKind): SlicerStyle[] {
  if (kind === 'numeric') return ['between', 'list', 'dropdown'];
  if (kind === 'date') return ['dateRange', 'relative', 'list', 'dropdown'];
  return ['list', 'dropdown'];
}

/** The style a slicer shows: its format's `slicerStyle` when it fits the field, else the default for the field. */
export function slicerStyleOf(format: Record<string, unknown>, kind: ColumnKind): SlicerStyle {
  const chosen = format.slicerStyle;
  const allowed = slicerStylesFor(kind);
  return typeof chosen === 'string' && (allowed as string[]).includes(chosen) ? (chosen as SlicerStyle) : defaultSlicerStyle(kind);
}
