/**
 * OPFS back end. Writes go to `<key>.tmp-<n>` first and are moved into place only when complete,
 * so a failed or interrupted write leaves earlier files intact; stray temp files are cleaned up.
 */
import { parseSnapshotKey, snapshotKey, storageManager, type DatasetStore, type StoredSnapshot } from './dataset-store';
import { toStorageError } from './storage-error';

const DIR = 'tessera-datasets';
const TMP = '.tmp-';

interface MovableHandle extends FileSystemFileHandle {
  move?: (name: string) => Promise<void>;
}

export async function opfsAvailable(): Promise<boolean> {
  try {
    const storage = globalThis.navigator?.storage;
    if (!storage?.getDirectory) return false;
    const root = await storage.getDirectory();
    const dir = await root.getDirectoryHandle(DIR, { create: true });
    // createWritable is what saving needs (Safari only has sync access handles in workers).
    const probe = (await dir.getFileHandle(`probe${TMP}0`, { create: true })) as FileSystemFileHandle;
    const ok = typeof probe.createWritable === 'function';
    await dir.removeEntry(`probe${TMP}0`).catch(() => undefined);
    return ok;
  } catch {
    return false;
  }
}

async function directory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIR, { create: true });
}

async function entries(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  // keys() is in every OPFS browser; TS's DOM lib types it only on some versions.
  const iterable = (dir as unknown as { keys(): AsyncIterable<string> }).keys();
  for await (const name of iterable) names.push(name);
  return names;
}

async function writeFile(handle: FileSystemFileHandle, data: Uint8Array | Blob): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]));
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

let counter = 0;

export async function createOpfsStore(): Promise<DatasetStore> {
  const dir = await directory();
  // Temp files left by a crash mid-write are garbage: remove them.
  for (const name of await entries(dir)) if (name.includes(TMP)) await dir.removeEntry(name).catch(() => undefined);

  return {
    kind: 'opfs',
    async save(id, version, data) {
      // The write starts at once; the key waits for the version (a hash the caller may still be computing).
      const tmpName = `${id}${TMP}${Date.now()}-${counter++}`;
      try {
        const tmp = (await dir.getFileHandle(tmpName, { create: true })) as MovableHandle;
        await writeFile(tmp, data);
        const expected = data instanceof Blob ? data.size : data.byteLength;
        const written = await tmp.getFile();
        if (written.size !== expected) throw new Error(`wrote ${written.size} of ${expected} bytes`);
        const key = snapshotKey(id, await version);
        if (typeof tmp.move === 'function') {
          await dir.removeEntry(key).catch(() => undefined);
          await tmp.move(key);
        } else {
          // No move(): copy the verified temp file into place, then drop the temp file.
          const target = await dir.getFileHandle(key, { create: true });
          await writeFile(target, written);
          await dir.removeEntry(tmpName).catch(() => undefined);
        }
      } catch (error) {
        await dir.removeEntry(tmpName).catch(() => undefined);
        throw toStorageError(error);
      }
    },
    async get(id, version) {
      try {
        const handle = await dir.getFileHandle(snapshotKey(id, version));
        return await handle.getFile();
      } catch {
        return undefined;
      }
    },
    async delete(id, version) {
      if (version !== undefined) {
        await dir.removeEntry(snapshotKey(id, version)).catch(() => undefined);
        return;
      }
      for (const name of await entries(dir)) {
        if (name.includes(TMP)) continue;
        if (parseSnapshotKey(name)?.id === id) await dir.removeEntry(name).catch(() => undefined);
      }
    },
    async list() {
      const out: StoredSnapshot[] = [];
      for (const name of await entries(dir)) {
        if (name.includes(TMP)) continue;
        const parsed = parseSnapshotKey(name);
        if (!parsed) continue;
        const file = await (await dir.getFileHandle(name)).getFile();
        out.push({ ...parsed, bytes: file.size });
      }
      return out;
    },
    estimate: storageManager.estimate,
    requestPersistence: storageManager.requestPersistence,
  };
}
