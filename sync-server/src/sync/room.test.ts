import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../db';
import { queryRows } from '../db/rows';
import { members, users, versions, workbookSnapshots, workbookUpdates, workbooks, workspaces } from '../db/schema';
import { withTestDatabase, type TestDatabaseSetup } from '../testing/databases';
import { docJson } from '../testing/sync-clients';
import { SyncHub } from './hub';
import { postgresPersistence, WorkbookGoneError, type SyncPersistence } from './persistence';
import { Room, type SyncConnection } from './room';
import { buildRestoreUpdate, encodeVersion, versionDoc } from './versions';

/** A socket as the room sees it, keeping what it was sent. */
function fakeConnection(onSend?: (message: Uint8Array) => void) {
  const sent: Uint8Array[] = [];
  const connection: SyncConnection = {
    userId: 'u',
    workspaceId: 'w',
    role: 'editor',
    send: (message) => {
      onSend?.(message);
      sent.push(message);
    },
    close: () => undefined,
  };
  return { connection, sent };
}

/** The Yjs update of a broadcast sync message (type 0, subtype 2). */
function broadcastUpdate(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2]);
  return decoding.readVarUint8Array(decoder);
}

/** A client doc whose every transaction is recorded as one update. */
function editor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates, take: () => updates.splice(0) };
}

/** Some edits with overwrites and deletions (content the gc'd server doc drops). */
function edit(doc: Y.Doc, i: number): void {
  const visuals = doc.getMap<Y.Map<unknown>>('visuals');
  const id = `v${i % 4}`;
  let visual = visuals.get(id);
  if (!visual) {
    visual = new Y.Map<unknown>();
    visuals.set(id, visual);
  }
  visual.set('x', i);
  visual.set('title', `Title ${i}`);
  if (i % 5 === 4) doc.getMap('pages').delete(`p${i - 4}`);
  else doc.getMap('pages').set(`p${i}`, i);
  if (i % 3 === 0) doc.getArray('pageOrder').push([`p${i}`]);
  if (i % 6 === 5) doc.getArray('pageOrder').delete(0, 1);
}

describe.each(['postgres', 'pglite'] as const)('sync room on %s', (kind) => {
  let setup: TestDatabaseSetup;
  let handle: DatabaseHandle;
  let workspaceId: string;
  let persistence: SyncPersistence;
  let count = 0;

  beforeAll(async () => {
    setup = await withTestDatabase(kind);
    handle = await openDatabase({ url: setup.databaseUrl, dataDir: setup.dataDir });
    await handle.migrate();
    const [user] = await handle.db.insert(users).values({ email: 'room@example.com', name: 'Room', passwordHash: 'x' }).returning();
    const [workspace] = await handle.db.insert(workspaces).values({ name: 'Room' }).returning();
    await handle.db.insert(members).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
    workspaceId = workspace.id;
    persistence = postgresPersistence(handle, 'instance-a');
  });
  afterAll(async () => {
    await handle?.close();
    await setup?.cleanup();
  });

  const newWorkbook = async () => {
    const id = `wb-${kind}-${++count}`;
    await handle.db.insert(workbooks).values({ id, workspaceId, name: id });
    return id;
  };
  /** A workbook whose stored log holds `edits` rounds of `edit`. */
  const editedWorkbook = async (edits: number) => {
    const wb = await newWorkbook();
    const client = editor();
    for (let i = 0; i < edits; i++) edit(client.doc, i);
    await persistence.store(wb, client.take());
    return { wb, client };
  };
  const openRoom = async (workbookId: string, compactAfter = 1000, using = persistence) => {
    const room = new Room(workbookId, using, compactAfter);
    await room.load();
    return room;
  };
  const storedRows = (workbookId: string) =>
    handle.db.select({ seq: workbookUpdates.seq, update: workbookUpdates.update }).from(workbookUpdates).where(eq(workbookUpdates.workbookId, workbookId)).orderBy(workbookUpdates.seq);

  it('group commit: updates arriving during a commit share the next statement, keep their order, and each is broadcast only after its commit', async () => {
    const wb = await newWorkbook();
    const batches: number[] = [];
    let committed = 0;
    let duringFirstCommit: (() => void) | undefined;
    const counting: SyncPersistence = {
      ...persistence,
      store: async (workbookId, updates) => {
        duringFirstCommit?.();
        duringFirstCommit = undefined;
        const seqs = await persistence.store(workbookId, updates);
        batches.push(updates.length);
        committed += updates.length;
        return seqs;
      },
    };
    const room = await openRoom(wb, 1000, counting);
    const client = editor();
    const seen = new Y.Doc();
    const listener = fakeConnection((message) => {
      if (message[0] !== 0) return; // awareness
      Y.applyUpdate(seen, broadcastUpdate(message));
      // Every update broadcast so far was committed before it was sent (one struct per update here).
      expect(Y.getState(seen.store, client.doc.clientID)).toBeLessThanOrEqual(committed);
    });
    const sender = fakeConnection();
    room.connections.set(listener.connection, new Set());
    room.connections.set(sender.connection, new Set());

    const made: Uint8Array[] = [];
    for (let i = 0; i < 30; i++) {
      client.doc.getMap('meta').set('name', `Name ${i}`);
      made.push(...client.take());
    }
    // The first update's commit is running when the 29 others arrive.
    let others: Promise<void[]> | undefined;
    duringFirstCommit = () => {
      others = Promise.all(made.slice(1).map((update) => room.submit(update, sender.connection)));
    };
    await room.submit(made[0], sender.connection);
    await others;

    expect(batches).toEqual([1, 29]); // the 29 went in ONE statement
    const rows = await storedRows(wb);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    rows.forEach((row, i) => expect([...row.update]).toEqual([...made[i]])); // in arrival order
    expect(room.lastSeq).toBe(30);
    expect(sender.sent.filter((message) => message[0] === 0)).toHaveLength(0); // never echoed to its sender
    expect(listener.sent.filter((message) => message[0] === 0)).toHaveLength(2); // one message per batch
    expect(docJson(seen)).toBe(docJson(client.doc));
    room.destroy();
  });

  it('broadcasts a batch as ONE message per socket, leaving its sender out when it has only one', async () => {
    const wb = await newWorkbook();
    const room = await openRoom(wb);
    const [a, b, listener] = [fakeConnection(), fakeConnection(), fakeConnection()];
    for (const socket of [a, b, listener]) room.connections.set(socket.connection, new Set());
    const syncMessages = (socket: ReturnType<typeof fakeConnection>) => socket.sent.filter((message) => message[0] === 0);
    const alice = editor();
    const bob = editor();
    for (let i = 0; i < 5; i++) alice.doc.getMap('meta').set(`a${i}`, i);
    await Promise.all(alice.take().map((update) => room.submit(update, a.connection)));
    expect([syncMessages(a).length, syncMessages(b).length, syncMessages(listener).length]).toEqual([0, 1, 1]);
    for (let i = 0; i < 5; i++) {
      alice.doc.getMap('pages').set(`a${i}`, i);
      bob.doc.getMap('visuals').set(`b${i}`, i);
    }
    await Promise.all([...alice.take().map((update) => room.submit(update, a.connection)), ...bob.take().map((update) => room.submit(update, b.connection))]);
    // A mixed batch goes to everyone (senders get their own edits back too, which Yjs ignores).
    expect([syncMessages(a).length, syncMessages(b).length, syncMessages(listener).length]).toEqual([1, 2, 2]);
    const seen = new Y.Doc();
    for (const message of syncMessages(listener)) Y.applyUpdate(seen, broadcastUpdate(message));
    const both = new Y.Doc();
    Y.applyUpdate(both, Y.encodeStateAsUpdate(alice.doc));
    Y.applyUpdate(both, Y.encodeStateAsUpdate(bob.doc));
    expect(docJson(seen)).toBe(docJson(both));
    expect(docJson(room.doc)).toBe(docJson(both));
    room.destroy();
  });

  it('applies rows another process committed before its own (also when that process compacted them away)', async () => {
    const wb = await newWorkbook();
    const other = postgresPersistence(handle, 'instance-b');
    const a = await openRoom(wb, 1000);
    const b = await openRoom(wb, 1000, other);
    const alice = editor();
    const bob = editor();
    for (let i = 0; i < 5; i++) edit(alice.doc, i);
    for (const update of alice.take()) await a.submit(update);
    bob.doc.getMap('meta').set('name', 'from b');
    for (const update of bob.take()) await b.submit(update);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(alice.doc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(bob.doc));
    expect(docJson(b.doc)).toBe(docJson(merged));
    expect(b.lastSeq).toBe(a.lastSeq + 1);

    // a commits more and compacts them into a snapshot: the rows b has not read are gone.
    for (let i = 5; i < 12; i++) edit(alice.doc, i);
    for (const update of alice.take()) await a.submit(update);
    await a.exclusive(() => a.readNewRows());
    await a.compactNow();
    expect(await storedRows(wb)).toHaveLength(0);
    bob.doc.getMap('meta').set('theme', 'dark');
    for (const update of bob.take()) await b.submit(update);
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(alice.doc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(bob.doc));
    expect(docJson(b.doc)).toBe(docJson(merged));
    await a.exclusive(() => a.readNewRows());
    expect(docJson(a.doc)).toBe(docJson(merged));
    a.destroy();
    b.destroy();
  });

  it('compacts into a gc’d v2 snapshot with its state vector; a reopened room answers sockets from the stored bytes and builds the same document', async () => {
    const wb = await newWorkbook();
    const room = await openRoom(wb, 10);
    const client = editor();
    const early = new Y.Doc();
    for (let i = 0; i < 27; i++) {
      edit(client.doc, i);
      if (i === 8) Y.applyUpdate(early, Y.encodeStateAsUpdate(client.doc));
      for (const update of client.take()) await room.submit(update);
    }
    await room.idle();
    room.destroy();

    const [snapshot] = await handle.db.select().from(workbookSnapshots).where(eq(workbookSnapshots.workbookId, wb));
    expect(snapshot.encoding).toBe(2);
    expect(snapshot.stateVector).toBeInstanceOf(Uint8Array);
    const tail = await storedRows(wb);
    expect(tail.length).toBeGreaterThan(0); // updates after the snapshot too
    expect(tail[0].seq).toBe(snapshot.upToSeq + 1);

    const reopened = await openRoom(wb);
    // Still unbuilt here (the build waits for the next macrotask): answered from the stored bytes.
    expect(Y.decodeStateVector(reopened.stateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(client.doc)));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, reopened.updateFor(Y.encodeStateVector(new Y.Doc())));
    expect(docJson(fresh)).toBe(docJson(client.doc));
    Y.applyUpdate(early, reopened.updateFor(Y.encodeStateVector(early)));
    expect(docJson(early)).toBe(docJson(client.doc));
    // The built document holds the same content and state.
    expect(docJson(reopened.doc)).toBe(docJson(client.doc));
    expect(Y.decodeStateVector(Y.encodeStateVector(reopened.doc))).toEqual(Y.decodeStateVector(Y.encodeStateVector(client.doc)));
    reopened.destroy();
  });

  it('keeps named versions restorable (preview and restore) after compaction dropped the deleted content', async () => {
    const wb = await newWorkbook();
    const room = await openRoom(wb, 5);
    const client = editor();
    client.doc.getMap('meta').set('name', 'Before');
    const page = new Y.Map<unknown>();
    page.set('name', 'Page 1');
    client.doc.getMap('pages').set('p1', page);
    for (const update of client.take()) await room.submit(update);
    const stored = await room.exclusive(async () => encodeVersion(room));
    const before = docJson(client.doc);

    client.doc.getMap('meta').set('name', 'After');
    client.doc.getMap('pages').delete('p1');
    for (let i = 0; i < 12; i++) edit(client.doc, i);
    for (const update of client.take()) await room.submit(update);
    await room.idle();
    room.destroy();
    expect(await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from workbook_snapshots where workbook_id = ${wb}`)).toEqual([{ n: 1 }]);

    const reopened = await openRoom(wb);
    const preview = versionDoc(stored);
    expect(docJson(preview)).toBe(before);
    preview.destroy();
    const restore = await reopened.exclusive(async () => buildRestoreUpdate(reopened, stored));
    expect(reopened.changesDoc(restore)).toBe(true);
    await reopened.submit(restore);
    expect(reopened.doc.getMap('meta').get('name')).toBe('Before');
    expect([...reopened.doc.getMap('pages').keys()]).toEqual(['p1']);
    expect((reopened.doc.getMap('pages').get('p1') as Y.Map<unknown>).get('name')).toBe('Page 1');
    // The restore is a new edit every other copy merges.
    Y.applyUpdate(client.doc, restore);
    expect(docJson(client.doc)).toBe(docJson(reopened.doc));
    reopened.destroy();
  });

  it('upgrades versions saved in the old format while the full history is still stored, then converts a legacy snapshot', async () => {
    const wb = await newWorkbook();
    const history = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    history.on('update', (update: Uint8Array) => updates.push(update));
    history.getMap('meta').set('name', 'Old');
    history.getMap('pages').set('p1', 'kept in the version');
    const legacy = Y.encodeSnapshot(Y.snapshot(history)); // the old format: a bare Y.snapshot
    const atVersion = docJson(history);
    history.getMap('meta').set('name', 'New');
    history.getMap('pages').delete('p1');
    // As before migration 0002: a full-history v1 snapshot (encoding 1) + a later row.
    const [first, rest] = [updates.slice(0, 3), updates.slice(3)];
    expect(rest.length).toBeGreaterThan(0);
    await persistence.store(wb, first);
    await handle.db.insert(workbookSnapshots).values({ workbookId: wb, upToSeq: 3, state: Y.mergeUpdates(first) });
    await handle.db.delete(workbookUpdates).where(eq(workbookUpdates.workbookId, wb));
    await persistence.store(wb, rest);
    const [version] = await handle.db.insert(versions).values({ workbookId: wb, name: 'old', snapshot: legacy }).returning();
    expect(() => versionDoc(legacy)).toThrow(/older format/);

    const room = await openRoom(wb);
    expect(docJson(room.doc)).toBe(docJson(history));
    await room.idle();
    const [upgraded] = await handle.db.select().from(versions).where(eq(versions.id, version.id));
    const preview = versionDoc(upgraded.snapshot);
    expect(docJson(preview)).toBe(atVersion);
    preview.destroy();
    // The legacy snapshot was compacted into the current format at once.
    const snapshots = await handle.db.select().from(workbookSnapshots).where(eq(workbookSnapshots.workbookId, wb));
    expect(snapshots.map((row) => row.encoding)).toEqual([2]);
    room.destroy();

    const reopened = await openRoom(wb);
    const restore = await reopened.exclusive(async () => buildRestoreUpdate(reopened, upgraded.snapshot));
    await reopened.submit(restore);
    expect(docJson(reopened.doc)).toBe(atVersion);
    reopened.destroy();
  });

  it('converts a legacy snapshot with no later updates (same seq) into the current format', async () => {
    const { wb, client } = await editedWorkbook(4);
    const [{ head }] = await queryRows<{ head: number }>(handle.db, sql`select head_seq::int as head from workbooks where id = ${wb}`);
    await handle.db.insert(workbookSnapshots).values({ workbookId: wb, upToSeq: head, state: Y.encodeStateAsUpdate(client.doc) });
    await handle.db.delete(workbookUpdates).where(eq(workbookUpdates.workbookId, wb));
    const room = await openRoom(wb, 1000);
    await room.idle();
    room.destroy();
    const snapshots = await handle.db.select().from(workbookSnapshots).where(eq(workbookSnapshots.workbookId, wb));
    expect(snapshots.map((row) => [row.upToSeq, row.encoding])).toEqual([[head, 2]]);
    const reopened = await openRoom(wb);
    expect(docJson(reopened.doc)).toBe(docJson(client.doc));
    reopened.destroy();
  });

  it('tells no-op updates (duplicates, deletions already applied) from real changes', async () => {
    const wb = await newWorkbook();
    const room = await openRoom(wb);
    const client = editor();
    client.doc.getArray('pageOrder').push(['a', 'b', 'c']);
    client.doc.getMap('meta').set('name', 'one');
    const added = client.take();
    for (const update of added) await room.submit(update);
    for (const update of added) expect(room.changesDoc(update)).toBe(false);
    client.doc.getArray('pageOrder').delete(1, 1); // a deletion only: no new structs
    const [deletion] = client.take();
    expect(Y.parseUpdateMeta(deletion).to.size).toBe(0);
    expect(room.changesDoc(deletion)).toBe(true);
    await room.submit(deletion);
    expect(room.changesDoc(deletion)).toBe(false);
    expect(room.doc.getArray('pageOrder').toJSON()).toEqual(['a', 'c']);
    room.destroy();
  });

  it('a stored state that cannot be applied closes the sockets (1011) and is read again on the next open, without crashing', async () => {
    const { wb, client } = await editedWorkbook(6);
    const state = Y.encodeStateAsUpdateV2(client.doc);
    await persistence.compact(wb, { upToSeq: 1, state: state.subarray(0, state.length - 4), stateVector: Y.encodeStateVector(client.doc) });
    const hub = new SyncHub(handle, { persistence });
    const closes: number[] = [];
    const socket = { ...fakeConnection().connection, close: (code: number) => closes.push(code) };
    const room = await hub.connect(wb, socket); // opened lazily: answered from the stored state vector
    await new Promise((resolve) => setImmediate(resolve));
    expect(room.failed).toBeDefined();
    expect(closes).toEqual([1011]);
    await expect(hub.acquire(wb)).rejects.toBeDefined();
    // Repaired: the next open reads the stored state again.
    await handle.db.update(workbookSnapshots).set({ state }).where(eq(workbookSnapshots.workbookId, wb));
    await hub.withRoom(wb, async (reopened) => {
      expect(reopened).not.toBe(room);
      expect(docJson(reopened.doc)).toBe(docJson(client.doc));
    });
    await hub.close();
  });

  it('rejects updates of a deleted workbook: nothing stored, nothing broadcast', async () => {
    const wb = await newWorkbook();
    const room = await openRoom(wb);
    const listener = fakeConnection();
    room.connections.set(listener.connection, new Set());
    await handle.db.delete(workbooks).where(eq(workbooks.id, wb));
    const client = editor();
    client.doc.getMap('meta').set('name', 'lost cause');
    await expect(room.submit(client.take()[0])).rejects.toBeInstanceOf(WorkbookGoneError);
    expect(listener.sent).toHaveLength(0);
    expect(await storedRows(wb)).toHaveLength(0);
    room.destroy();
  });

  it('stores a batch byte for byte under contiguous seqs, batch after batch', async () => {
    const wb = await newWorkbook();
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    const batches = [[every], [Uint8Array.of(0), Uint8Array.of(92, 34, 123, 125, 44), every.subarray(200)], [every.subarray(7, 9)]];
    const seqs = [];
    for (const batch of batches) seqs.push(await persistence.store(wb, batch));
    expect(seqs).toEqual([
      { firstSeq: 1, lastSeq: 1 },
      { firstSeq: 2, lastSeq: 4 },
      { firstSeq: 5, lastSeq: 5 },
    ]);
    const { updates } = await persistence.readFrom(wb, 0);
    expect(updates.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(updates.map((row) => [...row.update])).toEqual(batches.flat().map((update) => [...update]));
  });
});
