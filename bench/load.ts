/**
 * `pnpm bench load`: server-side open of a workbook whose 100k stored updates were compacted, on the
 * real PostgreSQL at 127.0.0.1:5432. `ms` = `SyncHub.acquire` until the room is open (snapshot read,
 * sync step 1 ready); also timed from the same start: the sync step 2 for a fresh client encoded
 * (`answer_ms`) and the room's Y.Doc built (`doc_ms`, lazy work the room does right after answering),
 * with the CPU time of those two synchronous steps (`answer_cpu_ms`, `build_cpu_ms`).
 * Reference in the same run: opening the same workbook from its raw, uncompacted update log.
 */
import { loadavg } from 'node:os';
import type { Bench } from './harness/options';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';

interface OpenTimes {
  openMs: number;
  answerMs: number;
  docMs: number;
  answerCpuMs: number;
  buildCpuMs: number;
}
interface LoadWorkload {
  snapshotBytes: number;
  uncompacted: OpenTimes;
  open(): Promise<OpenTimes>;
  cleanup(): Promise<void>;
}
type PrepareLoadWorkload = (updates: number, note: (message: string) => void) => Promise<LoadWorkload>;

// The workload lives in sync-server (it drives the real hub and database, and must share its yjs).
// A computed specifier keeps it out of this tsconfig project, which does not reference sync-server.
const WORKLOAD_MODULE = '../sync-server/src/perf/load-workload.ts';
async function prepareLoadWorkload(updates: number, log: (message: string) => void): Promise<LoadWorkload> {
  const module = (await import(WORKLOAD_MODULE)) as { prepareLoadWorkload: PrepareLoadWorkload };
  return module.prepareLoadWorkload(updates, log);
}

const DEFAULT_UPDATES = 100_000;
const DEFAULT_RUNS = 7;

export const load: Bench = async (options) => {
  const updates = options.rows ?? DEFAULT_UPDATES;
  const runs = options.runs ?? DEFAULT_RUNS;
  note(`writing ${updates} updates… (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`);
  const workload = await prepareLoadWorkload(updates, note);
  try {
    await workload.open(); // warm-up
    const times: OpenTimes[] = [];
    for (let run = 0; run < runs; run++) times.push(await workload.open());
    const open = summarize(times.map((time) => time.openMs));
    const answer = summarize(times.map((time) => time.answerMs));
    const doc = summarize(times.map((time) => time.docMs));
    const answerCpu = summarize(times.map((time) => time.answerCpuMs));
    const buildCpu = summarize(times.map((time) => time.buildCpuMs));
    const { uncompacted } = workload;
    const load = loadavg()[0];
    printHeader(`load: open a workbook of ${updates} compacted updates (snapshot ${round(workload.snapshotBytes / 1024, 1)} KiB)`);
    printLine(formatSummary('room open (ours)', open, 'ms', 1));
    printLine(formatSummary('+ fresh client answered', answer, 'ms', 1));
    printLine(formatSummary('+ Y.Doc built', doc, 'ms', 1));
    printLine(formatSummary('CPU of the answer', answerCpu, 'ms', 1));
    printLine(formatSummary('CPU of the build', buildCpu, 'ms', 1));
    printLine(`machine load average (1 min): ${load.toFixed(1)}`);
    printLine(`${'uncompacted log (ref, 1 run)'.padEnd(28)}${uncompacted.docMs.toFixed(1).padStart(10)} ms (doc built; room open ${uncompacted.openMs.toFixed(1)} ms)`);
    return {
      bench: 'load',
      updates,
      ms: round(open.median, 1),
      min_ms: round(open.min, 1),
      max_ms: round(open.max, 1),
      answer_ms: round(answer.median, 1),
      doc_ms: round(doc.median, 1),
      answer_cpu_ms: round(answerCpu.median, 1),
      build_cpu_ms: round(buildCpu.median, 1),
      uncompacted_ms: round(uncompacted.docMs, 1),
      ratio: round(doc.median / uncompacted.docMs, 3),
      snapshot_kb: round(workload.snapshotBytes / 1024, 1),
      loadavg: round(load, 1),
    };
  } finally {
    await workload.cleanup();
  }
};
