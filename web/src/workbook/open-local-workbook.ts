/**
 * Opens a workbook's Y.Doc from this browser (y-indexeddb), migrating an older document and
 * initialising a new one. Works with no server at all.
 */
import { checkAndMigrate, initWorkbook, newId } from '@tessera/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

export interface LocalWorkbook {
  id: string;
  doc: Y.Doc;
  persistence: IndexeddbPersistence;
  /** true when the document was written by a newer Tessera */
  readOnly: boolean;
  /** what the user should know about how it opened (e.g. read-only because newer) */
  message?: string;
}

export const CURRENT_WORKBOOK_KEY = 'tessera.currentWorkbook';
export const DEFAULT_WORKBOOK_NAME = 'Untitled workbook';

/** IndexedDB database name of a workbook's document. */
export function workbookDatabaseName(id: string): string {
  return `tessera-workbook-${id}`;
}

export async function openLocalWorkbook(id: string, options: { name?: string } = {}): Promise<LocalWorkbook> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(workbookDatabaseName(id), doc);
  try {
    await persistence.whenSynced;
    const check = checkAndMigrate(doc);
    if (!check.readOnly) initWorkbook(doc, { name: options.name ?? DEFAULT_WORKBOOK_NAME });
    return { id, doc, persistence, readOnly: check.readOnly, message: check.message };
  } catch (error) {
    await persistence.destroy().catch(() => undefined);
    doc.destroy();
    throw error;
  }
}

/** The id of the workbook this browser last had open; a new id (remembered) on first run. */
export function currentWorkbookId(storage: Storage | undefined = globalThis.localStorage): string {
  const existing = storage?.getItem(CURRENT_WORKBOOK_KEY);
  if (existing) return existing;
  const id = newId('wb_');
  storage?.setItem(CURRENT_WORKBOOK_KEY, id);
  return id;
}
