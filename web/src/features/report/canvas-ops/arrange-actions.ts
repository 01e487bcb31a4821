/**
 * Canvas operations on the workbook, composed from shared commands (run them inside `useEdit` so a
 * gesture is one undo step): align, distribute and stacking order of the selected visuals.
 */
import { bringVisualForward, bringVisualToFront, moveVisual, readWorkbook, sendVisualBackward, sendVisualToBack } from '@tessera/shared';
import type * as Y from 'yjs';
import type { Rect } from '../geometry';
import { alignRects, distributeRects, type AlignMode, type DistributeAxis } from './arrange';

export type ZOrderOp = 'front' | 'forward' | 'backward' | 'back';

function rectsOf(doc: Y.Doc, ids: readonly string[]): Record<string, Rect> {
  const visuals = readWorkbook(doc).visuals;
  const out: Record<string, Rect> = {};
  for (const id of ids) {
    const v = visuals[id];
    if (v) out[id] = { x: v.x, y: v.y, w: v.w, h: v.h };
  }
  return out;
}

/** Aligns 2+ visuals; returns how many moved. */
export function alignVisuals(doc: Y.Doc, ids: readonly string[], mode: AlignMode): number {
  const moves = Object.entries(alignRects(rectsOf(doc, ids), mode));
  for (const [id, p] of moves) moveVisual(doc, id, p.x, p.y);
  return moves.length;
}

/** Distributes 3+ visuals with equal gaps; returns how many moved. */
export function distributeVisuals(doc: Y.Doc, ids: readonly string[], axis: DistributeAxis): number {
  const moves = Object.entries(distributeRects(rectsOf(doc, ids), axis));
  for (const [id, p] of moves) moveVisual(doc, id, p.x, p.y);
  return moves.length;
}

/**
 * Changes the stacking order of the visuals, keeping their order among themselves: to the front /
 * forward go the hindmost first, to the back / backward the foremost first.
 */
export function restackVisuals(doc: Y.Doc, ids: readonly string[], op: ZOrderOp): void {
  const visuals = readWorkbook(doc).visuals;
  const ordered = ids
    .filter((id) => visuals[id])
    .sort((a, b) => visuals[a].z - visuals[b].z || (a < b ? -1 : 1));
  const sequence = op === 'front' || op === 'backward' ? ordered : [...ordered].reverse();
  const run = { front: bringVisualToFront, forward: bringVisualForward, backward: sendVisualBackward, back: sendVisualToBack }[op];
  for (const id of sequence) run(doc, id);
}
