import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { SYNC_MESSAGE } from '@tessera/shared';
import type { SyncPersistence, StoredUpdate } from './persistence';

/** One open socket as the room sees it. */
export interface SyncConnection {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: 'owner' | 'editor' | 'viewer';
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Origin of updates read back from the database (other processes, catch-up). */
export const REMOTE_ORIGIN = Symbol('remote');

interface Pending {
  update: Uint8Array;
  from?: SyncConnection;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The server-side copy of one open workbook: a Y.Doc (gc off, so named versions can be rebuilt)
 * holding exactly the committed updates up to `lastSeq`, its sockets and awareness.
 * Database work runs one task at a time (`exclusive`), so the doc always matches `lastSeq`.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Socket → awareness client ids it controls. */
  readonly connections = new Map<SyncConnection, Set<number>>();
  /** Holders other than sockets (HTTP version routes). */
  holds = 0;
  lastSeq = 0;
  private sinceSnapshot = 0;
  private pending: Pending[] = [];
  private flushQueued = false;
  private catchUpQueued = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly workbookId: string,
    private readonly persistence: SyncPersistence,
    private readonly compactAfter: number,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const connection of this.connections.keys()) if (connection !== origin) connection.send(message);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const controlled = origin && typeof origin === 'object' ? this.connections.get(origin as SyncConnection) : undefined;
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC_MESSAGE.awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      const message = encoding.toUint8Array(encoder);
      for (const connection of this.connections.keys()) connection.send(message);
    });
  }

  /** Loads the latest snapshot and the updates after it. */
  async load(): Promise<void> {
    const { snapshot, updates } = await this.persistence.load(this.workbookId);
    // One transaction: observers and update events run once, not once per stored update.
    this.doc.transact(() => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot.state);
      for (const row of updates) Y.applyUpdate(this.doc, row.update);
    }, REMOTE_ORIGIN);
    this.lastSeq = Math.max(snapshot?.upToSeq ?? 0, updates.at(-1)?.seq ?? 0);
    this.sinceSnapshot = updates.length;
  }

  get refs(): number {
    return this.connections.size + this.holds;
  }

  /** Runs `task` after every earlier database task of this room. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Waits for every queued database task (used before the room is dropped). */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * Whether `update` holds anything this doc lacks (new structs or new deletions). No-op updates
   * (duplicates, a client's empty sync step 2) are neither stored nor broadcast.
   */
  changesDoc(update: Uint8Array): boolean {
    const { to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) if (clock > Y.getState(this.doc.store, client)) return true;
    return !Y.snapshotContainsUpdate(Y.snapshot(this.doc), update);
  }

  /**
   * Commits `update` to the database, and only then applies it and broadcasts it to the other
   * sockets. Updates arriving while a commit runs are batched into the next transaction.
   */
  submit(update: Uint8Array, from?: SyncConnection): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ update, from, resolve, reject });
      if (this.flushQueued) return;
      this.flushQueued = true;
      void this.exclusive(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    let stored: { seqs: number[]; missed: StoredUpdate[] };
    try {
      stored = await this.persistence.store(
        this.workbookId,
        batch.map((item) => item.update),
        this.lastSeq,
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    this.applyRows(stored.missed);
    for (const item of batch) Y.applyUpdate(this.doc, item.update, item.from);
    this.lastSeq = Math.max(this.lastSeq, stored.seqs.at(-1) ?? 0);
    this.sinceSnapshot += batch.length;
    for (const item of batch) item.resolve();
    if (this.sinceSnapshot >= this.compactAfter) await this.compactNow();
  }

  private applyRows(rows: StoredUpdate[]): void {
    for (const row of rows) {
      Y.applyUpdate(this.doc, row.update, REMOTE_ORIGIN);
      this.lastSeq = Math.max(this.lastSeq, row.seq);
      this.sinceSnapshot++;
    }
  }

  /** Reads and applies what other processes committed (after a NOTIFY, or before a version). */
  catchUp(): Promise<void> {
    if (this.catchUpQueued) return this.chain;
    this.catchUpQueued = true;
    return this.exclusive(async () => {
      this.catchUpQueued = false;
      await this.readNewRows();
    });
  }

  /** Inside `exclusive` only: applies the rows committed after `lastSeq`. */
  async readNewRows(): Promise<void> {
    this.applyRows(await this.persistence.readAfter(this.workbookId, this.lastSeq));
  }

  /** Inside `exclusive` only: the doc matches `lastSeq` exactly. */
  async compactNow(): Promise<void> {
    if (this.lastSeq === 0) return;
    await this.persistence.compact(this.workbookId, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
    this.sinceSnapshot = 0;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
