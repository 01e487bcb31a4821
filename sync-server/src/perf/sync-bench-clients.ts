/**
 * A client worker of `pnpm bench sync`, run as its own child process: it holds some of the stock
 * y-websocket clients of a round, makes their edits on a schedule shared by every worker, and
 * records when each edit was made and when each of its clients received the others' edits — all on
 * one absolute clock (`performance.timeOrigin + performance.now()`), so the parent can compute
 * edit → every-other-client latencies across processes.
 * `node --import tsx sync-bench-clients.ts`
 */
import { fileURLToPath } from 'node:url';
import type * as Y from 'yjs';
import { connectClient, synced, type TestClient } from '../testing/sync-clients';
import { absoluteNow, serveParent } from './child-channel';

export interface ClientRound {
  url: string;
  workbook: string;
  token: string;
  /** Global indices of this worker's clients (0 … totalClients - 1). */
  indices: number[];
  totalClients: number;
  editsPerClient: number;
  periodMs: number;
  /** How long after the last scheduled edit to wait for missing edits. */
  drainMs: number;
}

export type ClientsReply =
  | { type: 'ready' }
  | {
      type: 'result';
      /** [key, absolute ms] of every edit this worker made. */
      sent: Array<[string, number]>;
      /** [key, receiving clients here, absolute ms of the last of them] for every edit received. */
      received: Array<[string, number, number]>;
      /** user + system CPU of this worker during the round, µs. */
      cpuUs: number;
    };

/** Edit key: `<client index>-<edit number>`. */
export const editKey = (client: number, edit: number) => `${client}-${edit}`;

let round: { spec: ClientRound; clients: TestClient[] } | undefined;

async function prepare(spec: ClientRound): Promise<ClientsReply> {
  // Each stock provider adds a process 'exit' listener in Node.
  process.setMaxListeners(Math.max(process.getMaxListeners(), spec.indices.length + 20));
  const clients = spec.indices.map(() => connectClient(spec.url, spec.workbook, spec.token));
  round = { spec, clients };
  await Promise.all(clients.map(synced));
  return { type: 'ready' };
}

async function run(startAt: number): Promise<ClientsReply> {
  if (!round) throw new Error('go before round');
  const { spec, clients } = round;
  round = undefined;
  const cpuBefore = process.cpuUsage();
  const sent: Array<[string, number]> = [];
  const received = new Map<string, [number, number]>();
  const expected = (spec.totalClients - 1) * spec.editsPerClient;
  let missing = clients.length * expected;
  const maps = clients.map((client) => client.doc.getMap<number>('bench'));
  const observers = maps.map((map) => {
    const observer = (event: Y.YMapEvent<number>) => {
      if (event.transaction.local) return;
      const now = absoluteNow();
      for (const key of event.keysChanged) {
        const entry = received.get(key);
        if (entry) {
          entry[0] += 1;
          entry[1] = now;
        } else received.set(key, [1, now]);
        missing -= 1;
      }
    };
    map.observe(observer);
    return observer;
  });

  await Promise.all(
    maps.map(
      (map, position) =>
        new Promise<void>((resolve) => {
          const index = spec.indices[position];
          // Spread the clients over one period so the edits do not all land at once.
          const first = startAt + (index / spec.totalClients) * spec.periodMs;
          let made = 0;
          const edit = () => {
            const key = editKey(index, made);
            sent.push([key, absoluteNow()]);
            map.set(key, made);
            made += 1;
            if (made >= spec.editsPerClient) resolve();
            else setTimeout(edit, Math.max(0, first + made * spec.periodMs - absoluteNow()));
          };
          setTimeout(edit, Math.max(0, first - absoluteNow()));
        }),
    ),
  );
  const drainUntil = startAt + spec.editsPerClient * spec.periodMs + spec.drainMs;
  while (missing > 0 && absoluteNow() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  maps.forEach((map, position) => map.unobserve(observers[position]));
  const cpu = process.cpuUsage(cpuBefore);
  for (const client of clients) client.destroy();
  return { type: 'result', sent, received: [...received].map(([key, [count, last]]) => [key, count, last]), cpuUs: cpu.user + cpu.system };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  serveParent(
    async (message) => {
      if (message.type === 'round') return prepare(message as unknown as ClientRound);
      if (message.type === 'go') return run(message.startAt as number);
      return undefined;
    },
    () => {
      for (const client of round?.clients ?? []) client.destroy();
      process.exit(0);
    },
  );
  process.send?.({ type: 'started' });
}
