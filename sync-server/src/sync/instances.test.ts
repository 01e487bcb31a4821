import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../db';
import { postgresClient } from '../db/connection-url';
import { queryRows } from '../db/rows';
import { workbooks, workspaces } from '../db/schema';
import { withTestDatabase, type TestDatabaseSetup } from '../testing/databases';
import { waitFor } from '../testing/sync-clients';
import { SyncHub } from './hub';
import { NOTIFY_CHANNEL, postgresPersistence, type SyncNoticeEnvelope } from './persistence';

/** One Y.Map set as a v1 update. */
const setUpdate = (key: string, value: number): Uint8Array => {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array(0);
  doc.on('update', (made: Uint8Array) => (update = made));
  doc.getMap('m').set(key, value);
  return update;
};

/**
 * The registry of sync server processes (sync_instances): a commit NOTIFYs only while another
 * process is registered, and no process misses a commit because of it.
 */
describe('sync server processes on one PostgreSQL database', () => {
  let setup: TestDatabaseSetup;
  let handle: DatabaseHandle;
  let listener: Sql;
  let workspaceId: string;
  let count = 0;
  const notices: SyncNoticeEnvelope[] = [];

  beforeAll(async () => {
    setup = await withTestDatabase('postgres');
    handle = await openDatabase({ url: setup.databaseUrl, dataDir: setup.dataDir });
    await handle.migrate();
    const [workspace] = await handle.db.insert(workspaces).values({ name: 'Instances' }).returning();
    workspaceId = workspace.id;
    listener = postgresClient(setup.databaseUrl ?? '', { max: 1 });
    await listener.listen(NOTIFY_CHANNEL, (payload) => notices.push(JSON.parse(payload) as SyncNoticeEnvelope));
  });
  afterEach(async () => {
    await handle.db.execute(sql`delete from sync_instances`);
  });
  afterAll(async () => {
    await listener?.end();
    await handle?.close();
    await setup?.cleanup();
  });

  const newWorkbook = async () => {
    const id = `wb-${++count}`;
    await handle.db.insert(workbooks).values({ id, workspaceId, name: id });
    return id;
  };
  const registered = async () => (await queryRows<{ id: string }>(handle.db, sql`select id from sync_instances order by id`)).map((row) => row.id);
  const updateNotices = (wb: string) => notices.filter((notice) => notice.t === 'u' && notice.w === wb).map((notice) => notice.t === 'u' && notice.q);

  it('a lone process commits without NOTIFY; while another is registered, every commit notifies', async () => {
    const wb = await newWorkbook();
    const a = postgresPersistence(handle, 'proc-a');
    const b = postgresPersistence(handle, 'proc-b');
    expect(await a.announce()).toBe(true);
    expect(await a.announce()).toBe(false); // a refresh
    await a.store(wb, [setUpdate('x', 1)]); // seq 1: alone
    expect(await b.announce()).toBe(true);
    await a.store(wb, [setUpdate('x', 2)]); // seq 2: b is there
    await waitFor(() => updateNotices(wb).includes(2));
    await b.retire();
    await a.store(wb, [setUpdate('x', 3)]); // seq 3: alone again
    await b.announce();
    await a.store(wb, [setUpdate('x', 4)]); // seq 4
    await waitFor(() => updateNotices(wb).includes(4));
    // Notifications arrive in commit order: had seq 1 or 3 notified, they would be here by now.
    expect(updateNotices(wb)).toEqual([2, 4]);
    expect(notices.filter((notice) => notice.t === 'u' && notice.w === wb).every((notice) => notice.i === 'proc-a')).toBe(true);
    await a.retire();
    await b.retire();
    expect(await registered()).toEqual([]);
  });

  it('removes the rows of processes not seen for a while (crashed), and keeps live ones', async () => {
    await handle.db.execute(sql`insert into sync_instances (id, seen_at) values ('crashed', now() - interval '10 minutes'), ('alive', now())`);
    const a = postgresPersistence(handle, 'proc-a');
    await a.announce();
    expect(await registered()).toEqual(['alive', 'proc-a']);
  });

  it('a process registering while a commit is in flight reads that commit when it opens the workbook', async () => {
    const wb = await newWorkbook();
    const update = setUpdate('late', 7);
    // Another process's commit, caught between taking the workbook's row lock and COMMIT; it saw no
    // other process registered, so it will not notify.
    const writer = postgresClient(setup.databaseUrl ?? '', { max: 1 });
    try {
      let loaded: ReturnType<ReturnType<typeof postgresPersistence>['load']> | undefined;
      await writer.begin(async (tx) => {
        const [{ seq }] = await tx<Array<{ seq: string }>>`update workbooks set head_seq = head_seq + 1 where id = ${wb} returning head_seq as seq`;
        await tx`insert into workbook_updates (workbook_id, seq, update) values (${wb}, ${seq}, ${update})`;
        const late = postgresPersistence(handle, 'proc-late');
        await late.announce();
        loaded = late.load(wb);
        // COMMIT only once the opening process waits on the row lock.
        await waitFor(async () => {
          const [{ waiting }] = await queryRows<{ waiting: number }>(
            handle.db,
            sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return waiting > 0;
        });
      });
      const state = await loaded;
      expect(state?.updates.map((row) => row.seq)).toEqual([1]);
      expect(Buffer.from(state?.updates[0].update ?? []).equals(Buffer.from(update))).toBe(true);
    } finally {
      await writer.end();
    }
  });

  it('a process whose registration was removed (it stalled) catches up every open workbook when it registers again', async () => {
    const wb = await newWorkbook();
    const hub = new SyncHub(handle);
    await hub.start();
    try {
      expect(await registered()).toEqual([hub.instanceId]);
      const room = await hub.acquire(wb);
      try {
        // Taken for crashed by the others; one of them commits without notifying it.
        await handle.db.execute(sql`delete from sync_instances where id = ${hub.instanceId}`);
        const other = postgresPersistence(handle, 'proc-other');
        await other.announce();
        await other.store(wb, [setUpdate('missed', 1)]);
        expect(room.doc.getMap('m').get('missed')).toBeUndefined();
        await hub.announce();
        expect(room.doc.getMap('m').get('missed')).toBe(1);
        expect(await registered()).toEqual([hub.instanceId, 'proc-other'].sort());
        await other.retire();
      } finally {
        hub.release(room);
      }
    } finally {
      await hub.close();
    }
    expect(await registered()).toEqual([]);
  });

  it('a process whose LISTEN connection was lost catches up every open workbook once it listens again', async () => {
    const wb = await newWorkbook();
    const hub = new SyncHub(handle);
    await hub.start();
    const room = await hub.acquire(wb);
    try {
      // A commit whose NOTIFY was lost with the connection: stored, never announced.
      await handle.db.execute(sql`with head as (update workbooks set head_seq = head_seq + 1 where id = ${wb} returning head_seq)
        insert into workbook_updates (workbook_id, seq, update) select ${wb}, head_seq, ${setUpdate('lost', 1)}::bytea from head`);
      expect(room.doc.getMap('m').get('lost')).toBeUndefined();
      const [{ closed }] = await queryRows<{ closed: number }>(
        handle.db,
        sql`select count(pg_terminate_backend(pid))::int as closed from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
      );
      expect(closed).toBeGreaterThan(0);
      await waitFor(() => room.doc.getMap('m').get('lost') === 1, 'the room to catch up after listening again');
    } finally {
      hub.release(room);
      await hub.close();
    }
  });
});
