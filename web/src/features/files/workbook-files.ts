/**
 * What Save / Open do with the workbook: collect the document and the stored dataset snapshots into
 * a .tessera file, and write an opened file into this browser (DatasetStore + y-indexeddb).
 */
import { listDatasets, readMeta, renameWorkbook } from '@tessera/shared';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import type { DatasetStore } from '../../engine/storage/dataset-store';
import { CURRENT_WORKBOOK_KEY, workbookDatabaseName } from '../../workbook/open-local-workbook';
import { packWorkbookFile, type UnpackedWorkbookFile, type WorkbookFileDataset } from './tessera-format';

/** The Tessera version written into files (vite `define`; 'dev' under unit tests). */
export const APP_VERSION: string = String(import.meta.env.TESSERA_VERSION ?? 'dev');

export interface BuiltWorkbookFile {
  bytes: Uint8Array;
  /** datasets left out because their data is not stored in this browser */
  missing: string[];
}

export async function buildWorkbookFile(doc: Y.Doc, workbookId: string, store: DatasetStore): Promise<BuiltWorkbookFile> {
  const datasets: WorkbookFileDataset[] = [];
  const missing: string[] = [];
  for (const entry of listDatasets(doc)) {
    const stored = entry.version ? await store.get(entry.id, entry.version) : undefined;
    if (!stored) {
      missing.push(entry.name);
      continue;
    }
    datasets.push({ id: entry.id, name: entry.name, version: entry.version, data: new Uint8Array(await stored.arrayBuffer()) });
  }
  const bytes = await packWorkbookFile({
    workbookId,
    name: readMeta(doc).name,
    appVersion: APP_VERSION,
    update: Y.encodeStateAsUpdate(doc),
    datasets,
  });
  return { bytes, missing };
}

/** True when this browser holds a workbook with that id. */
export async function workbookExistsLocally(id: string, currentId: string): Promise<boolean> {
  if (id === currentId) return true;
  if (typeof indexedDB.databases !== 'function') return false;
  const databases = await indexedDB.databases();
  return databases.some((db) => db.name === workbookDatabaseName(id));
}

/** Stores the file's dataset snapshots (deleting the ones it added if a later one fails). */
export async function storeFileDatasets(file: UnpackedWorkbookFile, store: DatasetStore): Promise<void> {
  const existing = new Set((await store.list()).map((s) => `${s.id}@${s.version}`));
  const added: WorkbookFileDataset[] = [];
  try {
    for (const ds of file.datasets) {
      if (existing.has(`${ds.id}@${ds.version}`)) continue; // same id + version = same content
      await store.save(ds.id, ds.version, ds.data);
      added.push(ds);
    }
  } catch (error) {
    for (const ds of added) await store.delete(ds.id, ds.version).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes the file's workbook into this browser under `id`: a new workbook, or — when `id` already
 * exists here — a CRDT merge into it. `rename` names the result (for "Open as a copy").
 */
export async function writeWorkbookLocally(file: UnpackedWorkbookFile, id: string, store: DatasetStore, rename?: string): Promise<void> {
  await storeFileDatasets(file, store);
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(workbookDatabaseName(id), doc);
  try {
    await persistence.whenSynced;
    Y.applyUpdate(doc, file.update);
    if (rename) renameWorkbook(doc, rename);
    await storeState(persistence, true);
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
}

/** Makes `id` the current workbook and reloads the page into it. */
export function switchToWorkbook(id: string): void {
  localStorage.setItem(CURRENT_WORKBOOK_KEY, id);
  // a URL differing only in its hash would not reload: drop search + hash, then reload
  window.history.replaceState(null, '', window.location.pathname);
  window.location.reload();
}
