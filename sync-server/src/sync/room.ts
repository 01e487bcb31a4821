import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { SYNC_MESSAGE } from '@tessera/shared';
import type { LoadedState, SyncPersistence } from './persistence';
import { applyLoaded, lazyStateVector, stateAsUpdateFor } from './stored-state';
import { upgradeLegacyVersions } from './versions';

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
/** Origin of committed updates that `flush` already broadcast (the update listener skips them). */
const BROADCAST_ORIGIN = Symbol('broadcast');
/** Origin of the stored state applied when the document is built (before the broadcast listener exists: sockets got it in their handshake). */
const LOAD_ORIGIN = Symbol('load');

interface Pending {
  update: Uint8Array;
  from?: SyncConnection;
  resolve(): void;
  reject(error: unknown): void;
}

const log = (message: string, error: unknown) => console.error(`[tessera] sync: ${message}:`, error instanceof Error ? error.message : error);

/**
 * The server-side copy of one open workbook: a Y.Doc (gc on: deleted content is not kept; named
 * versions carry their own content, see versions.ts) holding at least every committed update up to
 * `lastSeq`, its sockets and awareness.
 *
 * Opening is lazy: when the stored snapshot carries its state vector, `load` only reads it, sockets
 * are answered from the stored bytes, and the document is built right after (or as soon as anything
 * needs `doc`). Database writes run one batch at a time (`exclusive`); compaction runs beside them.
 */
export class Room {
  private readonly ydoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  /** Socket → awareness client ids it controls. */
  readonly connections = new Map<SyncConnection, Set<number>>();
  /** Holders other than sockets (HTTP version routes). */
  holds = 0;
  lastSeq = 0;
  /** Stored state not applied to `ydoc` yet, with its encoded state vector. */
  private unbuilt?: { loaded: LoadedState; stateVector: Uint8Array };
  private sinceSnapshot = 0;
  private pending: Pending[] = [];
  private flushQueued = false;
  private catchUpQueued = false;
  private chain: Promise<void> = Promise.resolve();
  private compacting?: Promise<void>;
  private destroyed = false;
  /** Set when the stored state could not be applied: the room serves nothing more (the hub drops it). */
  failed?: unknown;

  constructor(
    readonly workbookId: string,
    private readonly persistence: SyncPersistence,
    private readonly compactAfter: number,
  ) {
    this.awareness.setLocalState(null);
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

  /** The document, built from the stored state first if that has not happened yet. */
  get doc(): Y.Doc {
    this.ensureBuilt();
    return this.ydoc;
  }

  private ensureBuilt(): void {
    if (this.failed) throw this.failed;
    const unbuilt = this.unbuilt;
    if (!unbuilt) return;
    this.unbuilt = undefined;
    this.build(unbuilt.loaded);
  }

  /** Reads the latest snapshot and the updates after it (one query). */
  async load(): Promise<void> {
    const loaded = await this.persistence.load(this.workbookId);
    this.lastSeq = Math.max(loaded.snapshot?.upToSeq ?? 0, loaded.updates.at(-1)?.seq ?? 0);
    this.sinceSnapshot = loaded.updates.length;
    const stateVector = lazyStateVector(loaded);
    if (stateVector) {
      this.unbuilt = { loaded, stateVector };
      // After the sockets waiting for this room have been answered from the stored bytes.
      setImmediate(() => {
        try {
          if (!this.destroyed) this.ensureBuilt();
        } catch {
          // Logged, and the sockets closed, by build.
        }
      });
      return;
    }
    // No current-format snapshot: the stored rows are the whole history (a young workbook, or data
    // from before gc'd snapshots). Versions saved in the old format are upgraded while it is at hand.
    if (loaded.snapshot || loaded.updates.length > 0) await upgradeLegacyVersions(this.persistence, this.workbookId, loaded);
    this.build(loaded);
    if (loaded.snapshot?.encoding === 1) this.sinceSnapshot = Math.max(this.sinceSnapshot, this.compactAfter);
    this.maybeCompact();
  }

  /** Applies the stored state, then starts broadcasting the document's updates. */
  private build(loaded: LoadedState): void {
    // The update listener is attached afterwards: Yjs then skips encoding the loaded state as an update.
    try {
      applyLoaded(this.ydoc, loaded, LOAD_ORIGIN);
    } catch (error) {
      this.failed = error;
      log(`could not build workbook ${this.workbookId} from its stored state`, error);
      for (const connection of [...this.connections.keys()]) connection.close(1011, 'The server could not open this workbook. Try again later.');
      throw error;
    }
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === BROADCAST_ORIGIN) return;
      const message = updateMessage(update);
      for (const connection of this.connections.keys()) if (connection !== origin) connection.send(message);
    });
  }

  /** Encoded state vector (sync step 1), without building the document. */
  stateVector(): Uint8Array {
    return this.unbuilt ? this.unbuilt.stateVector : Y.encodeStateVector(this.ydoc);
  }

  /** What a peer with state vector `stateVector` lacks, as a v1 update (sync step 2), without building the document. */
  updateFor(stateVector: Uint8Array): Uint8Array {
    return this.unbuilt ? stateAsUpdateFor(this.unbuilt.loaded, stateVector) : Y.encodeStateAsUpdate(this.ydoc, stateVector);
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

  /** Waits for every queued database task and a running compaction (used before the room is dropped). */
  async idle(): Promise<void> {
    for (;;) {
      const chain = this.chain;
      const compacting = this.compacting;
      await chain;
      await compacting;
      if (chain === this.chain && compacting === this.compacting) return;
    }
  }

  /**
   * Whether `update` holds anything this doc lacks (new structs or new deletions). No-op updates
   * (duplicates, a client's empty sync step 2) are neither stored nor broadcast.
   */
  changesDoc(update: Uint8Array): boolean {
    const doc = this.doc;
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
    }
    // Deletions: every deleted range must already be deleted here (checked on the affected structs only).
    for (const [client, ranges] of ds.clients) {
      const mine = doc.store.clients.get(client);
      for (const { clock, len } of ranges) {
        if (!mine || clock + len > Y.getState(doc.store, client)) return true;
        for (let index = Y.findIndexSS(mine, clock); index < mine.length && mine[index].id.clock < clock + len; index++) {
          if (!mine[index].deleted) return true;
        }
      }
    }
    return false;
  }

  /**
   * Commits `update` to the database, and only then broadcasts it to the other sockets and applies
   * it to the document. Updates arriving while a commit runs are committed together in the next
   * statement (group commit), in arrival order, and broadcast together.
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
    let doc: Y.Doc;
    let seqs: { firstSeq: number; lastSeq: number };
    let message: Uint8Array;
    try {
      doc = this.doc;
      const updates = batch.map((item) => item.update);
      // The broadcast message, built from the updates as the clients sent them: ONE message for the
      // whole batch (each send is a syscall per socket, under load the server's main cost).
      message = updateMessage(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
      seqs = await this.persistence.store(this.workbookId, updates);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    // Committed. Rows before ours that this room has not seen came from another process: apply them first.
    let caughtUp = true;
    if (seqs.firstSeq > this.lastSeq + 1) {
      caughtUp = await this.readNewRows(seqs.firstSeq - 1).then(
        () => true,
        (error: unknown) => {
          log(`could not read updates of workbook ${this.workbookId} committed by another server`, error);
          return false;
        },
      );
    }
    // Broadcast first, then apply (the document is not needed to forward what was committed). The
    // sender is left out when the batch has one sender; in a mixed batch senders also get their own
    // edits back, which Yjs ignores.
    const senders = new Set(batch.map((item) => item.from));
    const skip = senders.size === 1 ? batch[0].from : undefined;
    for (const connection of this.connections.keys()) if (connection !== skip) connection.send(message);
    try {
      doc.transact(() => {
        for (const item of batch) Y.applyUpdate(doc, item.update);
      }, BROADCAST_ORIGIN);
    } catch (error) {
      // Committed and sent; only this process's copy could not take it (a malformed update).
      log(`could not apply a committed update of workbook ${this.workbookId}`, error);
    }
    this.sinceSnapshot += batch.length;
    // Without the rows before ours, lastSeq stays below them: the next catch-up reads them (and ours again, harmlessly).
    if (caughtUp) this.lastSeq = Math.max(this.lastSeq, seqs.lastSeq);
    else void this.catchUp();
    for (const item of batch) item.resolve();
    this.maybeCompact();
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

  /** Inside `exclusive` only: applies what was committed after `lastSeq` (up to `upToSeq`). */
  async readNewRows(upToSeq?: number): Promise<void> {
    const doc = this.doc;
    const loaded = await this.persistence.readFrom(this.workbookId, this.lastSeq, upToSeq);
    applyLoaded(doc, loaded, REMOTE_ORIGIN);
    if (loaded.snapshot) this.sinceSnapshot = 0;
    this.sinceSnapshot += loaded.updates.length;
    this.lastSeq = Math.max(this.lastSeq, loaded.snapshot?.upToSeq ?? 0, loaded.updates.at(-1)?.seq ?? 0);
  }

  /** Starts a compaction when enough updates followed the last snapshot and none is running. */
  private maybeCompact(): void {
    if (this.sinceSnapshot >= this.compactAfter && !this.compacting) void this.compactNow();
  }

  /**
   * Snapshots the document as it is now (it holds every update ≤ lastSeq) and writes it beside the
   * update commits, off the room's queue: the database statement is atomic, and the rows it deletes
   * are exactly those the snapshot covers.
   */
  compactNow(): Promise<void> {
    if (this.compacting) return this.compacting;
    const doc = this.doc;
    if (this.lastSeq === 0) return Promise.resolve();
    const covered = this.sinceSnapshot;
    const snapshot = { upToSeq: this.lastSeq, state: Y.encodeStateAsUpdateV2(doc), stateVector: Y.encodeStateVector(doc) };
    const running = this.persistence.compact(this.workbookId, snapshot).then(
      () => {
        this.sinceSnapshot = Math.max(0, this.sinceSnapshot - covered);
      },
      (error: unknown) => log(`could not compact workbook ${this.workbookId} (its update log is kept)`, error),
    );
    this.compacting = running.finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}

/** A y-websocket sync "update" message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
