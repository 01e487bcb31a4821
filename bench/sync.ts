/**
 * `pnpm bench sync`: 10 and 50 stock y-websocket clients (Node, ws) on one workbook, each making
 * 5 Y.Map sets per second for ~10 s; per edit, the time until EVERY other client has it. Ours = the
 * real server on a fresh PostgreSQL database (127.0.0.1:5432), committing every update before it is
 * broadcast; reference in the same run = a minimal in-memory y-websocket server. Each server runs in
 * its own child process (its CPU and RSS are measured there); the clients are spread over client
 * worker processes (≤ 10 clients each, at least 2) that time edits and receipts on one absolute clock.
 */
import { loadavg } from 'node:os';
import type { Bench } from './harness/options';
import { formatSummary, note, printHeader, printLine, round, summarize, type Summary } from './harness/stats';

type SyncServerKind = 'ours' | 'reference';
interface SyncRoundResult {
  clients: number;
  workers: number;
  edits: number;
  lost: number;
  latenciesMs: number[];
  wallMs: number;
  server: { cpuMs: number; rssMb: number; peakRssMb: number };
  clientCpuMs: number;
}
interface SyncBenchServer {
  kind: SyncServerKind;
  round(options: { clients: number; editsPerSecond: number; seconds: number }): Promise<SyncRoundResult>;
  close(): Promise<void>;
}
interface ClientWorkers {
  count: number;
  close(): Promise<void>;
}
interface SyncWorkload {
  startClientWorkers(count: number): Promise<ClientWorkers>;
  startSyncBenchServer(kind: SyncServerKind, workers: ClientWorkers): Promise<SyncBenchServer>;
  databaseTransport(): { kind: 'tcp' | 'unix'; where: string };
}

// The workload lives in sync-server (it drives the real server and the stock client with its yjs).
// A computed specifier keeps it out of this tsconfig project, which does not reference sync-server.
const WORKLOAD_MODULE = '../sync-server/src/perf/sync-workload.ts';
const loadWorkload = async () => (await import(WORKLOAD_MODULE)) as SyncWorkload;

const CLIENT_COUNTS = [10, 50] as const;
/** `SYNC_BENCH_CLIENTS=10` measures one client count only (a quick look; the JSON line then lacks the other). */
const clientCounts = (): number[] => {
  const only = process.env.SYNC_BENCH_CLIENTS;
  if (!only) return [...CLIENT_COUNTS];
  const counts = only.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`SYNC_BENCH_CLIENTS must list client counts ≥ 2, got ${only}`);
  return counts;
};
/** Client worker processes: 50 clients → 5 workers of 10. */
const CLIENT_WORKERS = 5;
const EDITS_PER_SECOND = 5;
const SECONDS = 10;
/**
 * Per server and client count, before the measured runs. Fresh processes on this VM run slower for
 * their first half minute or so (server CPU per round fell by a third over runs 1–4 after a 5 s
 * warm-up, for both servers and the clients; none after 40 s), and a sync server runs for days.
 */
const WARM_UP_SECONDS = 30;
const DEFAULT_RUNS = 3;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Figures {
  p50: number[];
  p95: number[];
  cpuMs: number[];
  cpuPct: number[];
  rssMb: number[];
  peakRssMb: number[];
  clientCpuPct: number[];
  lost: number;
  edits: number;
}
const emptyFigures = (): Figures => ({ p50: [], p95: [], cpuMs: [], cpuPct: [], rssMb: [], peakRssMb: [], clientCpuPct: [], lost: 0, edits: 0 });

function record(figures: Figures, result: SyncRoundResult): void {
  figures.p50.push(percentile(result.latenciesMs, 50));
  figures.p95.push(percentile(result.latenciesMs, 95));
  figures.cpuMs.push(result.server.cpuMs);
  figures.cpuPct.push((100 * result.server.cpuMs) / result.wallMs);
  figures.rssMb.push(result.server.rssMb);
  figures.peakRssMb.push(result.server.peakRssMb);
  figures.clientCpuPct.push((100 * result.clientCpuMs) / result.wallMs);
  figures.lost += result.lost;
  figures.edits += result.edits;
}

export const sync: Bench = async (options) => {
  const runs = options.runs ?? DEFAULT_RUNS;
  const counts = clientCounts();
  const servers: SyncBenchServer[] = [];
  const figures = new Map<string, Figures>();
  const workersUsed = new Map<number, number>();
  const loads: number[] = [];
  const key = (kind: SyncServerKind, clients: number) => `${kind}/${clients}`;
  const workload = await loadWorkload();
  const transport = workload.databaseTransport();
  note(
    `starting ${CLIENT_WORKERS} client worker processes, our server (fresh PostgreSQL database, over ${transport.kind === 'unix' ? 'the unix socket' : 'TCP'} ${transport.where}) ` +
      'and the in-memory reference, each in a child process…',
  );
  const workers = await workload.startClientWorkers(CLIENT_WORKERS);
  try {
    servers.push(await workload.startSyncBenchServer('ours', workers), await workload.startSyncBenchServer('reference', workers));
    // Warm-up: every server at every client count, so both servers and every client worker (workers
    // 2–4 only serve the 50-client rounds) have run their code hot before the first measured round —
    // a 2 s, 10-client warm-up left run 1 cold for whichever server went first (ours).
    for (const clients of counts) {
      for (const server of servers) await server.round({ clients, editsPerSecond: EDITS_PER_SECOND, seconds: WARM_UP_SECONDS });
    }
    for (const server of servers) for (const clients of counts) figures.set(key(server.kind, clients), emptyFigures());
    for (let run = 0; run < runs; run++) {
      for (const clients of counts) {
        // Alternate which server goes first, so a slow stretch of the shared machine hits both.
        const order = run % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) {
          const result = await server.round({ clients, editsPerSecond: EDITS_PER_SECOND, seconds: SECONDS });
          const figure = figures.get(key(server.kind, clients));
          if (!figure) throw new Error(`no figures for ${key(server.kind, clients)}`);
          record(figure, result);
          workersUsed.set(clients, result.workers);
          loads.push(loadavg()[0]);
          note(
            `  run ${run + 1}/${runs} ${server.kind} ${clients} clients: ${result.edits} edits, p50 ${percentile(result.latenciesMs, 50).toFixed(1)} ms, ` +
              `p95 ${percentile(result.latenciesMs, 95).toFixed(1)} ms, server CPU ${result.server.cpuMs.toFixed(0)} ms, ` +
              `client CPU ${result.clientCpuMs.toFixed(0)} ms, lost ${result.lost}`,
          );
        }
      }
    }
  } finally {
    for (const server of servers) await server.close();
    await workers.close();
  }

  const out = (kind: SyncServerKind, clients: number) => {
    const figure = figures.get(key(kind, clients));
    if (!figure) throw new Error(`no figures for ${key(kind, clients)}`);
    return {
      figure,
      p50: summarize(figure.p50),
      p95: summarize(figure.p95),
      cpuMs: summarize(figure.cpuMs),
      cpuPct: summarize(figure.cpuPct),
      rssMb: summarize(figure.rssMb),
      peakRssMb: summarize(figure.peakRssMb),
      clientCpuPct: summarize(figure.clientCpuPct),
    };
  };
  const line = (label: string, summary: Summary, unit: string, digits = 1) => printLine(formatSummary(label, summary, unit, digits));
  const perCount = counts.map((clients) => {
    const ours = out('ours', clients);
    const ref = out('reference', clients);
    printHeader(
      `sync: ${clients} clients (${workersUsed.get(clients) ?? '?'} client processes) × ${EDITS_PER_SECOND} edits/s × ${SECONDS} s, edit → every other client (${runs} runs)`,
    );
    line('p50 ours (PostgreSQL)', ours.p50, 'ms');
    line('p50 reference (in-memory)', ref.p50, 'ms');
    line('p95 ours (PostgreSQL)', ours.p95, 'ms');
    line('p95 reference (in-memory)', ref.p95, 'ms');
    line('server CPU ours', ours.cpuMs, 'ms', 0);
    line('server CPU reference', ref.cpuMs, 'ms', 0);
    line('server CPU ours', ours.cpuPct, '% of a core');
    line('server CPU reference', ref.cpuPct, '% of a core');
    line('server RSS ours (end)', ours.rssMb, 'MiB');
    line('server RSS reference (end)', ref.rssMb, 'MiB');
    line('server peak RSS ours', ours.peakRssMb, 'MiB');
    line('server peak RSS reference', ref.peakRssMb, 'MiB');
    line('client processes CPU, ours run', ours.clientCpuPct, '% of a core');
    line('client processes CPU, ref run', ref.clientCpuPct, '% of a core');
    printLine(`lost edits: ours ${ours.figure.lost}/${ours.figure.edits}, reference ${ref.figure.lost}/${ref.figure.edits}`);
    return {
      clients,
      client_processes: workersUsed.get(clients),
      p50_ms: round(ours.p50.median, 1),
      p95_ms: round(ours.p95.median, 1),
      ref_p50_ms: round(ref.p50.median, 1),
      ref_p95_ms: round(ref.p95.median, 1),
      ratio: round(ours.p95.median / ref.p95.median, 3),
      cpu_ms: round(ours.cpuMs.median),
      ref_cpu_ms: round(ref.cpuMs.median),
      rss_mb: round(ours.rssMb.median),
      ref_rss_mb: round(ref.rssMb.median),
      peak_rss_mb: round(ours.peakRssMb.median),
      ref_peak_rss_mb: round(ref.peakRssMb.median),
      lost: ours.figure.lost,
      ref_lost: ref.figure.lost,
    };
  });
  const loadSummary = summarize(loads);
  printLine(`machine load average (1 min) after each round: ${loads.map((n) => n.toFixed(1)).join(' ')}`);
  // The headline fields are the largest count's; the others nest under `c<count>` (c10).
  const fields = (entry: (typeof perCount)[number]) => {
    const { clients: _clients, ...rest } = entry;
    void _clients;
    return rest;
  };
  const last = perCount[perCount.length - 1];
  const nested = Object.fromEntries(perCount.slice(0, -1).map((entry) => [`c${entry.clients}`, fields(entry)]));
  return {
    bench: 'sync',
    clients: counts,
    ...fields(last),
    edits_per_s: EDITS_PER_SECOND,
    seconds: SECONDS,
    runs,
    db_transport: transport.kind,
    loadavg: round(loadSummary.median, 1),
    ...nested,
  };
};
