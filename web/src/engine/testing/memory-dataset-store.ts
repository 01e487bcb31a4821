import { snapshotKey, type DatasetStore } from '../storage/dataset-store';

/** A DatasetStore kept in memory: for Node tests and tools (no OPFS or IndexedDB there). */
export function createMemoryDatasetStore(): DatasetStore & { readonly kind: 'indexeddb' } {
  const blobs = new Map<string, { id: string; version: string; blob: Blob }>();
  return {
    kind: 'indexeddb',
    async save(id, pendingVersion, data) {
      const version = await pendingVersion;
      blobs.set(snapshotKey(id, version), { id, version, blob: data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]) });
    },
    async get(id, version) {
      return blobs.get(snapshotKey(id, version))?.blob;
    },
    async delete(id, version) {
      for (const [key, entry] of blobs) if (entry.id === id && (version === undefined || entry.version === version)) blobs.delete(key);
    },
    async list() {
      return [...blobs.values()].map(({ id, version, blob }) => ({ id, version, bytes: blob.size }));
    },
    async estimate() {
      return { usage: [...blobs.values()].reduce((n, e) => n + e.blob.size, 0), quota: 0, persisted: false };
    },
    async requestPersistence() {
      return false;
    },
  };
}
