/**
 * Canvas gestures wired into Canvas.tsx / VisualContainer.tsx: the marquee (drag on empty canvas),
 * guides while moving, and opening the context menu on a visual.
 */
import type { Visual } from '@tessera/shared';
import type { MouseEvent as ReactMouseEvent, PointerEvent as ReactPointerEvent } from 'react';
import { clampToPage, type Rect, type Size } from '../geometry';
import { useReportStore } from '../report-store';
import { guidesFor, marqueeHits, rectFromPoints } from './arrange';
import { useCanvasOps } from './canvas-ops-store';

const THRESHOLD = 3;

/**
 * Pointer down on the empty canvas: a click clears the selection (or keeps it with Shift/Ctrl); a
 * drag draws a marquee and selects the visuals it touches (added to the selection with Shift/Ctrl).
 */
export function startMarquee(event: ReactPointerEvent<HTMLElement>, canvas: HTMLElement, scale: number, visuals: readonly Visual[]): void {
  if (event.button !== 0) return;
  const additive = event.shiftKey || event.ctrlKey || event.metaKey;
  const store = useReportStore.getState();
  if (!additive) store.clearSelection();
  useCanvasOps.getState().closeMenu();
  const before = additive ? store.selection : [];
  const box = canvas.getBoundingClientRect();
  const toPage = (e: { clientX: number; clientY: number }) => ({ x: (e.clientX - box.left) / scale, y: (e.clientY - box.top) / scale });
  const start = toPage(event);
  const startClient = { x: event.clientX, y: event.clientY };
  let dragging = false;
  const rects: Record<string, Rect> = Object.fromEntries(visuals.map((v) => [v.id, { x: v.x, y: v.y, w: v.w, h: v.h }]));
  const move = (e: PointerEvent) => {
    if (!dragging && Math.hypot(e.clientX - startClient.x, e.clientY - startClient.y) < THRESHOLD) return;
    dragging = true;
    const marquee = rectFromPoints(start, toPage(e));
    useCanvasOps.getState().setMarquee(marquee);
    const hits = marqueeHits(marquee, rects);
    useReportStore.getState().select([...before, ...hits.filter((id) => !before.includes(id))]);
  };
  const up = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
    useCanvasOps.getState().setMarquee(null);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
}

/**
 * Applied to the live rects of a move: snaps the group so edges/centres line up with the other
 * visuals of the page and publishes the guide lines (shown while the drag lasts).
 */
export function withGuides(moved: Record<string, Rect>, pageVisuals: readonly Visual[], page: Size): Record<string, Rect> {
  const others = pageVisuals.filter((v) => !(v.id in moved)).map((v) => ({ x: v.x, y: v.y, w: v.w, h: v.h }));
  const { dx, dy, guides } = guidesFor(moved, others);
  useCanvasOps.getState().setGuides(guides);
  if (dx === 0 && dy === 0) return moved;
  return Object.fromEntries(Object.entries(moved).map(([id, r]) => [id, clampToPage({ ...r, x: r.x + dx, y: r.y + dy }, page)]));
}

/** Right-click on a visual: selects it (unless it is part of the selection) and opens the context menu. */
export function openVisualMenu(event: ReactMouseEvent, visualId: string): void {
  event.preventDefault();
  event.stopPropagation();
  const store = useReportStore.getState();
  if (!store.selection.includes(visualId)) store.select([visualId]);
  useCanvasOps.getState().openMenu({ x: event.clientX, y: event.clientY });
}
