/**
 * Pure layout maths of the report canvas: snapping to the grid, clamping to the page, resizing by a
 * handle, nudging, and placing pasted copies. Units are page pixels (the page's own size, before the
 * canvas is scaled to fit the window).
 */

export const GRID = 8;
export const MIN_VISUAL_W = 48;
export const MIN_VISUAL_H = 40;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

export function snap(value: number, grid = GRID): number {
  return Math.round(value / grid) * grid;
}

/** Keeps a rect inside the page (moving it, never shrinking below the minimum). */
export function clampToPage(rect: Rect, page: Size): Rect {
  const w = Math.max(MIN_VISUAL_W, Math.min(rect.w, page.width));
  const h = Math.max(MIN_VISUAL_H, Math.min(rect.h, page.height));
  const x = Math.max(0, Math.min(rect.x, page.width - w));
  const y = Math.max(0, Math.min(rect.y, page.height - h));
  return { x, y, w, h };
}

/** The rect after dragging it by (dx, dy), snapped to the grid and kept on the page. */
export function movedRect(start: Rect, dx: number, dy: number, page: Size, grid = GRID): Rect {
  return clampToPage({ ...start, x: snap(start.x + dx, grid), y: snap(start.y + dy, grid) }, page);
}

/** The rect after dragging one of its handles by (dx, dy); the opposite edges stay put. */
export function resizedRect(start: Rect, handle: Handle, dx: number, dy: number, page: Size, grid = GRID): Rect {
  let left = start.x;
  let top = start.y;
  let right = start.x + start.w;
  let bottom = start.y + start.h;
  if (handle.includes('w')) left = Math.min(snap(left + dx, grid), right - MIN_VISUAL_W);
  if (handle.includes('e')) right = Math.max(snap(right + dx, grid), left + MIN_VISUAL_W);
  if (handle.includes('n')) top = Math.min(snap(top + dy, grid), bottom - MIN_VISUAL_H);
  if (handle.includes('s')) bottom = Math.max(snap(bottom + dy, grid), top + MIN_VISUAL_H);
  left = Math.max(0, left);
  top = Math.max(0, top);
  right = Math.min(page.width, right);
  bottom = Math.min(page.height, bottom);
  return { x: left, y: top, w: Math.max(MIN_VISUAL_W, right - left), h: Math.max(MIN_VISUAL_H, bottom - top) };
}

/** Arrow-key nudge: 1 px, or one grid step with Shift. Returns undefined for other keys. */
export function nudgeDelta(key: string, shift: boolean, grid = GRID): { dx: number; dy: number } | undefined {
  const step = shift ? grid : 1;
  switch (key) {
    case 'ArrowLeft':
      return { dx: -step, dy: 0 };
    case 'ArrowRight':
      return { dx: step, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -step };
    case 'ArrowDown':
      return { dx: 0, dy: step };
    default:
      return undefined;
  }
}

/** A new visual of size (w, h) centred on a drop point, snapped and kept on the page. */
export function rectAtDrop(point: { x: number; y: number }, w: number, h: number, page: Size, grid = GRID): Rect {
  return clampToPage({ x: snap(point.x - w / 2, grid), y: snap(point.y - h / 2, grid), w, h }, page);
}

/** Where a pasted/duplicated copy goes: offset by two grid steps, wrapped back when it would leave the page. */
export function pastedRect(source: Rect, page: Size, times = 1, grid = GRID): Rect {
  const offset = 2 * grid * times;
  let x = source.x + offset;
  let y = source.y + offset;
  if (x + source.w > page.width) x = source.x - offset;
  if (y + source.h > page.height) y = source.y - offset;
  return clampToPage({ ...source, x, y }, page);
}

/** Scale that fits a page into a box (never above 1.5, never below 0.1). */
export function fitScale(page: Size, box: Size): number {
  if (box.width <= 0 || box.height <= 0) return 1;
  return Math.max(0.1, Math.min(1.5, box.width / page.width, box.height / page.height));
}
