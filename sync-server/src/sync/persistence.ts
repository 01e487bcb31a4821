import { and, eq, sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { DatabaseHandle } from '../db';
import { queryRows } from '../db/rows';
import { versions } from '../db/schema';

export interface StoredUpdate {
  seq: number;
  /** A Yjs v1 update, as a client sent it. */
  update: Uint8Array;
}

/** See `workbookSnapshots` in db/schema: 2 = gc'd Yjs v2 state + state vector; 1 = legacy full-history v1 state. */
export type SnapshotEncoding = 1 | 2;

export interface StoredSnapshot {
  upToSeq: number;
  state: Uint8Array;
  encoding: SnapshotEncoding;
  /** Encoded state vector of `state` (encoding 2 only). */
  stateVector?: Uint8Array;
}

export interface LoadedState {
  /** The latest snapshot, when it is newer than what the reader asked to skip. */
  snapshot?: StoredSnapshot;
  /** Updates after the snapshot (and after the reader's seq), in seq order. */
  updates: StoredUpdate[];
}

export interface StoredSeqs {
  /** Per-workbook seqs of the stored updates: firstSeq, firstSeq + 1, …, lastSeq, in the order given. */
  firstSeq: number;
  lastSeq: number;
}

export interface NewSnapshot {
  upToSeq: number;
  /** Yjs v2 update of the (gc'd) document holding every update ≤ upToSeq. */
  state: Uint8Array;
  stateVector: Uint8Array;
}

export interface StoredVersion {
  id: string;
  snapshot: Uint8Array;
}

/**
 * The persistence extension of the sync hub (hocuspocus-style hooks). Every method is ONE SQL
 * statement (one round trip, its own transaction): `store` resolves only after COMMIT, which is
 * what lets the hub broadcast safely.
 */
export interface SyncPersistence {
  /** The latest snapshot and the updates after it (what a room opens with). */
  load(workbookId: string): Promise<LoadedState>;
  /**
   * What a reader holding every update ≤ `afterSeq` lacks, in one consistent read: the latest
   * snapshot if one covers more than `afterSeq` (the rows it replaced are gone), then the updates
   * after both, up to `upToSeq` when given.
   */
  readFrom(workbookId: string, afterSeq: number, upToSeq?: number): Promise<LoadedState>;
  /**
   * Appends `updates` in order and commits. Throws WorkbookGoneError when the workbook was deleted.
   * Per workbook, seqs are contiguous and committed in seq order (the statement locks the workbook
   * row), so rows between the caller's last seq and `firstSeq` were committed by others before.
   */
  store(workbookId: string, updates: Uint8Array[]): Promise<StoredSeqs>;
  /** Writes the snapshot and deletes the updates (and older snapshots) it covers, atomically. */
  compact(workbookId: string, snapshot: NewSnapshot): Promise<void>;
  /** Named versions of the workbook (their stored bytes). */
  versions(workbookId: string): Promise<StoredVersion[]>;
  /** Replaces a version's bytes if they are still `previous` (upgrading its format). */
  replaceVersion(id: string, previous: Uint8Array, next: Uint8Array): Promise<void>;
  /** Tells the other server processes (NOTIFY; a no-op on PGlite, which is single-process). */
  notify(notice: SyncNotice): Promise<void>;
  /**
   * Registers this process among the sync servers sharing the database, or refreshes its row, and
   * removes the rows of processes not seen for `STALE_INSTANCE_SECONDS` (crashed). Resolves true
   * when the row had to be (re)created: on the first call, or after others removed it while this
   * process stalled — they may then have committed without notifying it, so the caller catches up
   * every open room (after `awaitCommits`). Always false on PGlite (single-process).
   */
  announce(): Promise<boolean>;
  /** Removes this process's row (a clean stop). */
  retire(): Promise<void>;
  /**
   * Waits until no commit on the workbook is in flight (takes and releases its row lock). A read
   * after this sees every commit that did not see this process registered.
   */
  awaitCommits(workbookId: string): Promise<void>;
}

/** A registered process whose row was not refreshed for this long is taken for crashed. */
export const STALE_INSTANCE_SECONDS = 90;

/** What one server process tells the others over LISTEN/NOTIFY (`i` = the sender's instance id). */
export type SyncNotice =
  | { t: 'u'; w: string; q: number }
  | { t: 'm'; ws: string; u: string; code: number; reason: string }
  | { t: 'd'; w: string };
export type SyncNoticeEnvelope = SyncNotice & { i: string };

export class WorkbookGoneError extends Error {
  override name = 'WorkbookGoneError';
}

export const NOTIFY_CHANNEL = 'tessera_sync';

/** postgres-js answers bytea as Buffer and int8 as string, PGlite as Uint8Array and number. */
const bytes = (value: unknown): Uint8Array => {
  if (!(value instanceof Uint8Array)) throw new Error('Expected bytea from the database.');
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
};
const int = (value: unknown): number => Number(value);

interface LoadRow extends Record<string, unknown> {
  kind: number;
  seq: unknown;
  data: unknown;
  encoding: number | null;
  state_vector: unknown;
}

/** `updates` as the text of a bytea[] literal (hex elements): one parameter whatever the batch size. */
const byteaArrayLiteral = (updates: Uint8Array[]): string =>
  `{${updates.map((update) => `"\\\\x${Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('hex')}"`).join(',')}}`;

/**
 * `store` on PostgreSQL: the statement of `storeDrizzle` below as ONE fixed text (the batch is one
 * bytea[] parameter), so postgres-js prepares it once per connection and each batch is one round
 * trip (Bind + Execute) with no parse or plan — through drizzle's `execute` it was two round trips
 * (postgres-js first asks for the parameter types of unprepared SQL) plus a parse and plan each time.
 */
function storePrepared(pg: Sql, workbookId: string, updates: Uint8Array[], instanceId: string): Promise<Array<{ head: unknown }>> {
  return pg<Array<{ head: unknown }>>`with head as (
      update workbooks set head_seq = head_seq + ${updates.length}::int, updated_at = now()
      where id = ${workbookId}::text
      returning head_seq
    ), stored as (
      insert into workbook_updates (workbook_id, seq, update)
      select ${workbookId}::text, head.head_seq - ${updates.length}::int + u.ord, u.update
      from head, unnest(${byteaArrayLiteral(updates)}::text::bytea[]) with ordinality as u(update, ord)
    )
    select head.head_seq as head, tessera_notify_others(${instanceId}::text, ${NOTIFY_CHANNEL}, json_build_object('i', ${instanceId}::text, 't', 'u', 'w', ${workbookId}::text, 'q', head.head_seq)::text)
    from head`;
}

export function postgresPersistence(handle: DatabaseHandle, instanceId: string): SyncPersistence {
  const { db } = handle;
  const notifies = handle.kind === 'postgres';
  const pg = handle.postgres;

  const readFrom: SyncPersistence['readFrom'] = async (workbookId, afterSeq, upToSeq) => {
    // One statement = one MVCC snapshot: a compaction committing meanwhile is seen entirely or not at all.
    const rows = await queryRows<LoadRow>(
      db,
      sql`with snap as (
            select up_to_seq, state, encoding, state_vector from workbook_snapshots
            where workbook_id = ${workbookId} and up_to_seq > ${afterSeq}
            order by up_to_seq desc limit 1
          )
          select 0 as kind, up_to_seq as seq, state as data, encoding, state_vector from snap
          union all
          select 1, seq, update, null, null from workbook_updates
          where workbook_id = ${workbookId}
            and seq > greatest(${afterSeq}::bigint, coalesce((select up_to_seq from snap), 0))
            ${upToSeq === undefined ? sql`` : sql`and seq <= ${upToSeq}`}`,
    );
    let snapshot: StoredSnapshot | undefined;
    const updates: StoredUpdate[] = [];
    for (const row of rows) {
      if (row.kind === 0) {
        snapshot = {
          upToSeq: int(row.seq),
          state: bytes(row.data),
          encoding: row.encoding === 2 ? 2 : 1,
          stateVector: row.state_vector == null ? undefined : bytes(row.state_vector),
        };
      } else updates.push({ seq: int(row.seq), update: bytes(row.data) });
    }
    updates.sort((a, b) => a.seq - b.seq);
    return { snapshot, updates };
  };

  // The UPDATE takes the workbook row lock and hands out `count` seqs after the head; the lock is
  // held until COMMIT, so per workbook seqs commit in order. NOTIFY is delivered on COMMIT only, and
  // sent only while another process is registered (tessera_notify_others, migration 0003).
  // Used on PGlite (and by a PostgreSQL handle without its postgres-js client).
  const storeDrizzle = (workbookId: string, updates: Uint8Array[]) => {
    const count = updates.length;
    const notice = notifies
      ? sql`, tessera_notify_others(${instanceId}::text, ${NOTIFY_CHANNEL}, json_build_object('i', ${instanceId}::text, 't', 'u', 'w', ${workbookId}::text, 'q', head.head_seq)::text)`
      : sql``;
    return queryRows<{ head: unknown }>(
      db,
      sql`with head as (
            update workbooks set head_seq = head_seq + ${count}, updated_at = now()
            where id = ${workbookId}
            returning head_seq
          ), stored as (
            insert into workbook_updates (workbook_id, seq, update)
            select ${workbookId}, head.head_seq - ${count} + u.ord, u.update
            from head, (values ${sql.join(
              updates.map((update, index) => sql`(${index + 1}::int, ${update}::bytea)`),
              sql`, `,
            )}) as u(ord, update)
          )
          select head.head_seq as head${notice} from head`,
    );
  };

  const awaitCommits: SyncPersistence['awaitCommits'] = async (workbookId) => {
    // FOR SHARE conflicts with the row lock a commit holds until it ends (PGlite: one process, no-op).
    if (notifies) await db.execute(sql`select 1 from workbooks where id = ${workbookId} for share`);
  };

  return {
    load: async (workbookId) => {
      // A process that registered a moment ago may not have been seen by a commit still in flight,
      // which then did not notify it: wait for it, so the read below includes it.
      await awaitCommits(workbookId);
      return readFrom(workbookId, 0);
    },
    readFrom,
    awaitCommits,

    store: async (workbookId, updates) => {
      const count = updates.length;
      const rows = pg ? await storePrepared(pg, workbookId, updates, instanceId) : await storeDrizzle(workbookId, updates);
      if (rows.length === 0) throw new WorkbookGoneError(`workbook ${workbookId} no longer exists`);
      const lastSeq = int(rows[0].head);
      return { firstSeq: lastSeq - count + 1, lastSeq };
    },

    compact: async (workbookId, { upToSeq, state, stateVector }) => {
      // Data-modifying CTEs all run, in one statement: one transaction, no window without the data.
      await db.execute(
        sql`with inserted as (
              insert into workbook_snapshots (workbook_id, up_to_seq, state, encoding, state_vector)
              values (${workbookId}, ${upToSeq}, ${state}::bytea, 2, ${stateVector}::bytea)
              -- Same seq = same content; only an old-format snapshot is worth replacing.
              on conflict (workbook_id, up_to_seq) do update
                set state = excluded.state, encoding = excluded.encoding, state_vector = excluded.state_vector
                where workbook_snapshots.encoding <> 2
            ), covered as (
              delete from workbook_updates where workbook_id = ${workbookId} and seq <= ${upToSeq}
            )
            delete from workbook_snapshots where workbook_id = ${workbookId} and up_to_seq < ${upToSeq}`,
      );
    },

    versions: (workbookId) => db.select({ id: versions.id, snapshot: versions.snapshot }).from(versions).where(eq(versions.workbookId, workbookId)),

    replaceVersion: async (id, previous, next) => {
      await db
        .update(versions)
        .set({ snapshot: next })
        .where(and(eq(versions.id, id), eq(versions.snapshot, previous)));
    },

    announce: async () => {
      if (!notifies) return false;
      const rows = await queryRows<{ added: number }>(
        db,
        sql`with gone as (
              delete from sync_instances where id <> ${instanceId} and seen_at < now() - make_interval(secs => ${STALE_INSTANCE_SECONDS})
            ), seen as (
              update sync_instances set seen_at = now() where id = ${instanceId} returning id
            ), added as (
              insert into sync_instances (id) select ${instanceId} where not exists (select 1 from seen)
              on conflict (id) do update set seen_at = now()
              returning id
            )
            select count(*)::int as added from added`,
      );
      return Number(rows[0]?.added ?? 0) > 0;
    },

    retire: async () => {
      if (notifies) await db.execute(sql`delete from sync_instances where id = ${instanceId}`);
    },

    notify: async (notice) => {
      const payload = JSON.stringify({ ...notice, i: instanceId } satisfies SyncNoticeEnvelope);
      if (notifies) await db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`);
    },
  };
}
