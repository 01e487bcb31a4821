/**
 * Stacking order of the visuals of one page (besides `bringVisualToFront`): one step forward or
 * backward, or to the very back. The page's visuals are renumbered 1..n in their new order in ONE
 * transaction; only the z values that change are written (concurrent moves of other visuals merge).
 */
import type * as Y from 'yjs';
import { requireRecord, transactLocal } from './command-kit';
import { visualsMap, type YRecord } from './layout';

type Step = 'forward' | 'backward' | 'back';

/** The page's visual ids, back to front (z, then id — the order `visualsOnPage` draws them in). */
function stackOf(doc: Y.Doc, pageId: string): { id: string; z: number; rec: YRecord }[] {
  const out: { id: string; z: number; rec: YRecord }[] = [];
  for (const [id, rec] of visualsMap(doc).entries()) {
    if (rec.get('pageId') !== pageId) continue;
    const z = rec.get('z');
    out.push({ id, z: typeof z === 'number' ? z : 0, rec });
  }
  return out.sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function restack(doc: Y.Doc, cmd: string, id: string, step: Step): void {
  const rec = requireRecord(cmd, visualsMap(doc), id, 'visual');
  transactLocal(doc, cmd, () => {
    const stack = stackOf(doc, String(rec.get('pageId')));
    const at = stack.findIndex((entry) => entry.id === id);
    const to = step === 'forward' ? Math.min(stack.length - 1, at + 1) : step === 'backward' ? Math.max(0, at - 1) : 0;
    if (to === at) return;
    const [moved] = stack.splice(at, 1);
    stack.splice(to, 0, moved);
    stack.forEach((entry, index) => {
      if (entry.z !== index + 1) entry.rec.set('z', index + 1);
    });
  });
}

/** Moves the visual one place towards the front of its page (no-op when it is in front). */
export function bringVisualForward(doc: Y.Doc, id: string): void {
  restack(doc, 'bringVisualForward', id, 'forward');
}

/** Moves the visual one place towards the back of its page (no-op when it is at the back). */
export function sendVisualBackward(doc: Y.Doc, id: string): void {
  restack(doc, 'sendVisualBackward', id, 'backward');
}

/** Puts the visual behind every other visual of its page. */
export function sendVisualToBack(doc: Y.Doc, id: string): void {
  restack(doc, 'sendVisualToBack', id, 'back');
}
