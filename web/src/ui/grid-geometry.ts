/**
 * Vertical geometry of the DataGrid. Browsers cap an element's height (~33M px in Chromium), and
 * 10M rows × 28 px is far beyond it, so the scrollable spacer is capped and the real scroll
 * position is scaled onto a "virtual" offset in row space. Pure functions, unit-tested.
 */

/** Tallest spacer we ask the browser for; well under every engine's limit. */
export const MAX_SPACER_HEIGHT = 8_000_000;

export interface ScrollGeometry {
  /** height of the scrollable spacer, px (header included) */
  spacerHeight: number;
  /** virtual px per real px of scrolling; 1 when nothing is capped */
  scale: number;
  /** largest virtual offset (top of the last screenful) */
  maxVirtualTop: number;
}

export function scrollGeometry(rowCount: number, rowHeight: number, headerHeight: number, viewportHeight: number): ScrollGeometry {
  const contentHeight = Math.max(0, rowCount) * rowHeight + headerHeight;
  const spacerHeight = Math.max(viewportHeight, Math.min(contentHeight, MAX_SPACER_HEIGHT));
  const maxVirtualTop = Math.max(0, contentHeight - viewportHeight);
  const maxRealTop = Math.max(0, spacerHeight - viewportHeight);
  const scale = maxRealTop > 0 ? maxVirtualTop / maxRealTop : 1;
  return { spacerHeight, scale, maxVirtualTop };
}

export interface RowWindow {
  /** first row index drawn */
  first: number;
  /** last row index drawn (inclusive); first - 1 when there are none */
  last: number;
  /** how far the first row is scrolled above the body's top edge, px */
  offset: number;
}

/** The rows to draw for a virtual offset. */
export function rowWindow(virtualTop: number, bodyHeight: number, rowHeight: number, rowCount: number): RowWindow {
  if (rowCount <= 0) return { first: 0, last: -1, offset: 0 };
  const top = Math.max(0, virtualTop);
  const first = Math.min(Math.floor(top / rowHeight), rowCount - 1);
  const offset = top - first * rowHeight;
  const visible = Math.ceil((bodyHeight + offset) / rowHeight);
  const last = Math.min(rowCount - 1, first + Math.max(visible, 1) - 1);
  return { first, last, offset };
}

export type SortDirection = 'asc' | 'desc';

export interface GridSort {
  column: string;
  direction: SortDirection;
}

/** Header click cycle: none → ascending → descending → none; another column starts at ascending. */
export function nextSort(current: GridSort | null | undefined, column: string): GridSort | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  if (current.direction === 'asc') return { column, direction: 'desc' };
  return null;
}
