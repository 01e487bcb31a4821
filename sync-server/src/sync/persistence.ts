import { and, asc, desc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db';
import { workbooks, workbookSnapshots, workbookUpdates } from '../db/schema';

export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

export interface LoadedState {
  snapshot?: { upToSeq: number; state: Uint8Array };
  /** Updates after the snapshot, in seq order. */
  updates: StoredUpdate[];
}

export interface StoreResult {
  /** Seqs of the stored updates, in order. */
  seqs: number[];
  /** Rows another process committed after `afterSeq` and before ours (apply them first). */
  missed: StoredUpdate[];
}

/**
 * The persistence extension of the sync hub (hocuspocus-style hooks). Every method is one
 * transaction; `store` resolves only after COMMIT, which is what lets the hub broadcast safely.
 */
export interface SyncPersistence {
  load(workbookId: string): Promise<LoadedState>;
  store(workbookId: string, updates: Uint8Array[], afterSeq: number): Promise<StoreResult>;
  readAfter(workbookId: string, afterSeq: number): Promise<StoredUpdate[]>;
  /** Writes `state` as the snapshot up to `upToSeq` and deletes the updates it covers, atomically. */
  compact(workbookId: string, state: Uint8Array, upToSeq: number): Promise<void>;
  /** Tells the other server processes (NOTIFY; a no-op on PGlite, which is single-process). */
  notify(notice: SyncNotice): Promise<void>;
}

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

export function postgresPersistence(handle: DatabaseHandle, instanceId: string): SyncPersistence {
  const { db } = handle;
  const notifies = handle.kind === 'postgres';
  const readAfter = async (workbookId: string, afterSeq: number) =>
    db
      .select({ seq: workbookUpdates.seq, update: workbookUpdates.update })
      .from(workbookUpdates)
      .where(and(eq(workbookUpdates.workbookId, workbookId), gt(workbookUpdates.seq, afterSeq)))
      .orderBy(asc(workbookUpdates.seq));

  return {
    load: async (workbookId) => {
      const [snapshot] = await db
        .select({ upToSeq: workbookSnapshots.upToSeq, state: workbookSnapshots.state })
        .from(workbookSnapshots)
        .where(eq(workbookSnapshots.workbookId, workbookId))
        .orderBy(desc(workbookSnapshots.upToSeq))
        .limit(1);
      return { snapshot, updates: await readAfter(workbookId, snapshot?.upToSeq ?? 0) };
    },

    store: (workbookId, updates, afterSeq) =>
      db.transaction(async (tx) => {
        // Locks the workbook row: per workbook, seqs are assigned and committed in order, so a
        // reader that saw seq S has seen every earlier update of that workbook.
        const locked = await tx
          .update(workbooks)
          .set({ updatedAt: sql`now()` })
          .where(eq(workbooks.id, workbookId))
          .returning({ id: workbooks.id });
        if (locked.length === 0) throw new WorkbookGoneError(`workbook ${workbookId} no longer exists`);
        const missed = await tx
          .select({ seq: workbookUpdates.seq, update: workbookUpdates.update })
          .from(workbookUpdates)
          .where(and(eq(workbookUpdates.workbookId, workbookId), gt(workbookUpdates.seq, afterSeq)))
          .orderBy(asc(workbookUpdates.seq));
        const rows = await tx
          .insert(workbookUpdates)
          .values(updates.map((update) => ({ workbookId, update })))
          .returning({ seq: workbookUpdates.seq });
        const seqs = rows.map((row) => row.seq).sort((a, b) => a - b);
        // Delivered on COMMIT only (NOTIFY is transactional).
        if (notifies) await tx.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify({ i: instanceId, t: 'u', w: workbookId, q: seqs.at(-1) ?? 0 } satisfies SyncNoticeEnvelope)})`);
        return { seqs, missed };
      }),

    readAfter,

    compact: async (workbookId, state, upToSeq) => {
      await db.transaction(async (tx) => {
        await tx.insert(workbookSnapshots).values({ workbookId, upToSeq, state }).onConflictDoNothing();
        await tx.delete(workbookUpdates).where(and(eq(workbookUpdates.workbookId, workbookId), lte(workbookUpdates.seq, upToSeq)));
        await tx.delete(workbookSnapshots).where(and(eq(workbookSnapshots.workbookId, workbookId), lt(workbookSnapshots.upToSeq, upToSeq)));
      });
    },

    notify: async (notice) => {
      const payload = JSON.stringify({ ...notice, i: instanceId } satisfies SyncNoticeEnvelope);
      if (notifies) await db.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`);
    },
  };
}
