/**
 * Dataset snapshots in the browser: Origin Private File System where available, IndexedDB (idb)
 * otherwise. Key = dataset id + version. A failed save never touches an earlier file.
 */
import { createIdbStore } from './idb-store';
import { createOpfsStore, opfsAvailable } from './opfs-store';

export { StorageError, QUOTA_MESSAGE } from './storage-error';

export interface StoredSnapshot {
  id: string;
  version: string;
  bytes: number;
}

export interface DatasetStore {
  readonly kind: 'opfs' | 'indexeddb';
  /**
   * Stores the snapshot; throws StorageError (earlier snapshots stay intact). `version` may be a
   * promise (a content hash still being computed): the write starts at once, the key waits for it.
   */
  save(id: string, version: string | PromiseLike<string>, data: Uint8Array | Blob): Promise<void>;
  get(id: string, version: string): Promise<File | Blob | undefined>;
  /** Deletes one version, or every version of the dataset when `version` is omitted. */
  delete(id: string, version?: string): Promise<void>;
  list(): Promise<StoredSnapshot[]>;
  estimate(): Promise<{ usage: number; quota: number; persisted: boolean }>;
  /** Asks the browser not to evict Tessera's storage; resolves to whether it agreed. */
  requestPersistence(): Promise<boolean>;
}

/** Storage shared by both back ends: quota and persistence. */
export const storageManager = {
  async estimate(): Promise<{ usage: number; quota: number; persisted: boolean }> {
    const storage = globalThis.navigator?.storage;
    const [estimate, persisted] = await Promise.all([
      storage?.estimate ? storage.estimate() : Promise.resolve<StorageEstimate>({}),
      storage?.persisted ? storage.persisted() : Promise.resolve(false),
    ]);
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  },
  async requestPersistence(): Promise<boolean> {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    try {
      return await storage.persist();
    } catch {
      return false;
    }
  },
};

/** File-name-safe key of one snapshot: `<id>@<version>` with both parts URI-encoded. */
export function snapshotKey(id: string, version: string): string {
  return `${encodeURIComponent(id)}@${encodeURIComponent(version)}`;
}

export function parseSnapshotKey(key: string): { id: string; version: string } | undefined {
  const at = key.indexOf('@');
  if (at <= 0) return undefined;
  try {
    return { id: decodeURIComponent(key.slice(0, at)), version: decodeURIComponent(key.slice(at + 1)) };
  } catch {
    return undefined;
  }
}

export async function createDatasetStore(): Promise<DatasetStore> {
  if (await opfsAvailable()) return createOpfsStore();
  return createIdbStore();
}
