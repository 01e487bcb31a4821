/**
 * For `pnpm bench sync`: a sync server in a CHILD process (so its CPU and memory are its own) and N
 * stock y-websocket clients spread over several client worker processes (so no single client
 * process saturates), each client making `editsPerSecond` Y.Map sets on one workbook; for every
 * edit, the time until every other client has it, on one absolute clock across processes.
 * Both servers (ours and the in-memory reference, see sync-bench-server.ts) are driven by the same
 * workers in the same way.
 */
import { fileURLToPath } from 'node:url';
import { postgresConnection } from '../db/connection-url';
import { adminUrl } from '../testing/databases';
import { absoluteNow, forkChild, type ChildChannel } from './child-channel';
import type { ClientRound, ClientsReply } from './sync-bench-clients';
import type { ServerReply, SyncServerKind } from './sync-bench-server';

export type { SyncServerKind } from './sync-bench-server';

/**
 * How our server reaches PostgreSQL in this run: the test admin URL (TESSERA_TEST_PG_ADMIN_URL,
 * default TCP 127.0.0.1:5432) names the server its fresh database lives on.
 */
export function databaseTransport(): { kind: 'tcp' | 'unix'; where: string } {
  const { path } = postgresConnection(adminUrl);
  return path ? { kind: 'unix', where: path } : { kind: 'tcp', where: new URL(adminUrl.replace(/^postgres(ql)?:/, 'http:')).host };
}

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
  /** Client worker processes the clients were spread over. */
  workers: number;
  /** Edits made (clients × editsPerSecond × seconds). */
  edits: number;
  /** Edits some client never received within the drain time (should be 0). */
  lost: number;
  /** Per edit: ms from the set on the editing client until the last other client has it. */
  latenciesMs: number[];
  /** Wall time of the window (edits + drain), ms. */
  wallMs: number;
  server: ServerUsage;
  /** user + system CPU of all client workers over the window, ms (how busy the clients kept the machine). */
  clientCpuMs: number;
}

export interface RoundOptions {
  clients: number;
  editsPerSecond: number;
  seconds: number;
}

export interface SyncBenchServer {
  kind: SyncServerKind;
  /** Connects `clients` stock clients (spread over the workers) to a fresh workbook, runs the edits, then disconnects them. */
  round(options: RoundOptions): Promise<SyncRoundResult>;
  close(): Promise<void>;
}

export interface ClientWorkers {
  count: number;
  close(): Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const MB = 1024 * 1024;
const DRAIN_MS = 15_000;
/** Clients per worker process at most; a round uses at least two workers. */
const CLIENTS_PER_WORKER = 10;

type Workers = ClientWorkers & { channels: Array<ChildChannel<ClientsReply | { type: 'started' }>> };

/** Starts `count` client worker processes, shared by every server and round. */
export async function startClientWorkers(count: number): Promise<ClientWorkers> {
  const channels = Array.from({ length: count }, (_, index) => forkChild<ClientsReply | { type: 'started' }>(here('./sync-bench-clients.ts'), [], `sync bench client worker ${index}`));
  await Promise.all(channels.map((channel) => channel.next()));
  const workers: Workers = {
    count,
    channels,
    close: async () => {
      await Promise.all(channels.map((channel) => channel.close()));
    },
  };
  return workers;
}

export async function startSyncBenchServer(kind: SyncServerKind, clientWorkers: ClientWorkers): Promise<SyncBenchServer> {
  const workers = clientWorkers as Workers;
  const server = forkChild<ServerReply>(here('./sync-bench-server.ts'), [kind], `sync bench server (${kind})`);
  const ready = await server.next();
  if (ready.type !== 'ready') throw new Error(`sync bench server sent ${ready.type} before ready`);
  const usage = async () => {
    const reply = await server.request({ type: 'usage' });
    if (reply.type !== 'usage') throw new Error(`expected usage, got ${reply.type}`);
    return reply;
  };

  const round = async ({ clients, editsPerSecond, seconds }: RoundOptions): Promise<SyncRoundResult> => {
    const workbook = await server.request({ type: 'workbook' });
    if (workbook.type !== 'workbook') throw new Error(`expected a workbook, got ${workbook.type}`);
    const used = Math.min(workers.count, Math.max(2, Math.ceil(clients / CLIENTS_PER_WORKER)));
    const editsPerClient = Math.max(1, Math.round(editsPerSecond * seconds));
    const periodMs = 1000 / editsPerSecond;
    const channels = workers.channels.slice(0, used);
    await Promise.all(
      channels.map(async (channel, worker) => {
        const indices = Array.from({ length: clients }, (_, index) => index).filter((index) => index % used === worker);
        const spec: ClientRound = { url: ready.url, workbook: workbook.id, token: ready.token, indices, totalClients: clients, editsPerClient, periodMs, drainMs: DRAIN_MS };
        const reply = await channel.request({ type: 'round', ...spec });
        if (reply.type !== 'ready') throw new Error(`client worker ${worker} answered ${reply.type}`);
      }),
    );

    const before = await usage();
    const startAt = absoluteNow() + 100;
    const results = await Promise.all(channels.map((channel) => channel.request({ type: 'go', startAt })));
    const wallMs = absoluteNow() - startAt;
    const after = await usage();

    const sent = new Map<string, number>();
    const received = new Map<string, { count: number; last: number }>();
    for (const result of results) {
      if (result.type !== 'result') throw new Error(`a client worker answered ${result.type}`);
      for (const [key, at] of result.sent) sent.set(key, at);
      for (const [key, count, last] of result.received) {
        const entry = received.get(key);
        if (entry) {
          entry.count += count;
          entry.last = Math.max(entry.last, last);
        } else received.set(key, { count, last });
      }
    }
    const latenciesMs: number[] = [];
    let lost = 0;
    let clientCpuUs = 0;
    for (const result of results) if (result.type === 'result') clientCpuUs += result.cpuUs;
    for (const [key, at] of sent) {
      const entry = received.get(key);
      if (entry && entry.count >= clients - 1) latenciesMs.push(entry.last - at);
      else lost += 1;
    }
    return {
      clients,
      workers: used,
      edits: sent.size,
      lost,
      latenciesMs,
      wallMs,
      server: { cpuMs: (after.cpuUs - before.cpuUs) / 1000, rssMb: after.rss / MB, peakRssMb: after.peakRss / MB },
      clientCpuMs: clientCpuUs / 1000,
    };
  };

  return { kind, round, close: () => server.close() };
}
