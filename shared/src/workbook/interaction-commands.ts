/**
 * Page-level report interactions: how each visual reacts to a click in another one ("Edit
 * interactions": filter / highlight / none, per source → target pair) and which fields make a page
 * a drill-through target. Both are optional page parts; absent means Power BI's defaults.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, parseInput, requireRecord, transactLocal } from './command-kit';
import { pagesMap, visualsMap } from './layout';
import { ColumnFieldRefSchema, IdSchema, InteractionModeSchema, type ColumnFieldRef, type InteractionMode } from './schema';

const InteractionSchema = z.object({ sourceVisualId: IdSchema, targetVisualId: IdSchema, mode: InteractionModeSchema });

function requireVisualOnPage(cmd: string, doc: Y.Doc, pageId: string, visualId: string, field: string): void {
  const rec = visualsMap(doc).get(visualId);
  if (!(rec instanceof Y.Map)) throw new CommandError(cmd, `${cmd}: there is no visual with id "${visualId}".`, field);
  if (rec.get('pageId') !== pageId) throw new CommandError(cmd, `${cmd}: the visual "${visualId}" is not on page "${pageId}".`, field);
}

/** Sets how `targetVisualId` reacts to a click in `sourceVisualId` (both on the page). */
export function setVisualInteraction(doc: Y.Doc, pageId: string, sourceVisualId: string, targetVisualId: string, mode: InteractionMode): void {
  const cmd = 'setVisualInteraction';
  const v = parseInput(cmd, InteractionSchema, { sourceVisualId, targetVisualId, mode });
  const page = requireRecord(cmd, pagesMap(doc), pageId, 'page');
  requireVisualOnPage(cmd, doc, pageId, v.sourceVisualId, 'sourceVisualId');
  requireVisualOnPage(cmd, doc, pageId, v.targetVisualId, 'targetVisualId');
  if (v.sourceVisualId === v.targetVisualId) throw new CommandError(cmd, `${cmd}: a visual does not interact with itself; choose another target visual.`, 'targetVisualId');
  transactLocal(doc, cmd, () => {
    let all = page.get('interactions');
    if (!(all instanceof Y.Map)) {
      all = new Y.Map<unknown>();
      page.set('interactions', all);
    }
    const map = all as Y.Map<unknown>;
    let bySource = map.get(v.sourceVisualId);
    if (!(bySource instanceof Y.Map)) {
      bySource = new Y.Map<unknown>();
      map.set(v.sourceVisualId, bySource);
    }
    (bySource as Y.Map<unknown>).set(v.targetVisualId, v.mode);
  });
}

/** Makes a page a drill-through target for these fields (an empty list: no longer a target). */
export function setPageDrillThrough(doc: Y.Doc, pageId: string, fields: ColumnFieldRef[]): void {
  const cmd = 'setPageDrillThrough';
  const { fields: clean } = parseInput(cmd, z.object({ fields: z.array(ColumnFieldRefSchema.omit({ aggregate: true, showAs: true })) }), { fields });
  const page = requireRecord(cmd, pagesMap(doc), pageId, 'page');
  const seen = new Set<string>();
  clean.forEach((f, i) => {
    const key = `${f.datasetId}\u0001${f.column}`;
    if (seen.has(key)) throw new CommandError(cmd, `${cmd}: "${f.column}" is listed twice; keep it once.`, `fields.${i}`);
    seen.add(key);
  });
  transactLocal(doc, cmd, () => {
    if (clean.length === 0) page.delete('drillThrough');
    else page.set('drillThrough', clean);
  });
}
