/**
 * The Visualizations gallery: the name Power BI users know for each visual type, its default size,
 * and the label of each field well. Types are listed in VISUAL_TYPES order (shared owns the list).
 */
import { VISUAL_ROLES, VISUAL_TYPES, roleKind, type VisualType } from '@tessera/shared';
import type { ColumnKind } from './field-kinds';

const TYPE_LABELS: Readonly<Record<string, string>> = {
  bar: 'Clustered bar chart',
  column: 'Clustered column chart',
  stackedBar: 'Stacked bar chart',
  stackedColumn: 'Stacked column chart',
  percentBar: '100% stacked bar chart',
  percentColumn: '100% stacked column chart',
  line: 'Line chart',
  area: 'Area chart',
  stackedArea: 'Stacked area chart',
  combo: 'Line and clustered column chart',
  pie: 'Pie chart',
  donut: 'Donut chart',
  scatter: 'Scatter chart',
  table: 'Table',
  matrix: 'Matrix',
  card: 'Card',
  multiRowCard: 'Multi-row card',
  kpi: 'KPI',
  slicer: 'Slicer',
  histogram: 'Histogram',
  heatmap: 'Heatmap',
  funnel: 'Funnel',
  waterfall: 'Waterfall chart',
  treemap: 'Treemap',
  map: 'Map',
  custom: 'Custom (Vega-Lite)',
};

export function visualTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

export function galleryTypes(): readonly VisualType[] {
  return VISUAL_TYPES;
}

const CARD_LIKE = new Set(['card', 'kpi']);
const SMALL = new Set(['card', 'kpi', 'multiRowCard']);

/** Default size of a new visual of this type, in page pixels (multiples of the grid). */
export function defaultSize(type: string): { w: number; h: number } {
  if (CARD_LIKE.has(type)) return { w: 240, h: 136 };
  if (SMALL.has(type)) return { w: 280, h: 200 };
  if (type === 'slicer') return { w: 200, h: 240 };
  if (type === 'table' || type === 'matrix') return { w: 400, h: 280 };
  return { w: 440, h: 280 };
}

const CATEGORY_AS_LEGEND = new Set(['pie', 'donut', 'funnel', 'treemap']);

/** The label of a well as Power BI shows it ("Axis", "Values", "Legend" …). */
export function roleLabel(type: string, role: string): string {
  switch (role) {
    case 'category':
      return CATEGORY_AS_LEGEND.has(type) ? 'Category' : 'Axis';
    case 'values':
      return type === 'slicer' ? 'Field' : 'Values';
    case 'series':
      return 'Legend';
    case 'tooltips':
      return 'Tooltips';
    case 'smallMultiples':
      return 'Small multiples';
    case 'columnValues':
      return 'Column values';
    case 'lineValues':
      return 'Line values';
    case 'x':
      return 'X';
    case 'y':
      return 'Y';
    case 'size':
      return 'Size';
    case 'details':
      return 'Details';
    case 'rows':
      return 'Rows';
    case 'columns':
      return 'Columns';
    case 'field':
      return 'Field';
    case 'target':
      return 'Target';
    case 'trend':
      return 'Trend axis';
    case 'location':
      return 'Location';
    default:
      return role.charAt(0).toUpperCase() + role.slice(1);
  }
}

export function rolesOf(type: VisualType): readonly string[] {
  return VISUAL_ROLES[type] ?? [];
}

/** Whether a column of this kind may go into the well (measures only into measure wells, except table columns). */
export function wellAccepts(type: VisualType, role: string, kind: ColumnKind | 'measure'): boolean {
  const wellKind = roleKind(type, role);
  if (kind === 'measure') return wellKind === 'measure' || role === 'columns' || role === 'tooltips';
  if (type === 'histogram' && role === 'values') return kind === 'numeric';
  return true;
}

/**
 * The first well that suits a field clicked in the Fields pane: numbers go to the first measure
 * well, everything else to the first dimension well; else the first well that still accepts it.
 */
export function firstSuitableRole(type: VisualType, kind: ColumnKind | 'measure', fields: Readonly<Record<string, readonly unknown[]>>): string | undefined {
  const roles = rolesOf(type).filter((role) => role !== 'tooltips' && wellAccepts(type, role, kind));
  const wantMeasure = kind === 'numeric' || kind === 'measure';
  const preferred = roles.filter((role) => (roleKind(type, role) === 'measure') === wantMeasure);
  const emptyPreferred = preferred.find((role) => (fields[role]?.length ?? 0) === 0 || !singleFieldRole(type, role));
  return emptyPreferred ?? preferred[0] ?? roles[0];
}

/** Wells that hold at most one field. */
export function singleFieldRole(type: string, role: string): boolean {
  if (role === 'category' && !CATEGORY_AS_LEGEND.has(type)) return false;
  return ['series', 'x', 'y', 'size', 'field', 'target', 'trend', 'location'].includes(role) || (type === 'histogram' && role === 'values');
}
