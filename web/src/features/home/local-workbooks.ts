/**
 * Operations on the workbooks stored in this browser (each a y-indexeddb database): create, read,
 * rename, duplicate, switch to, and delete for good (with its dataset snapshots that no other
 * workbook references). The open workbook is edited through its live Y.Doc; the others are opened
 * for the operation and closed again.
 */
import { initWorkbook, listDatasets, newId, readWorkbook, renameWorkbook } from '@tessera/shared';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import * as Y from 'yjs';
import type { DatasetStore } from '../../engine/storage/dataset-store';
import { CURRENT_WORKBOOK_KEY, DEFAULT_WORKBOOK_NAME } from '../../workbook';
import { workbookDatabaseName } from '../../workbook/open-local-workbook';
import { snapshotsToDelete, type SnapshotRef } from './snapshot-refs';
import type { WorkbookRegistry } from './workbook-registry';

const DB_PREFIX = workbookDatabaseName('');

/**
 * Resolves when every write y-indexeddb has queued so far is committed: read-write transactions on
 * the same store run in the order they were created, so an empty one completing means they are done.
 */
function writesCommitted(db: IDBDatabase | null): Promise<void> {
  if (!db) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readwrite');
    tx.objectStore('updates').count();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the browser refused to save the workbook'));
    tx.onabort = () => reject(tx.error ?? new Error('the browser aborted saving the workbook'));
  });
}

/** Opens a stored workbook's document, runs `fn` on it, waits until its writes are committed and closes it. */
async function withStoredDoc<T>(id: string, fn: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(workbookDatabaseName(id), doc);
  try {
    await persistence.whenSynced;
    const out = fn(doc);
    await writesCommitted(persistence.db);
    return out;
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
}

/** Ids of the workbook databases in this browser (where the browser can list them). */
export async function storedWorkbookIds(): Promise<string[] | undefined> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  const dbs = await indexedDB.databases();
  return dbs.map((d) => d.name ?? '').filter((n) => n.startsWith(DB_PREFIX)).map((n) => n.slice(DB_PREFIX.length));
}

/** Adds to the registry the workbooks stored here that it does not know (e.g. made before it existed). */
export async function discoverWorkbooks(registry: WorkbookRegistry): Promise<void> {
  const ids = await storedWorkbookIds();
  if (!ids) return;
  for (const id of ids) {
    if (registry.get(id)) continue;
    const info = await withStoredDoc(id, (doc) => {
      const snap = readWorkbook(doc);
      return { name: snap.meta.name || DEFAULT_WORKBOOK_NAME, datasetCount: Object.keys(snap.datasets).length };
    });
    registry.upsert({ id, ...info, updatedAt: 0 });
  }
}

/** Creates an empty workbook (one page) and returns its id. */
export async function createWorkbook(registry: WorkbookRegistry, name: string): Promise<string> {
  const id = newId('wb_');
  await withStoredDoc(id, (doc) => initWorkbook(doc, { name }));
  registry.upsert({ id, name, updatedAt: Date.now(), datasetCount: 0 });
  return id;
}

/** Renames a workbook: the open one through its live document, another one in its stored document. */
export async function renameStoredWorkbook(registry: WorkbookRegistry, id: string, name: string, open?: { id: string; doc: Y.Doc }): Promise<void> {
  if (open?.id === id) renameWorkbook(open.doc, name);
  else await withStoredDoc(id, (doc) => renameWorkbook(doc, name));
  registry.upsert({ id, name: name.trim(), updatedAt: Date.now() });
}

/** Copies a workbook's whole document under a new id, named “… (copy)”; dataset snapshots are shared. */
export async function duplicateWorkbook(registry: WorkbookRegistry, id: string, open?: { id: string; doc: Y.Doc }): Promise<string> {
  const state = open?.id === id ? Y.encodeStateAsUpdate(open.doc) : await withStoredDoc(id, (doc) => Y.encodeStateAsUpdate(doc));
  const copyId = newId('wb_');
  const result = await withStoredDoc(copyId, (doc) => {
    Y.applyUpdate(doc, state);
    const source = readWorkbook(doc);
    const name = `${source.meta.name || DEFAULT_WORKBOOK_NAME} (copy)`.slice(0, 200);
    renameWorkbook(doc, name);
    return { name, datasetCount: Object.keys(source.datasets).length };
  });
  registry.upsert({ id: copyId, ...result, updatedAt: Date.now() });
  return copyId;
}

/** Makes `id` the current workbook and reloads the app on its report. */
export function switchToWorkbook(id: string): void {
  localStorage.setItem(CURRENT_WORKBOOK_KEY, id);
  location.hash = '#/report';
  location.reload();
}

function refsOf(doc: Y.Doc): SnapshotRef[] {
  return listDatasets(doc).map((d) => ({ id: d.id, version: d.version }));
}

/**
 * Deletes a workbook for good: its document database, and the dataset snapshots no other workbook
 * of this browser references (the others' documents are read to check).
 */
export async function purgeWorkbook(registry: WorkbookRegistry, store: DatasetStore, id: string, open: { id: string; doc: Y.Doc }): Promise<void> {
  if (id === open.id) throw new Error('The open workbook cannot be deleted: open another workbook first.');
  const existing = await storedWorkbookIds();
  const deleted = existing && !existing.includes(id) ? [] : await withStoredDoc(id, refsOf);
  const otherIds = new Set(existing ?? registry.getAll().map((e) => e.id));
  otherIds.delete(id);
  otherIds.delete(open.id);
  const others: SnapshotRef[][] = [refsOf(open.doc)];
  for (const other of otherIds) others.push(await withStoredDoc(other, refsOf));
  await clearDocument(workbookDatabaseName(id));
  for (const target of snapshotsToDelete(deleted, others)) await store.delete(target.id, target.version);
  registry.remove(id);
}
