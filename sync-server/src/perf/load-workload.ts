import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../db';
import { members, users, workbookUpdates, workbooks, workspaces } from '../db/schema';
import { SyncHub } from '../sync/hub';
import { createTempDir, createTestDatabase } from '../testing/databases';

export interface LoadWorkload {
  handle: DatabaseHandle;
  workbookId: string;
  /** Bytes of the stored snapshot after compaction. */
  snapshotBytes: number;
  /** The doc the updates were made from, as JSON (to check every open). */
  expectedJson: string;
  /** Opens the workbook the way the server does for the first socket (load snapshot + tail); returns ms. */
  open(): Promise<number>;
  cleanup(): Promise<void>;
}

/**
 * For `pnpm bench load`: a real PostgreSQL database (127.0.0.1:5432) holding one workbook made of
 * `updates` small Yjs updates. `uncompactedMs` is the open time of the raw log (the reference);
 * then the log is compacted through the hub, as the server does.
 */
export async function prepareLoadWorkload(updates: number, note: (message: string) => void): Promise<LoadWorkload & { uncompactedMs: number }> {
  const database = await createTestDatabase();
  const dir = await createTempDir('tessera-bench-');
  const handle = await openDatabase({ url: database.url, dataDir: dir.path });
  await handle.migrate();
  const [user] = await handle.db.insert(users).values({ email: 'bench@example.com', name: 'Bench', passwordHash: 'x' }).returning();
  const [workspace] = await handle.db.insert(workspaces).values({ name: 'Bench' }).returning();
  await handle.db.insert(members).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
  const workbookId = 'bench-load';
  await handle.db.insert(workbooks).values({ id: workbookId, workspaceId: workspace.id, name: 'Bench' });

  const doc = new Y.Doc();
  const made: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => made.push(update));
  const visuals = doc.getMap<Y.Map<unknown>>('visuals');
  for (let i = 0; i < updates; i++) {
    const id = `v${i % 200}`;
    let visual = visuals.get(id);
    if (!visual) {
      visual = new Y.Map<unknown>();
      visuals.set(id, visual);
    } else {
      visual.set(i % 3 === 0 ? 'x' : i % 3 === 1 ? 'y' : 'title', i % 3 === 2 ? `Title ${i}` : i);
    }
  }
  // In order, like the server stores them (out-of-order rows would leave Yjs juggling pending structs).
  for (let i = 0; i < made.length; i += 2000) {
    await handle.db.insert(workbookUpdates).values(made.slice(i, i + 2000).map((update) => ({ workbookId, update })));
    if (i % 20_000 === 0 && i > 0) note(`  … ${i} updates stored`);
  }
  const expectedJson = JSON.stringify(doc.toJSON());

  const openOnce = async (): Promise<number> => {
    const hub = new SyncHub(handle, { compactAfter: Number.MAX_SAFE_INTEGER });
    const started = performance.now();
    const room = await hub.acquire(workbookId);
    const ms = performance.now() - started;
    if (JSON.stringify({ visuals: room.doc.getMap('visuals').toJSON() }) !== JSON.stringify({ visuals: doc.getMap('visuals').toJSON() })) {
      throw new Error('the opened workbook differs from the one written');
    }
    hub.release(room);
    await room.idle();
    return ms;
  };

  const uncompactedMs = await openOnce();
  const hub = new SyncHub(handle);
  await hub.withRoom(workbookId, (room) => room.exclusive(() => room.compactNow()));
  const loaded = await hub.persistence.load(workbookId);
  if (loaded.updates.length !== 0 || !loaded.snapshot) throw new Error('compaction left updates behind');

  return {
    handle,
    workbookId,
    snapshotBytes: loaded.snapshot.state.byteLength,
    expectedJson,
    uncompactedMs,
    open: openOnce,
    cleanup: async () => {
      await handle.close();
      await database.drop();
      await dir.remove();
    },
  };
}
