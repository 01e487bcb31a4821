import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, parseInput, requireRecord, transactLocal } from './command-kit';
import { readPageOrder } from './doc';
import { newId } from './ids';
import { cloneJson, pageOrderArray, pagesMap, visualsMap, type YRecord } from './layout';
import type { Filter } from './schema';

const DuplicatePageSchema = z.object({
  name: z.string().trim().min(1, 'the page name must not be empty').max(100, 'the page name is too long (max 100 characters)').optional(),
});
export type DuplicatePageOptions = z.input<typeof DuplicatePageSchema>;

/** Deep copy of a value stored in the document: nested Y types become new Y types, the rest plain JSON. */
function cloneY(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out = new Y.Map<unknown>();
    for (const [k, v] of value.entries()) out.set(k, cloneY(v));
    return out;
  }
  if (value instanceof Y.Array) {
    const out = new Y.Array<unknown>();
    out.push(value.toArray().map(cloneY));
    return out;
  }
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  return cloneJson(value);
}

function copyRecord(source: YRecord, overrides: Record<string, unknown>): YRecord {
  const out = new Y.Map<unknown>();
  for (const [k, v] of source.entries()) if (!(k in overrides)) out.set(k, cloneY(v));
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) out.set(k, v);
  return out;
}

/** A filter list with fresh ids; a slicer's page filter (`slicer_<visualId>`) follows its copied slicer. */
function copyFilters(value: unknown, visualIds: ReadonlyMap<string, string>): Filter[] {
  const filters = Array.isArray(value) ? (cloneJson(value) as Filter[]) : [];
  return filters.map((f) => {
    const slicer = f.id.startsWith('slicer_') ? visualIds.get(f.id.slice('slicer_'.length)) : undefined;
    return { ...f, id: slicer ? `slicer_${slicer}` : newId('flt_') };
  });
}

const plain = (value: unknown): Record<string, unknown> | undefined =>
  value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

/** Page interactions (nested Y.Maps keyed by visual ids), re-keyed to the copies. */
function copyInteractions(value: unknown, visualIds: ReadonlyMap<string, string>): Y.Map<unknown> | undefined {
  const all = plain(value);
  if (!all) return undefined;
  const out = new Y.Map<unknown>();
  for (const [source, targets] of Object.entries(all)) {
    const s = visualIds.get(source);
    const row = plain(targets);
    if (!s || !row) continue;
    const copy = new Y.Map<unknown>();
    for (const [target, mode] of Object.entries(row)) {
      const t = visualIds.get(target);
      if (t) copy.set(t, mode);
    }
    out.set(s, copy);
  }
  return out;
}

/**
 * Copies a page — its size, background, filters, drill-through fields, interactions and every visual
 * on it (fields, format, filters, sort, top N) — with new ids, right after the original. ONE transaction.
 * Returns the new page's id. The name defaults to "Duplicate of <name>".
 */
export function duplicatePage(doc: Y.Doc, pageId: string, options: DuplicatePageOptions = {}): string {
  const cmd = 'duplicatePage';
  const { name } = parseInput(cmd, DuplicatePageSchema, options);
  const source = requireRecord(cmd, pagesMap(doc), pageId, 'page');
  const sourceName = source.get('name');
  const newName = name ?? `Duplicate of ${typeof sourceName === 'string' ? sourceName : 'page'}`.slice(0, 100);
  const id = newId('pg_');
  if (pagesMap(doc).has(id)) throw new CommandError(cmd, `${cmd}: a page with id "${id}" already exists; try again.`, 'id');
  const visuals = [...visualsMap(doc).entries()].filter(([, rec]) => rec.get('pageId') === pageId);
  const visualIds = new Map(visuals.map(([vid]) => [vid, newId('vz_')] as const));
  transactLocal(doc, cmd, () => {
    pagesMap(doc).set(
      id,
      copyRecord(source, { name: newName, filters: copyFilters(source.get('filters'), visualIds), interactions: copyInteractions(source.get('interactions'), visualIds) }),
    );
    const order = pageOrderArray(doc);
    const shown = readPageOrder(doc).filter((p) => p !== id);
    const after = shown[shown.indexOf(pageId) + 1];
    const rawIndex = after === undefined ? -1 : order.toArray().indexOf(after);
    if (rawIndex < 0) order.push([id]);
    else order.insert(rawIndex, [id]);
    for (const [vid, rec] of visuals) {
      visualsMap(doc).set(visualIds.get(vid) ?? newId('vz_'), copyRecord(rec, { pageId: id, filters: copyFilters(rec.get('filters'), visualIds) }));
    }
  });
  return id;
}
