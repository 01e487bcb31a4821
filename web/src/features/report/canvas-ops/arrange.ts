/**
 * Pure layout maths of the canvas operations: which visuals a marquee touches, align and
 * distribute, and the alignment guides (with snapping) while visuals are moved. Page pixels.
 */
import type { Rect } from '../geometry';

export type AlignMode = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

export const ALIGN_MODES: readonly AlignMode[] = ['left', 'center', 'right', 'top', 'middle', 'bottom'];

/** The rect spanned by two corner points (any order). */
export function rectFromPoints(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** Whether two rects overlap or touch. */
export function touches(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** Ids of the rects the marquee touches, in the given order. */
export function marqueeHits(marquee: Rect, rects: Record<string, Rect>): string[] {
  return Object.entries(rects)
    .filter(([, r]) => touches(marquee, r))
    .map(([id]) => id);
}

function bounds(rects: Rect[]): { left: number; top: number; right: number; bottom: number } {
  return {
    left: Math.min(...rects.map((r) => r.x)),
    top: Math.min(...rects.map((r) => r.y)),
    right: Math.max(...rects.map((r) => r.x + r.w)),
    bottom: Math.max(...rects.map((r) => r.y + r.h)),
  };
}

/**
 * New positions that align the rects on the edge / centre of their common bounding box (as Power
 * BI does). Needs 2+ rects; returns only the rects that move.
 */
export function alignRects(rects: Record<string, Rect>, mode: AlignMode): Record<string, { x: number; y: number }> {
  const list = Object.values(rects);
  if (list.length < 2) return {};
  const b = bounds(list);
  const out: Record<string, { x: number; y: number }> = {};
  for (const [id, r] of Object.entries(rects)) {
    let { x, y } = r;
    if (mode === 'left') x = b.left;
    if (mode === 'right') x = b.right - r.w;
    if (mode === 'center') x = Math.round((b.left + b.right) / 2 - r.w / 2);
    if (mode === 'top') y = b.top;
    if (mode === 'bottom') y = b.bottom - r.h;
    if (mode === 'middle') y = Math.round((b.top + b.bottom) / 2 - r.h / 2);
    if (x !== r.x || y !== r.y) out[id] = { x, y };
  }
  return out;
}

/**
 * Equal gaps between the rects along an axis, the first and last staying where they are. Needs 3+
 * rects; returns only the rects that move.
 */
export function distributeRects(rects: Record<string, Rect>, axis: DistributeAxis): Record<string, { x: number; y: number }> {
  const entries = Object.entries(rects);
  if (entries.length < 3) return {};
  const pos = (r: Rect) => (axis === 'horizontal' ? r.x : r.y);
  const len = (r: Rect) => (axis === 'horizontal' ? r.w : r.h);
  entries.sort(([ia, a], [ib, b]) => pos(a) - pos(b) || (ia < ib ? -1 : 1));
  const first = entries[0][1];
  const last = entries[entries.length - 1][1];
  const span = pos(last) + len(last) - pos(first);
  const total = entries.reduce((sum, [, r]) => sum + len(r), 0);
  const gap = (span - total) / (entries.length - 1);
  const out: Record<string, { x: number; y: number }> = {};
  let cursor = pos(first);
  for (const [index, [id, r]] of entries.entries()) {
    const at = index === entries.length - 1 ? pos(last) : Math.round(cursor);
    cursor += len(r) + gap;
    if (at === pos(r)) continue;
    out[id] = axis === 'horizontal' ? { x: at, y: r.y } : { x: r.x, y: at };
  }
  return out;
}

/** A guide line in page pixels: vertical at `at` (x) or horizontal at `at` (y), from `from` to `to`. */
export interface Guide {
  orientation: 'vertical' | 'horizontal';
  at: number;
  from: number;
  to: number;
}

export const GUIDE_TOLERANCE = 6;

const xStops = (r: Rect) => [r.x, r.x + r.w / 2, r.x + r.w];
const yStops = (r: Rect) => [r.y, r.y + r.h / 2, r.y + r.h];

function bestOffset(moving: number[], targets: number[], tolerance: number): number | undefined {
  let best: number | undefined;
  for (const m of moving)
    for (const t of targets) {
      const d = t - m;
      if (Math.abs(d) <= tolerance && (best === undefined || Math.abs(d) < Math.abs(best))) best = d;
    }
  return best;
}

/**
 * While visuals move: snaps the moving group so an edge or centre lines up with another visual's
 * edge or centre (within `tolerance`), and returns the guide lines of every alignment that holds.
 */
export function guidesFor(
  moving: Record<string, Rect>,
  others: Rect[],
  tolerance = GUIDE_TOLERANCE,
): { dx: number; dy: number; guides: Guide[] } {
  const group = Object.values(moving);
  if (group.length === 0 || others.length === 0) return { dx: 0, dy: 0, guides: [] };
  const b = bounds(group);
  const box: Rect = { x: b.left, y: b.top, w: b.right - b.left, h: b.bottom - b.top };
  const dx = bestOffset(xStops(box), others.flatMap(xStops), tolerance) ?? 0;
  const dy = bestOffset(yStops(box), others.flatMap(yStops), tolerance) ?? 0;
  const snapped: Rect = { ...box, x: box.x + dx, y: box.y + dy };
  const guides: Guide[] = [];
  const seen = new Set<string>();
  for (const o of others) {
    for (const m of xStops(snapped))
      for (const t of xStops(o))
        if (Math.abs(m - t) < 0.5 && !seen.has(`v${t}`)) {
          seen.add(`v${t}`);
          guides.push({ orientation: 'vertical', at: t, from: Math.min(snapped.y, o.y), to: Math.max(snapped.y + snapped.h, o.y + o.h) });
        }
    for (const m of yStops(snapped))
      for (const t of yStops(o))
        if (Math.abs(m - t) < 0.5 && !seen.has(`h${t}`)) {
          seen.add(`h${t}`);
          guides.push({ orientation: 'horizontal', at: t, from: Math.min(snapped.x, o.x), to: Math.max(snapped.x + snapped.w, o.x + o.w) });
        }
  }
  return { dx, dy, guides };
}
