import { randomUUID } from 'node:crypto';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { SYNC_CLOSE, SYNC_MESSAGE } from '@tessera/shared';
import type { DatabaseHandle } from '../db';
import { TokenBucketLimiter, type TokenBucketOptions } from '../auth/rate-limit';
import { NOTIFY_CHANNEL, postgresPersistence, WorkbookGoneError, type SyncNoticeEnvelope, type SyncPersistence } from './persistence';
import { Room, type SyncConnection } from './room';

/** How often a process refreshes its registration (well within STALE_INSTANCE_SECONDS). */
const ANNOUNCE_EVERY_MS = 20_000;

export interface SyncHubOptions {
  /** Compact the update log into a snapshot once this many updates follow the last one. */
  compactAfter?: number;
  /** Per-socket message budget. */
  messageRate?: TokenBucketOptions;
  /** Replaces the Postgres persistence (tests, benchmarks). */
  persistence?: SyncPersistence;
}

/**
 * Every open workbook of this process, its sockets, and the link to the other processes
 * (LISTEN/NOTIFY). Transport-free: the WebSocket route hands it connections and messages.
 */
export class SyncHub {
  readonly instanceId = randomUUID();
  readonly persistence: SyncPersistence;
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly compactAfter: number;
  private readonly limiter: TokenBucketLimiter;
  private readonly connectionKeys = new WeakMap<SyncConnection, string>();
  private unlisten?: () => Promise<void>;
  private announcer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly handle: DatabaseHandle,
    options: SyncHubOptions = {},
  ) {
    this.persistence = options.persistence ?? postgresPersistence(handle, this.instanceId);
    this.compactAfter = options.compactAfter ?? 500;
    this.limiter = new TokenBucketLimiter(options.messageRate ?? { capacity: 600, refillPerSecond: 200 });
  }

  /**
   * Starts listening to the other processes, then registers this one, so they start notifying it
   * (PostgreSQL only); the registration is refreshed every `ANNOUNCE_EVERY_MS`.
   */
  async start(): Promise<void> {
    if (!this.handle.listen) return;
    this.unlisten = await this.handle.listen(
      NOTIFY_CHANNEL,
      (payload) => this.onNotice(payload),
      // Listening again after a lost connection: what was notified in between is gone.
      () => void this.catchUpAll(),
    );
    await this.persistence.announce();
    this.announcer = setInterval(() => void this.announce(), ANNOUNCE_EVERY_MS);
    this.announcer.unref();
  }

  /**
   * Refreshes this process's registration. When others had removed it (this process stalled past
   * STALE_INSTANCE_SECONDS), they may have committed without notifying it: every open room reads
   * what it missed, once no commit is in flight.
   */
  async announce(): Promise<void> {
    try {
      if (!(await this.persistence.announce())) return;
    } catch (error) {
      console.error('[tessera] sync: could not refresh this server\'s registration (retrying):', error instanceof Error ? error.message : error);
      return;
    }
    await this.catchUpAll();
  }

  /** Every open room reads what other processes committed, once no commit on it is in flight. */
  private async catchUpAll(): Promise<void> {
    await Promise.all(
      [...this.rooms.entries()].map(async ([workbookId, pending]) => {
        try {
          const room = await pending;
          await this.persistence.awaitCommits(workbookId);
          await room.catchUp();
        } catch (error) {
          console.error(`[tessera] sync: could not catch up workbook ${workbookId}:`, error instanceof Error ? error.message : error);
        }
      }),
    );
  }

  /** Opens (loads once) and holds a room; `release` it when done. */
  async acquire(workbookId: string): Promise<Room> {
    let pending = this.rooms.get(workbookId);
    if (!pending) {
      const room = new Room(workbookId, this.persistence, this.compactAfter);
      pending = room.load().then(() => room);
      this.rooms.set(workbookId, pending);
      pending.catch(() => this.rooms.delete(workbookId));
    }
    const room = await pending;
    if (room.failed) {
      // Its stored state could not be applied (after a lazy open): the next acquire reads it again.
      if (this.rooms.get(workbookId) === pending) {
        this.rooms.delete(workbookId);
        room.destroy();
      }
      throw room.failed;
    }
    room.holds++;
    return room;
  }

  release(room: Room): void {
    room.holds--;
    this.dropIfUnused(room);
  }

  /** Runs `task` with the room held. */
  async withRoom<T>(workbookId: string, task: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(workbookId);
    try {
      return await task(room);
    } finally {
      this.release(room);
    }
  }

  private dropIfUnused(room: Room): void {
    if (room.refs > 0) return;
    void room.idle().then(() => {
      if (room.refs > 0 || this.rooms.get(room.workbookId) === undefined) return;
      this.rooms.delete(room.workbookId);
      room.destroy();
    });
  }

  /** Adds an authorised socket to its room and starts the sync handshake (server sends sync step 1 + awareness). */
  async connect(workbookId: string, connection: SyncConnection): Promise<Room> {
    const room = await this.acquire(workbookId);
    room.connections.set(connection, new Set());
    room.holds--;
    this.connectionKeys.set(connection, randomUUID());

    // From the stored bytes when the room's document is not built yet (see Room).
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, room.stateVector());
    connection.send(encoding.toUint8Array(encoder));
    const states = room.awareness.getStates();
    if (states.size > 0) connection.send(this.awarenessMessage(room, [...states.keys()]));
    return room;
  }

  disconnect(room: Room, connection: SyncConnection): void {
    const controlled = room.connections.get(connection);
    if (!controlled) return;
    room.connections.delete(connection);
    awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null);
    this.dropIfUnused(room);
  }

  /** One binary message from a socket (y-websocket wire format). */
  handleMessage(room: Room, connection: SyncConnection, data: Uint8Array): void {
    const key = this.connectionKeys.get(connection) ?? 'unknown';
    if (this.limiter.take(key) > 0) {
      connection.close(SYNC_CLOSE.rateLimited, 'Too many messages: slow down and reconnect.');
      return;
    }
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === SYNC_MESSAGE.sync) this.handleSync(room, connection, decoder);
      else if (type === SYNC_MESSAGE.awareness) {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), connection);
      } else if (type === SYNC_MESSAGE.queryAwareness) {
        connection.send(this.awarenessMessage(room, [...room.awareness.getStates().keys()]));
      }
      // Unknown message types are ignored, like the reference server does.
    } catch {
      connection.close(1007, 'The server could not decode a sync message.');
    }
  }

  private handleSync(room: Room, connection: SyncConnection, decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, room.updateFor(decoding.readVarUint8Array(decoder)));
      connection.send(encoding.toUint8Array(encoder));
      return;
    }
    if (subtype !== syncProtocol.messageYjsSyncStep2 && subtype !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoder);
    if (!room.changesDoc(update)) return;
    if (connection.role === 'viewer') {
      connection.close(SYNC_CLOSE.forbidden, 'Viewers cannot edit this workbook.');
      return;
    }
    room.submit(update, connection).catch((error: unknown) => {
      if (error instanceof WorkbookGoneError) connection.close(SYNC_CLOSE.notFound, 'This workbook was deleted.');
      else {
        console.error(`[tessera] sync: could not store an update of workbook ${room.workbookId}:`, error instanceof Error ? error.message : error);
        // Not acknowledged: the client re-sends it after reconnecting.
        connection.close(1011, 'The server could not save your change; reconnecting will resend it.');
      }
    });
  }

  private awarenessMessage(room: Room, clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC_MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  /** Closes `userId`'s sockets on workbooks of `workspaceId`, here and (via NOTIFY) in the other processes. */
  async closeUserSockets(workspaceId: string, userId: string, code: number, reason: string): Promise<void> {
    this.closeLocalUserSockets(workspaceId, userId, code, reason);
    await this.persistence.notify({ t: 'm', ws: workspaceId, u: userId, code, reason });
  }

  private closeLocalUserSockets(workspaceId: string, userId: string, code: number, reason: string): void {
    for (const pending of this.rooms.values()) {
      void pending.then((room) => {
        for (const connection of [...room.connections.keys()]) {
          if (connection.userId === userId && connection.workspaceId === workspaceId) connection.close(code, reason);
        }
      }, () => undefined);
    }
  }

  /** After a workbook is deleted: closes its sockets everywhere. */
  async closeWorkbook(workbookId: string): Promise<void> {
    this.closeLocalWorkbook(workbookId);
    await this.persistence.notify({ t: 'd', w: workbookId });
  }

  private closeLocalWorkbook(workbookId: string): void {
    void this.rooms.get(workbookId)?.then((room) => {
      for (const connection of [...room.connections.keys()]) connection.close(SYNC_CLOSE.notFound, 'This workbook was deleted.');
    }, () => undefined);
  }

  private onNotice(payload: string): void {
    let notice: SyncNoticeEnvelope;
    try {
      notice = JSON.parse(payload) as SyncNoticeEnvelope;
    } catch {
      return;
    }
    if (notice.i === this.instanceId) return;
    if (notice.t === 'u') {
      void this.rooms.get(notice.w)?.then((room) => (notice.q > room.lastSeq ? room.catchUp() : undefined)).catch((error: unknown) => {
        console.error(`[tessera] sync: could not read updates of workbook ${notice.w} from another server:`, error instanceof Error ? error.message : error);
      });
    } else if (notice.t === 'm') this.closeLocalUserSockets(notice.ws, notice.u, notice.code, notice.reason);
    else if (notice.t === 'd') this.closeLocalWorkbook(notice.w);
  }

  /** Waits for pending commits, stops listening and unregisters. */
  async close(): Promise<void> {
    clearInterval(this.announcer);
    await this.unlisten?.().catch(() => undefined);
    await this.persistence.retire().catch(() => undefined);
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      for (const connection of [...result.value.connections.keys()]) connection.close(1001, 'The server is shutting down.');
      await result.value.idle();
    }
  }
}
