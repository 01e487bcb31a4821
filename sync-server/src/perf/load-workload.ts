import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../db';
import { members, users, workbooks, workspaces } from '../db/schema';
import { SyncHub } from '../sync/hub';
import { createTempDir, createTestDatabase } from '../testing/databases';

/** One server-side open of the workbook, in ms from the start of `SyncHub.acquire`. */
export interface OpenTimes {
  /** The room is open: stored state read, sync step 1 (its state vector) ready for the socket. */
  openMs: number;
  /** …and the sync step 2 a fresh client (empty state vector) asks for is encoded. */
  answerMs: number;
  /** …and the room's Y.Doc is built (the lazy work the room does right after answering). */
  docMs: number;
  /** CPU time of this process for the answer and for the build (synchronous work: less skewed by a busy machine than wall time), ms. */
  answerCpuMs: number;
  buildCpuMs: number;
}

export interface LoadWorkload {
  handle: DatabaseHandle;
  workbookId: string;
  /** Bytes of the stored snapshot after compaction. */
  snapshotBytes: number;
  /** Opens the workbook the way the server does for the first socket; checks the content. */
  open(): Promise<OpenTimes>;
  cleanup(): Promise<void>;
}

/**
 * For `pnpm bench load`: a real PostgreSQL database (127.0.0.1:5432) holding one workbook made of
 * `updates` small Yjs updates, stored through the hub's persistence. `uncompacted` is the open of the
 * raw log (the reference); then the log is compacted through the hub, as the server does.
 */
export async function prepareLoadWorkload(updates: number, note: (message: string) => void): Promise<LoadWorkload & { uncompacted: OpenTimes }> {
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
  const writer = new SyncHub(handle, { compactAfter: Number.MAX_SAFE_INTEGER });
  // In order, like the server stores them (out-of-order rows would leave Yjs juggling pending structs).
  for (let i = 0; i < made.length; i += 2000) {
    await writer.persistence.store(workbookId, made.slice(i, i + 2000));
    if (i % 20_000 === 0 && i > 0) note(`  … ${i} updates stored`);
  }
  const expected = JSON.stringify(doc.getMap('visuals').toJSON());
  // Only the stored rows are needed from here on: dropping the 100k updates and the writer's doc keeps
  // the garbage collector from charging their upkeep to every timed open.
  made.length = 0;
  doc.destroy();

  const openOnce = async (): Promise<OpenTimes> => {
    const hub = new SyncHub(handle, { compactAfter: Number.MAX_SAFE_INTEGER });
    const started = performance.now();
    const room = await hub.acquire(workbookId);
    // What the hub does for the first socket, synchronously after the room is open.
    const openMs = performance.now() - started;
    if (room.stateVector().byteLength === 0) throw new Error('the room has no state vector');
    const cpu = process.cpuUsage();
    const answer = room.updateFor(new Uint8Array([0]));
    const answerMs = performance.now() - started;
    const answerCpu = process.cpuUsage(cpu);
    const built = room.doc;
    const docMs = performance.now() - started;
    const buildCpu = process.cpuUsage(cpu);
    const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
    if (JSON.stringify(built.getMap('visuals').toJSON()) !== expected) throw new Error('the opened workbook differs from the one written');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, answer);
    if (JSON.stringify(fresh.getMap('visuals').toJSON()) !== expected) throw new Error('the answer to a fresh client differs from the workbook written');
    fresh.destroy();
    hub.release(room);
    await room.idle();
    return { openMs, answerMs, docMs, answerCpuMs: cpuMs(answerCpu), buildCpuMs: cpuMs(buildCpu) - cpuMs(answerCpu) };
  };

  const uncompacted = await openOnce();
  const hub = new SyncHub(handle);
  await hub.withRoom(workbookId, (room) => room.exclusive(() => room.compactNow()));
  const loaded = await hub.persistence.load(workbookId);
  if (loaded.updates.length !== 0 || !loaded.snapshot) throw new Error('compaction left updates behind');

  return {
    handle,
    workbookId,
    snapshotBytes: loaded.snapshot.state.byteLength,
    uncompacted,
    open: openOnce,
    cleanup: async () => {
      await handle.close();
      await database.drop();
      await dir.remove();
    },
  };
}
