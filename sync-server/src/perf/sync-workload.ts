/**
 * For `pnpm bench sync`: a sync server in a CHILD process (so its CPU and memory are its own) and N
 * stock y-websocket clients in this process, each making `editsPerSecond` Y.Map sets on one
 * workbook; for every edit, the time until every other client has it.
 *
 * Two servers speak the same y-websocket protocol: ours (`startTestServer('postgres')`: a fresh
 * database on 127.0.0.1:5432, every update committed before broadcast, dropped after) and a minimal
 * in-memory reference (ws + y-protocols sync/awareness, broadcast on receipt, no persistence).
 * Run as `node --import tsx sync-workload.ts child <ours|reference>` it is that child.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket, { WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { apiClient } from '../testing/api-client';
import { startTestServer } from '../testing/server';
import { connectClient, synced, type TestClient } from '../testing/sync-clients';

export type SyncServerKind = 'ours' | 'reference';

/** Server-process figures over one measured window. */
export interface ServerUsage {
  /** user + system CPU of the server process, ms. */
  cpuMs: number;
  /** RSS of the server process at the end of the window, MiB. */
  rssMb: number;
  /** Highest RSS sampled (every 100 ms) during the window, MiB. */
  peakRssMb: number;
}

export interface SyncRoundResult {
  clients: number;
  /** Edits made (clients × editsPerSecond × seconds, roughly). */
  edits: number;
  /** Edits some client never received within the drain time (should be 0). */
  lost: number;
  /** Per edit: ms from the set on the editing client until the last other client has it. */
  latenciesMs: number[];
  /** Wall time of the window (edits + drain), ms. */
  wallMs: number;
  server: ServerUsage;
}

export interface SyncBenchServer {
  kind: SyncServerKind;
  /** Connects `clients` stock clients to a fresh workbook, runs the edits, then disconnects them. */
  round(options: { clients: number; editsPerSecond: number; seconds: number }): Promise<SyncRoundResult>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- parent side

type ChildReply =
  | { type: 'ready'; url: string; token: string }
  | { type: 'workbook'; id: string }
  | { type: 'usage'; cpuUs: number; rss: number; peakRss: number }
  | { type: 'error'; message: string };

function isChildReply(value: unknown): value is ChildReply {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** One request at a time to the child, answered in order. */
function childChannel(child: ChildProcess) {
  const waiting: Array<{ resolve: (reply: ChildReply) => void; reject: (error: Error) => void }> = [];
  child.on('message', (message: unknown) => {
    if (!isChildReply(message)) return;
    const next = waiting.shift();
    if (!next) return;
    if (message.type === 'error') next.reject(new Error(`sync bench server: ${message.message}`));
    else next.resolve(message);
  });
  child.on('exit', (code) => {
    for (const entry of waiting.splice(0)) entry.reject(new Error(`sync bench server exited (code ${String(code)})`));
  });
  const next = () => new Promise<ChildReply>((resolve, reject) => waiting.push({ resolve, reject }));
  const request = (type: string) => {
    const reply = next();
    child.send({ type });
    return reply;
  };
  return { next, request };
}

const MB = 1024 * 1024;

export async function startSyncBenchServer(kind: SyncServerKind): Promise<SyncBenchServer> {
  const child = fork(fileURLToPath(import.meta.url), ['child', kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const channel = childChannel(child);
  const ready = await channel.next();
  if (ready.type !== 'ready') throw new Error(`sync bench server sent ${ready.type} before ready`);
  const usage = async () => {
    const reply = await channel.request('usage');
    if (reply.type !== 'usage') throw new Error(`expected usage, got ${reply.type}`);
    return reply;
  };

  const round: SyncBenchServer['round'] = async ({ clients: count, editsPerSecond, seconds }) => {
    const workbook = await channel.request('workbook');
    if (workbook.type !== 'workbook') throw new Error(`expected a workbook, got ${workbook.type}`);
    const clients: TestClient[] = [];
    // Each stock provider adds a process 'exit' listener in Node.
    process.setMaxListeners(Math.max(process.getMaxListeners(), count + 20));
    try {
      for (let i = 0; i < count; i++) clients.push(connectClient(ready.url, workbook.id, ready.token));
      await Promise.all(clients.map(synced));
      return await measure(clients, editsPerSecond, seconds, usage);
    } finally {
      for (const client of clients) client.destroy();
    }
  };

  return {
    kind,
    round,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  };
}

const DRAIN_MS = 15_000;

async function measure(
  clients: TestClient[],
  editsPerSecond: number,
  seconds: number,
  usage: () => Promise<{ cpuUs: number; rss: number; peakRss: number }>,
): Promise<SyncRoundResult> {
  const pending = new Map<string, { sent: number; remaining: number }>();
  const latencies: number[] = [];
  const maps = clients.map((client) => client.doc.getMap<number>('bench'));
  const observers = maps.map((map) => {
    const observer = (event: Y.YMapEvent<number>) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const entry = pending.get(key);
        if (!entry) continue;
        entry.remaining -= 1;
        if (entry.remaining === 0) {
          latencies.push(now - entry.sent);
          pending.delete(key);
        }
      }
    };
    map.observe(observer);
    return observer;
  });

  const before = await usage();
  const started = performance.now();
  const period = 1000 / editsPerSecond;
  const perClient = Math.max(1, Math.round(editsPerSecond * seconds));
  let edits = 0;
  await Promise.all(
    maps.map(
      (map, index) =>
        new Promise<void>((resolve) => {
          let made = 0;
          const edit = () => {
            const key = `${index}-${made}`;
            const sent = performance.now();
            pending.set(key, { sent, remaining: clients.length - 1 });
            map.set(key, Date.now());
            made += 1;
            edits += 1;
            if (made >= perClient) {
              clearInterval(timer);
              resolve();
            }
          };
          let timer: ReturnType<typeof setInterval> | undefined;
          // Spread the clients over one period so the edits do not all land at once.
          setTimeout(() => {
            edit();
            if (made < perClient) timer = setInterval(edit, period);
          }, (index / clients.length) * period);
        }),
    ),
  );
  const drainUntil = performance.now() + DRAIN_MS;
  while (pending.size > 0 && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  const wallMs = performance.now() - started;
  const after = await usage();
  maps.forEach((map, index) => map.unobserve(observers[index]));
  return {
    clients: clients.length,
    edits,
    lost: pending.size,
    latenciesMs: latencies,
    wallMs,
    server: { cpuMs: (after.cpuUs - before.cpuUs) / 1000, rssMb: after.rss / MB, peakRssMb: after.peakRss / MB },
  };
}

// ---------------------------------------------------------------- child side

interface ChildServer {
  url: string;
  token: string;
  newWorkbook(): Promise<string>;
  close(): Promise<void>;
}

async function startOurs(): Promise<ChildServer> {
  const server = await startTestServer('postgres');
  try {
    const api = apiClient(server.url);
    const owner = await api.register('Bench');
    const workspace = await api.call('POST', '/api/workspaces', { name: 'Bench' }, owner.accessToken);
    if (workspace.status !== 201) throw new Error(`creating the workspace failed: ${workspace.status}`);
    const workspaceId = workspace.body.id as string;
    return {
      url: server.url,
      token: owner.accessToken,
      newWorkbook: async () => {
        const created = await api.call('POST', `/api/workspaces/${workspaceId}/workbooks`, { name: 'Bench' }, owner.accessToken);
        if (created.status !== 201) throw new Error(`creating a workbook failed: ${created.status}`);
        return created.body.id as string;
      },
      close: () => server.cleanup(),
    };
  } catch (error) {
    await server.cleanup();
    throw error;
  }
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

interface ReferenceRoom {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  sockets: Set<WebSocket>;
}

/** The reference: y-websocket protocol, rooms in memory, every update broadcast as soon as it is applied. */
async function startReference(): Promise<ChildServer> {
  const rooms = new Map<string, ReferenceRoom>();
  const roomFor = (name: string): ReferenceRoom => {
    let room = rooms.get(name);
    if (room) return room;
    const doc = new Y.Doc();
    const created: ReferenceRoom = { doc, awareness: new awarenessProtocol.Awareness(doc), sockets: new Set() };
    created.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const socket of created.sockets) if (socket !== origin && socket.readyState === WebSocket.OPEN) socket.send(message);
    });
    rooms.set(name, created);
    room = created;
    return room;
  };

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const room = roomFor(path);
    room.sockets.add(socket);
    const controlled = new Set<number>();
    socket.on('message', (data: Buffer) => {
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket);
        if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
      } else if (type === MESSAGE_AWARENESS) {
        const update = decoding.readVarUint8Array(decoder);
        const decoded = decoding.createDecoder(update);
        for (let n = decoding.readVarUint(decoded); n > 0; n--) {
          controlled.add(decoding.readVarUint(decoded));
          decoding.readVarUint(decoded);
          decoding.readVarString(decoded);
        }
        awarenessProtocol.applyAwarenessUpdate(room.awareness, update, socket);
        for (const other of room.sockets) if (other !== socket && other.readyState === WebSocket.OPEN) other.send(message);
      }
    });
    socket.on('close', () => {
      room.sockets.delete(socket);
      awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null);
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    socket.send(encoding.toUint8Array(encoder));
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const address = wss.address();
  if (!address || typeof address === 'string') throw new Error('the reference server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    token: 'reference',
    newWorkbook: () => Promise.resolve(`wb-${randomBytes(6).toString('hex')}`),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const room of rooms.values()) room.doc.destroy();
    },
  };
}

async function runChild(kind: SyncServerKind): Promise<void> {
  const send = (message: ChildReply) => process.send?.(message);
  let server: ChildServer;
  try {
    server = kind === 'ours' ? await startOurs() : await startReference();
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    clearInterval(sampler);
    void server.close().finally(() => process.exit(0));
  };
  process.on('message', (message: unknown) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type === 'usage') {
      const cpu = process.cpuUsage();
      const rss = process.memoryUsage.rss();
      send({ type: 'usage', cpuUs: cpu.user + cpu.system, rss, peakRss: Math.max(peakRss, rss) });
      peakRss = rss;
    } else if (type === 'workbook') {
      server.newWorkbook().then(
        (id) => send({ type: 'workbook', id }),
        (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    } else if (type === 'close') shutdown();
  });
  // If the bench dies, do not linger (close drops the database).
  process.on('disconnect', shutdown);
  send({ type: 'ready', url: server.url, token: server.token });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'child') {
  const kind = process.argv[3];
  if (kind !== 'ours' && kind !== 'reference') throw new Error(`unknown server kind ${String(kind)}; use ours or reference`);
  void runChild(kind);
}
