/**
 * A sync server for `pnpm bench sync`, run as its own child process (so its CPU and memory are its
 * own): `node --import tsx sync-bench-server.ts <ours|reference>`.
 *
 * ours = `startTestServer('postgres')`: a fresh database on 127.0.0.1:5432, every update committed
 * before broadcast, dropped after. reference = a minimal in-memory y-websocket server (ws +
 * y-protocols sync/awareness, broadcast on receipt, no persistence).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket, { WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { apiClient } from '../testing/api-client';
import { startTestServer } from '../testing/server';
import { serveParent } from './child-channel';

export type SyncServerKind = 'ours' | 'reference';

export type ServerReply =
  | { type: 'ready'; url: string; token: string }
  | { type: 'workbook'; id: string }
  | { type: 'usage'; cpuUs: number; rss: number; peakRss: number };

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

async function runServer(kind: SyncServerKind): Promise<void> {
  let server: ChildServer;
  try {
    server = kind === 'ours' ? await startOurs() : await startReference();
  } catch (error) {
    process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  let closing = false;
  serveParent(
    async (message): Promise<ServerReply | undefined> => {
      if (message.type === 'usage') {
        const cpu = process.cpuUsage();
        const rss = process.memoryUsage.rss();
        const reply: ServerReply = { type: 'usage', cpuUs: cpu.user + cpu.system, rss, peakRss: Math.max(peakRss, rss) };
        peakRss = rss;
        return reply;
      }
      if (message.type === 'workbook') return { type: 'workbook', id: await server.newWorkbook() };
      return undefined;
    },
    () => {
      if (closing) return;
      closing = true;
      clearInterval(sampler);
      // close() drops the database.
      void server.close().finally(() => process.exit(0));
    },
  );
  process.send?.({ type: 'ready', url: server.url, token: server.token } satisfies ServerReply);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  if (kind !== 'ours' && kind !== 'reference') throw new Error(`unknown server kind ${String(kind)}; use ours or reference`);
  void runServer(kind);
}
