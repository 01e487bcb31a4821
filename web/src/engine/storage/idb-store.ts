/**
 * IndexedDB back end (where OPFS is missing). One record per snapshot, written in a single
 * transaction: it commits whole or not at all, so earlier snapshots are never touched.
 */
import { openDB, type DBSchema } from 'idb';
import { snapshotKey, storageManager, type DatasetStore } from './dataset-store';
import { toStorageError } from './storage-error';

interface SnapshotRecord {
  key: string;
  id: string;
  version: string;
  bytes: number;
  data: Blob;
}

interface Schema extends DBSchema {
  snapshots: { key: string; value: SnapshotRecord; indexes: { byId: string } };
}

export async function createIdbStore(name = 'tessera-datasets'): Promise<DatasetStore> {
  const db = await openDB<Schema>(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore('snapshots', { keyPath: 'key' });
      store.createIndex('byId', 'id');
    },
  });
  return {
    kind: 'indexeddb',
    async save(id, pendingVersion, data) {
      const version = await pendingVersion;
      const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
      try {
        const tx = db.transaction('snapshots', 'readwrite');
        await Promise.all([tx.store.put({ key: snapshotKey(id, version), id, version, bytes: blob.size, data: blob }), tx.done]);
      } catch (error) {
        throw toStorageError(error);
      }
    },
    async get(id, version) {
      return (await db.get('snapshots', snapshotKey(id, version)))?.data;
    },
    async delete(id, version) {
      if (version !== undefined) {
        await db.delete('snapshots', snapshotKey(id, version));
        return;
      }
      const tx = db.transaction('snapshots', 'readwrite');
      const keys = await tx.store.index('byId').getAllKeys(id);
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    },
    async list() {
      const records = await db.getAll('snapshots');
      return records.map(({ id, version, bytes }) => ({ id, version, bytes }));
    },
    estimate: storageManager.estimate,
    requestPersistence: storageManager.requestPersistence,
  };
}
