/**
 * `pnpm bench load`: server-side open of a workbook whose 100k stored updates were compacted
 * (load snapshot + tail into the server's Y.Doc), on the real PostgreSQL at 127.0.0.1:5432.
 * Reference in the same run: opening the same workbook from its raw, uncompacted update log.
 */
import type { Bench } from './harness/options';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';

interface LoadWorkload {
  snapshotBytes: number;
  uncompactedMs: number;
  open(): Promise<number>;
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
  note(`writing ${updates} updates…`);
  const workload = await prepareLoadWorkload(updates, note);
  try {
    await workload.open(); // warm-up
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await workload.open());
    const summary = summarize(times);
    printHeader(`load: open a workbook of ${updates} compacted updates (snapshot ${round(workload.snapshotBytes / 1024)} KiB)`);
    printLine(formatSummary('compacted (ours)', summary, 'ms', 1));
    printLine(`${'uncompacted log (ref, 1 run)'.padEnd(28)}${workload.uncompactedMs.toFixed(1).padStart(10)} ms`);
    return {
      bench: 'load',
      updates,
      ms: round(summary.median, 1),
      min_ms: round(summary.min, 1),
      max_ms: round(summary.max, 1),
      uncompacted_ms: round(workload.uncompactedMs, 1),
      ratio: round(summary.median / workload.uncompactedMs, 3),
      snapshot_kb: round(workload.snapshotBytes / 1024),
    };
  } finally {
    await workload.cleanup();
  }
};
