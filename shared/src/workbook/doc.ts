import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, newRecord, parseInput } from './command-kit';
import { newId } from './ids';
import {
  MODEL_PARTS,
  cloneJson,
  datasetsMap,
  metaMap,
  modelMap,
  modelPart,
  pageOrderArray,
  pagesMap,
  topTypes,
  visualsMap,
  type ModelPart,
  type YRecord,
} from './layout';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import {
  DEFAULT_PAGE_SIZE,
  type CalculatedColumn,
  type DatasetEntry,
  type FieldRef,
  type Filter,
  type Hierarchy,
  type Measure,
  type Page,
  type Relationship,
  type Visual,
  type WorkbookMeta,
  type WorkbookSnapshot,
} from './schema';

/** Origin of the one-off initialisation transaction (not undoable). */
export const INIT_ORIGIN: unique symbol = Symbol('tessera.init');

const InitSchema = z.object({
  name: z.string().trim().min(1, 'the workbook name must not be empty'),
  createdAt: z.string().optional(),
  theme: z.string().optional(),
  firstPageId: z.string().trim().min(1).optional(),
});
export type InitWorkbookInput = z.input<typeof InitSchema>;

/**
 * Lays out a new workbook: meta, the nested model maps and a first page "Page 1".
 * Idempotent: does nothing (returns false) when `meta` already has content. Call it only on a
 * document that is new — not on one that has not finished loading or syncing.
 */
export function initWorkbook(doc: Y.Doc, input: InitWorkbookInput): boolean {
  const { name, createdAt, theme, firstPageId } = parseInput('initWorkbook', InitSchema, input);
  const meta = metaMap(doc);
  if (meta.size > 0) return false;
  doc.transact(() => {
    meta.set('schemaVersion', CURRENT_SCHEMA_VERSION);
    meta.set('name', name);
    meta.set('theme', theme ?? 'default');
    meta.set('createdAt', createdAt ?? new Date().toISOString());
    const model = modelMap(doc);
    for (const part of MODEL_PARTS) if (!model.has(part)) model.set(part, new Y.Map<YRecord>());
    const pageId = firstPageId ?? newId('pg_');
    pagesMap(doc).set(pageId, newRecord({ name: 'Page 1', filters: [], size: { ...DEFAULT_PAGE_SIZE } }));
    pageOrderArray(doc).push([pageId]);
  }, INIT_ORIGIN);
  return true;
}

/** Throws unless the document has been initialised (used by commands that need the model maps). */
export function requireModelPart(doc: Y.Doc, command: string, part: ModelPart): Y.Map<YRecord> {
  const map = modelPart(doc, part);
  if (!map) throw new CommandError(command, `${command}: the workbook is not initialised yet (no model). Create or load the workbook first.`);
  return map;
}

const str = (rec: YRecord, key: string, fallback = ''): string => {
  const v = rec.get(key);
  return typeof v === 'string' ? v : fallback;
};
const num = (rec: YRecord, key: string, fallback = 0): number => {
  const v = rec.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};
const arr = <T>(rec: YRecord, key: string): T[] => {
  const v = rec.get(key);
  if (v instanceof Y.Array) return cloneJson(v.toArray() as T[]);
  return Array.isArray(v) ? cloneJson(v as T[]) : [];
};
const plain = <T>(rec: YRecord, key: string, fallback: T): T => {
  const v = rec.get(key);
  return v === undefined ? fallback : cloneJson(v as T);
};

function sortedRecord<T>(map: Y.Map<YRecord>, read: (id: string, rec: YRecord) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id of [...map.keys()].sort()) {
    const rec = map.get(id);
    if (!(rec instanceof Y.Map)) continue;
    const value = read(id, rec);
    if (value !== undefined) out[id] = value;
  }
  return out;
}

export function readMeta(doc: Y.Doc): WorkbookMeta {
  const meta = metaMap(doc);
  const filters = arr<Filter>(meta, 'filters');
  return {
    schemaVersion: num(meta, 'schemaVersion'),
    name: str(meta, 'name'),
    theme: str(meta, 'theme', 'default'),
    createdAt: str(meta, 'createdAt'),
    ...(filters.length > 0 ? { filters } : {}),
  };
}

export function readDataset(id: string, rec: YRecord): DatasetEntry {
  return {
    id,
    name: str(rec, 'name'),
    source: plain(rec, 'source', { kind: 'derived', sql: '' }),
    columns: arr(rec, 'columns'),
    rowCount: num(rec, 'rowCount'),
    version: str(rec, 'version'),
    refreshedAt: str(rec, 'refreshedAt'),
    transforms: arr(rec, 'transforms'),
  };
}

export function readPage(id: string, rec: YRecord): Page {
  const page: Page = { id, name: str(rec, 'name'), filters: arr(rec, 'filters'), size: plain(rec, 'size', { ...DEFAULT_PAGE_SIZE }) };
  // optional parts (drill-through target, edited interactions) appear only when set
  const drillThrough = rec.get('drillThrough');
  if (Array.isArray(drillThrough)) page.drillThrough = cloneJson(drillThrough as NonNullable<Page['drillThrough']>);
  const interactions = rec.get('interactions');
  if (interactions instanceof Y.Map) page.interactions = cloneJson(interactions.toJSON() as NonNullable<Page['interactions']>);
  const background = rec.get('background');
  if (typeof background === 'string' && background !== '') page.background = background;
  return page;
}

export function readVisual(id: string, rec: YRecord): Visual {
  const fields: Record<string, FieldRef[]> = {};
  const fieldMap = rec.get('fields');
  if (fieldMap instanceof Y.Map) {
    for (const role of [...fieldMap.keys()].sort()) {
      const refs: unknown = fieldMap.get(role);
      if (refs instanceof Y.Array) fields[role] = cloneJson(refs.toArray() as FieldRef[]);
    }
  }
  const formatMap = rec.get('format');
  const format: Record<string, unknown> = {};
  if (formatMap instanceof Y.Map) {
    for (const key of [...formatMap.keys()].sort()) format[key] = cloneJson(formatMap.get(key));
  }
  return {
    id,
    pageId: str(rec, 'pageId'),
    type: str(rec, 'type', 'table') as Visual['type'],
    x: num(rec, 'x'),
    y: num(rec, 'y'),
    w: num(rec, 'w'),
    h: num(rec, 'h'),
    z: num(rec, 'z'),
    title: str(rec, 'title'),
    fields,
    filters: arr(rec, 'filters'),
    format,
    sort: plain(rec, 'sort', null),
    topN: plain(rec, 'topN', null),
  };
}

function readModelPart<T>(doc: Y.Doc, part: ModelPart): Record<string, T> {
  const map = modelPart(doc, part);
  if (!map) return {};
  return sortedRecord(map, (id, rec) => ({ ...(rec.toJSON() as Record<string, unknown>), id }) as T);
}

/** Page ids in display order: first occurrence wins (concurrent moves can duplicate), unknown ids dropped. */
export function readPageOrder(doc: Y.Doc): string[] {
  const pages = pagesMap(doc);
  const seen = new Set<string>();
  for (const id of pageOrderArray(doc).toArray()) if (pages.has(id)) seen.add(id);
  for (const id of [...pages.keys()].sort()) seen.add(id); // a page missing from the order still shows, last
  return [...seen];
}

/** The whole workbook as plain JSON (a fresh copy: mutating it never touches the document). */
export function readWorkbook(doc: Y.Doc): WorkbookSnapshot {
  const pages = sortedRecord(pagesMap(doc), readPage);
  return {
    meta: readMeta(doc),
    datasets: sortedRecord(datasetsMap(doc), readDataset),
    model: {
      relationships: readModelPart<Relationship>(doc, 'relationships'),
      measures: readModelPart<Measure>(doc, 'measures'),
      columns: readModelPart<CalculatedColumn>(doc, 'columns'),
      hierarchies: readModelPart<Hierarchy>(doc, 'hierarchies'),
    },
    pageOrder: readPageOrder(doc),
    pages,
    visuals: sortedRecord(visualsMap(doc), (id, rec) => (str(rec, 'pageId') in pages ? readVisual(id, rec) : undefined)),
  };
}

/** Visuals of one page, back to front (z, then id). */
export function visualsOnPage(snapshot: WorkbookSnapshot, pageId: string): Visual[] {
  return Object.values(snapshot.visuals)
    .filter((v) => v.pageId === pageId)
    .sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Calls `cb` once after every transaction (local or remote) that changed the workbook.
 * Returns the unsubscribe function.
 */
export function observeWorkbook(doc: Y.Doc, cb: (transaction: Y.Transaction) => void): () => void {
  let dirty = false;
  const mark = (): void => {
    dirty = true;
  };
  const types = topTypes(doc);
  for (const t of types) t.observeDeep(mark);
  const after = (tx: Y.Transaction): void => {
    if (!dirty) return;
    dirty = false;
    cb(tx);
  };
  doc.on('afterTransaction', after);
  return () => {
    for (const t of types) t.unobserveDeep(mark);
    doc.off('afterTransaction', after);
  };
}
