/**
 * The file a workbook was last saved to or opened from, remembered across reloads: a
 * FileSystemFileHandle is structured-cloneable, so it lives in IndexedDB keyed by workbook id and
 * Save (Ctrl+S) writes back to the same file after a reload, as a desktop app does.
 */
import { openDB } from 'idb';

const DB = 'tessera-file-handles';
const STORE = 'handles';

const database = () => openDB(DB, 1, { upgrade: (db) => void db.createObjectStore(STORE) });

export async function rememberFileHandle(workbookId: string, handle: FileSystemFileHandle | null): Promise<void> {
  const db = await database();
  if (handle) await db.put(STORE, handle, workbookId);
  else await db.delete(STORE, workbookId);
}

export async function recallFileHandle(workbookId: string): Promise<FileSystemFileHandle | undefined> {
  try {
    const value: unknown = await (await database()).get(STORE, workbookId);
    return value && typeof value === 'object' && 'kind' in value && value.kind === 'file' ? (value as FileSystemFileHandle) : undefined;
  } catch {
    return undefined;
  }
}

interface PermissionHandle {
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

/** A handle recalled after a reload may need the user's permission again (Save is a user gesture). */
export async function ensureWritable(handle: FileSystemFileHandle): Promise<void> {
  const h = handle as FileSystemFileHandle & PermissionHandle;
  if (!h.queryPermission || (await h.queryPermission({ mode: 'readwrite' })) === 'granted') return;
  if (h.requestPermission && (await h.requestPermission({ mode: 'readwrite' })) === 'granted') return;
  throw new Error(`Tessera may not write to “${handle.name}”. Allow it when the browser asks, or use Save as (Ctrl+Shift+S).`);
}
