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
  guardPersistenceWrites(persistence, doc);
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

type WriteFailureListener = (error: unknown) => void;
const writeFailureListeners = new Set<WriteFailureListener>();

/**
 * Called with the error whenever y-indexeddb fails to store a workbook change (quota, a closed
 * database, a browser that refuses the write). The change stays in memory: the user can still save
 * it to a file. Returns the unsubscribe function.
 */
export function onWorkbookWriteFailure(listener: WriteFailureListener): () => void {
  writeFailureListeners.add(listener);
  return () => writeFailureListeners.delete(listener);
}

function reportWriteFailure(error: unknown): void {
  for (const listener of [...writeFailureListeners]) listener(error);
}

/**
 * y-indexeddb 9 writes each update from its doc `update` observer (`_storeUpdate`) without catching:
 * a synchronous throw escapes into the editing command, and a failed request only rejects a promise
 * nobody awaits. So: wrap its observer (destroy() unhooks whatever `_storeUpdate` holds), and listen
 * on its database for the `error` / `abort` events that bubble up from every failed read-write
 * transaction (updates and the periodic compaction alike).
 */
function guardPersistenceWrites(persistence: IndexeddbPersistence, doc: Y.Doc): void {
  const store = persistence._storeUpdate;
  const guarded = (update: Uint8Array, origin: unknown): void => {
    try {
      store(update, origin);
    } catch (error) {
      reportWriteFailure(error);
    }
  };
  doc.off('update', store);
  doc.on('update', guarded);
  persistence._storeUpdate = guarded;
  void persistence._db.then(
    (db) => {
      const onFailure = (event: Event): void => {
        const target = event.target;
        const tx = target instanceof IDBTransaction ? target : target instanceof IDBRequest ? target.transaction : null;
        if (tx && tx.mode === 'readonly') return;
        const error = target instanceof IDBTransaction || target instanceof IDBRequest ? target.error : null;
        if (event.type === 'abort' && !error) return; // an abort we asked for, not a failure
        reportWriteFailure(error ?? new Error('the browser refused the write'));
      };
      db.addEventListener('error', onFailure);
      db.addEventListener('abort', onFailure);
    },
    () => undefined, // opening failures surface through whenSynced's caller
  );
}
