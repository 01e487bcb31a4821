/**
 * `pnpm bench crossfilter`: the 6-visual page (bar, line, table top-100, card, matrix, scatter) on
 * the star schema; 200 scripted clicks (bar categories and line months, seeded order), each timed
 * from input to the last visual's rows ready and its Vega view updated → p50 / p95. Before the clicks,
 * the app's activation of the two source charts builds the cross-filter cubes (index_ms, not part of a
 * click, as in Mosaic). In the same run, after our clicks, each visual's own SQL (no cube) of every 4th
 * click on a raw DuckDB-wasm connection (sequential) → raw_ms (median per click): the page without indexes.
 */
import { ensureStarSchema } from './data/generate';
import { mulberry32 } from './data/prng';
import type { Bench } from './harness/options';
import { openSession } from './harness/session';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';

const DEFAULT_ROWS = 10_000_000;
const CLICKS = 200;
const WARMUP = 5;
/** The raw reference runs every 4th click (a 10M-row click costs it seconds). */
const RAW_EVERY = 4;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const crossfilter: Bench = async (options) => {
  const rows = options.rows ?? DEFAULT_ROWS;
  const clicks = options.runs ?? CLICKS;
  const files = await ensureStarSchema(rows);
  const session = await openSession();
  try {
    session.browser.resetPeak();
    const loaded = await session.call('xfLoad', {
      sales: session.dataUrl(files.salesArrow),
      stores: session.dataUrl(files.storesArrow),
      products: session.dataUrl(files.productsArrow),
    });
    if (loaded.rows !== rows) throw new Error(`sales has ${loaded.rows} rows in the engine, expected ${rows}`);
    note(`page ready: ${loaded.categories.length} categories, ${loaded.months.length} months on ${rows} rows`);
    // the app's activation (pointer entering the bar, then the line): the other visuals build their cubes
    const index = await session.call('xfActivate');
    note(`cubes built: ${index.cubes} (${index.refused} refused) in ${index.ms.toFixed(0)} ms; finished at (ms): ${Object.entries(index.each).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const random = mulberry32(7);
    const script = Array.from({ length: clicks + WARMUP }, (_, i) =>
      i % 2 === 0
        ? { kind: 'category' as const, value: loaded.categories[Math.floor(random() * loaded.categories.length)] }
        : { kind: 'month' as const, value: loaded.months[Math.floor(random() * loaded.months.length)] },
    );
    const ours: number[] = [];
    const raw: number[] = [];
    let viaCube = 0;
    let queried = 0;
    const engineMs: number[] = [];
    const vegaMs: number[] = [];
    // Ours: the 200 clicks one after the other, as a user clicks (the raw reference's multi-second
    // scans in between would leave the page's memory and DuckDB's buffers as no user session has them).
    const oursRows: number[] = [];
    const arrivals: Record<string, number[]> = {};
    for (const [i, click] of script.entries()) {
      const figures = await session.call('xfClick', 'ours', click);
      oursRows.push(figures.rows);
      if (i >= WARMUP) {
        ours.push(figures.ms);
        viaCube += figures.viaCube ?? 0;
        engineMs.push(figures.engineMs ?? 0);
        vegaMs.push(figures.vegaMs ?? 0);
        for (const [type, ms] of Object.entries(figures.perVisual ?? {})) (arrivals[type] ??= []).push(ms);
        queried += 5;
      }
      if ((i + 1) % 50 === 0) note(`  ours ${i + 1}/${script.length} clicks`);
    }
    // Raw, in the same page afterwards: each visual's own SQL (no cube) for every RAW_EVERY-th click;
    // both sides must return the same rows.
    for (const [i, click] of script.entries()) {
      if (i < WARMUP || (i - WARMUP) % RAW_EVERY !== 0) continue;
      const figures = await session.call('xfClick', 'raw', click);
      raw.push(figures.ms);
      if (figures.rows !== oursRows[i]) throw new Error(`click ${i} (${click.kind} ${click.value}): ours returned ${oursRows[i]} rows, raw ${figures.rows}`);
    }
    const peakMb = session.browser.peakMb();
    const o = summarize(ours);
    const r = summarize(raw);
    const p50 = percentile(ours, 50);
    const p95 = percentile(ours, 95);
    printHeader(`crossfilter: 6-visual page, ${clicks} clicks on ${rows.toLocaleString('en')} rows (${WARMUP} warm-up clicks)`);
    printLine(formatSummary('input → last view updated', o, 'ms', 1));
    printLine(formatSummary(`raw DuckDB, own SQL (${raw.length} clicks)`, r, 'ms', 1));
    printLine(`per click (median): longest engine query ${percentile(engineMs, 50).toFixed(1)} ms, Vega updates ${percentile(vegaMs, 50).toFixed(1)} ms`);
    printLine(`rows arrived (median ms after the click): ${Object.entries(arrivals).map(([type, list]) => `${type} ${percentile(list, 50).toFixed(1)}`).join(', ')}`);
    printLine(`cubes: ${index.cubes} built in ${index.ms.toFixed(0)} ms on activation (${index.refused} refused); ${viaCube} of ${queried} visual queries answered from a cube`);
    printLine(`p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; raw median ${r.median.toFixed(1)} ms (p95 ${percentile(raw, 95).toFixed(1)} ms); peak renderer ${Math.round(peakMb)} MB`);
    return {
      bench: 'crossfilter',
      rows,
      clicks,
      raw_clicks: raw.length,
      p50_ms: round(p50, 1),
      p95_ms: round(p95, 1),
      raw_ms: round(r.median, 1),
      raw_p95_ms: round(percentile(raw, 95), 1),
      ratio: round(o.median / r.median, 3),
      index_ms: round(index.ms),
      engine_ms: round(percentile(engineMs, 50), 1),
      vega_ms: round(percentile(vegaMs, 50), 1),
      cubes: index.cubes,
      via_cube: round(viaCube / Math.max(1, queried), 3),
      peak_mb: round(peakMb),
    };
  } finally {
    await session.close();
  }
};
