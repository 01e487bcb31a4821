/**
 * `pnpm bench ingest`: CSV → stored snapshot, our import path (previewImport + commitImport into
 * OPFS + Y.Doc) vs raw DuckDB-wasm (read_csv into a table + snapshot bytes in the same format), in
 * the same headless Chromium page on the same File. Each measured side runs in a freshly loaded
 * document (new DuckDB worker) so its peak memory is its own.
 */
import { ensureStarSchema } from './data/generate';
import type { Bench } from './harness/options';
import { openSession, type BenchSession } from './harness/session';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';
import type { IngestFigures, SnapshotFormat } from './pages/api';

const DEFAULT_SIZES = [1_000_000, 10_000_000];
const DEFAULT_RUNS = 3;

interface SideRun extends IngestFigures {
  peakMb: number;
}

async function runSide(session: BenchSession, url: string, side: 'ours' | 'raw', format: SnapshotFormat): Promise<SideRun> {
  await session.reload();
  await session.call('loadFile', url, 'sales.csv');
  session.browser.resetPeak();
  const figures = side === 'ours' ? await session.call('ingestOurs') : await session.call('ingestRaw', format);
  return { ...figures, peakMb: session.browser.peakMb() };
}

async function measureSize(session: BenchSession, rows: number, runs: number): Promise<Record<string, unknown>> {
  const files = await ensureStarSchema(rows);
  const url = session.dataUrl(files.salesCsv);
  const ours: SideRun[] = [];
  const raw: SideRun[] = [];
  let format: SnapshotFormat = 'arrow';
  for (let i = 0; i <= runs; i++) {
    const label = i === 0 ? 'warm-up' : `run ${i}/${runs}`;
    const o = await runSide(session, url, 'ours', format);
    if (o.format !== 'unknown') format = o.format;
    note(`  ${rows} rows ${label}: ours ${Math.round(o.ms)} ms (preview ${Math.round(o.previewMs ?? 0)} ms, ${o.format}, peak ${Math.round(o.peakMb)} MB)`);
    const r = await runSide(session, url, 'raw', format);
    note(`  ${rows} rows ${label}: raw  ${Math.round(r.ms)} ms (${r.format}, peak ${Math.round(r.peakMb)} MB)`);
    if (o.rows !== rows || r.rows !== rows) throw new Error(`row counts differ: file ${rows}, ours ${o.rows}, raw ${r.rows}`);
    if (i > 0) {
      ours.push(o);
      raw.push(r);
    }
  }
  const oursMs = summarize(ours.map((x) => x.ms));
  const rawMs = summarize(raw.map((x) => x.ms));
  const previewMs = summarize(ours.map((x) => x.previewMs ?? 0));
  const oursPeak = summarize(ours.map((x) => x.peakMb));
  const rawPeak = summarize(raw.map((x) => x.peakMb));
  const perSecond = (ms: number): number => (rows / ms) * 1000;
  printHeader(`ingest ${rows.toLocaleString('en')} rows (${format} snapshot, ${runs} runs after a warm-up)`);
  printLine(formatSummary('ours commit', oursMs, 'ms'));
  printLine(formatSummary('ours preview (not in ratio)', previewMs, 'ms'));
  printLine(formatSummary('raw read_csv + export', rawMs, 'ms'));
  printLine(formatSummary('ours rows/s', { min: perSecond(oursMs.max), median: perSecond(oursMs.median), max: perSecond(oursMs.min) }, 'rows/s'));
  printLine(formatSummary('raw rows/s', { min: perSecond(rawMs.max), median: perSecond(rawMs.median), max: perSecond(rawMs.min) }, 'rows/s'));
  printLine(formatSummary('ours peak renderer', oursPeak, 'MB'));
  printLine(formatSummary('raw peak renderer', rawPeak, 'MB'));
  const phases = ours.map((x) => x.phases ?? {});
  const savingAt = summarize(phases.map((p) => p.saving ?? 0));
  printLine(formatSummary('ours: saving phase starts at', savingAt, 'ms'));
  const ratio = oursMs.median / rawMs.median;
  printLine(`ratio ours/raw (medians): ${ratio.toFixed(2)}`);
  return {
    rows,
    ours_ms: round(oursMs.median),
    raw_ms: round(rawMs.median),
    ratio: round(ratio, 2),
    peak_mb: round(oursPeak.max),
    raw_peak_mb: round(rawPeak.max),
    ours_rows_per_s: round(perSecond(oursMs.median)),
    raw_rows_per_s: round(perSecond(rawMs.median)),
    preview_ms: round(previewMs.median),
    saving_starts_ms: round(savingAt.median),
    snapshot_mb: round(ours[0].bytes / 1048576, 1),
    format,
    runs,
  };
}

export const ingest: Bench = async (options) => {
  const sizes = options.rows ? [options.rows] : DEFAULT_SIZES;
  const runs = options.runs ?? DEFAULT_RUNS;
  for (const rows of sizes) await ensureStarSchema(rows);
  const session = await openSession();
  try {
    const results: Record<string, unknown>[] = [];
    for (const rows of sizes) results.push(await measureSize(session, rows, runs));
    const [main, ...smaller] = [...results].reverse();
    return { bench: 'ingest', ...main, ...(smaller.length > 0 ? { smaller: smaller.reverse() } : {}) };
  } finally {
    await session.close();
  }
};
