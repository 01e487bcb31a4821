/**
 * Renaming a calculated column carries the new name everywhere the old one is used, in the same transaction (one undo
 * step), as Power BI does: field refs in visuals (wells, their filters, sort, Top N), pages and the report (filters,
 * drill-through), relationships; hierarchy levels; and the expressions of measures and calculated columns.
 * Field refs keep a column's name as written, so they match exactly; expressions match names ignoring case.
 */
import * as Y from 'yjs';
import { renameColumnRefs } from '../query/lang/rename-column';
import { measureRefPositions } from '../query/measure/refs';
import { datasetsMap, metaMap, modelPart, pagesMap, visualsMap } from './layout';

interface Rename {
  datasetId: string;
  from: string;
  to: string;
}

/** `value` with every column field ref of the renamed column pointing to the new name; the same value when none. */
function renamedJson(value: unknown, r: Rename): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = renamedJson(item, r);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(record)) {
    const next = renamedJson(v, r);
    if (next !== v) (out ??= { ...record })[k] = next;
  }
  const base = out ?? record;
  if (base.datasetId === r.datasetId && base.column === r.from && !('measureId' in base)) return { ...base, column: r.to };
  return base;
}

/** Rewrites the plain values held in `type` and the Yjs types nested in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type (their event types differ)
function renameIn(type: Y.AbstractType<any>, r: Rename): void {
  if (type instanceof Y.Map) {
    for (const [k, v] of [...type.entries()]) {
      if (v instanceof Y.AbstractType) renameIn(v, r);
      else {
        const next = renamedJson(v, r);
        if (next !== v) type.set(k, next);
      }
    }
  } else if (type instanceof Y.Array) {
    type.toArray().forEach((v: unknown, i) => {
      if (v instanceof Y.AbstractType) renameIn(v, r);
      else {
        const next = renamedJson(v, r);
        if (next !== v) {
          type.delete(i, 1);
          type.insert(i, [next]);
        }
      }
    });
  }
}

/** Hierarchy levels name their dataset's columns. */
function renameLevels(doc: Y.Doc, r: Rename): void {
  for (const h of modelPart(doc, 'hierarchies')?.values() ?? []) {
    if (h.get('datasetId') !== r.datasetId) continue;
    const levels = h.get('levels');
    if (levels instanceof Y.Array) {
      levels.toArray().forEach((level: unknown, i) => {
        if (level !== r.from) return;
        levels.delete(i, 1);
        levels.insert(i, [r.to]);
      });
    } else if (Array.isArray(levels) && levels.includes(r.from)) h.set('levels', levels.map((level: unknown) => (level === r.from ? r.to : level)));
  }
}

/** Measures' and calculated columns' expressions. */
function renameInExpressions(doc: Y.Doc, r: Rename): void {
  const datasetName = String(datasetsMap(doc).get(r.datasetId)?.get('name') ?? '');
  const rewrite = (rec: Y.Map<unknown>, bare: (expression: string) => (pos: number) => boolean): void => {
    const expression = String(rec.get('expression') ?? '');
    const next = renameColumnRefs(expression, datasetName, r.from, r.to, bare(expression));
    if (next !== expression) rec.set('expression', next);
  };
  for (const m of modelPart(doc, 'measures')?.values() ?? []) {
    const own = m.get('datasetId') === r.datasetId;
    rewrite(m, (expression) => {
      // an unqualified [Name] is a measure reference unless it is an aggregate's column
      const measureRefs = own ? measureRefPositions(expression) : undefined;
      return (pos) => measureRefs !== undefined && !measureRefs.has(pos);
    });
  }
  for (const c of modelPart(doc, 'columns')?.values() ?? []) {
    const own = c.get('datasetId') === r.datasetId;
    rewrite(c, () => () => own);
  }
}

/** Inside a transaction: every use of column `from` of `datasetId` now says `to`. */
export function renameColumnEverywhere(doc: Y.Doc, datasetId: string, from: string, to: string): void {
  const r = { datasetId, from, to };
  for (const root of [visualsMap(doc), pagesMap(doc), metaMap(doc)]) renameIn(root, r);
  const relationships = modelPart(doc, 'relationships');
  if (relationships) renameIn(relationships, r);
  renameLevels(doc, r);
  renameInExpressions(doc, r);
}
