/**
 * `pnpm bench query`: the star schema loaded once into LocalEngine; a dozen dashboard queries, each
 * through our coordinator (`engine.query(sql, { noCache: true })`) and through a raw AsyncDuckDB
 * connection on the same DuckDB instance and tables, interleaved (the side that goes first alternates).
 */
import { ensureStarSchema } from './data/generate';
import type { Bench } from './harness/options';
import { openSession } from './harness/session';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';
import { DASHBOARD_QUERIES } from './query-set';

const DEFAULT_ROWS = 10_000_000;
const DEFAULT_RUNS = 7;

export const query: Bench = async (options) => {
  const rows = options.rows ?? DEFAULT_ROWS;
  const runs = options.runs ?? DEFAULT_RUNS;
  const files = await ensureStarSchema(rows);
  const session = await openSession();
  try {
    session.browser.resetPeak();
    const loaded = await session.call('loadStar', {
      sales: session.dataUrl(files.salesArrow),
      stores: session.dataUrl(files.storesArrow),
      products: session.dataUrl(files.productsArrow),
    });
    if (loaded.rows !== rows) throw new Error(`sales has ${loaded.rows} rows in the engine, expected ${rows}`);
    note(`loaded ${rows} rows + dims into LocalEngine in ${Math.round(loaded.ms)} ms`);
    const times = DASHBOARD_QUERIES.map(() => ({ ours: [] as number[], raw: [] as number[] }));
    for (let run = 0; run <= runs; run++) {
      for (const [i, q] of DASHBOARD_QUERIES.entries()) {
        const order: ('ours' | 'raw')[] = (run + i) % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
        const counts: Record<string, number> = {};
        for (const side of order) {
          const figures = await session.call('runQuery', side, q.sql);
          counts[side] = figures.rows;
          if (run > 0) times[i][side].push(figures.ms);
        }
        if (counts.ours !== counts.raw) throw new Error(`"${q.name}": ours returned ${counts.ours} rows, raw ${counts.raw}`);
      }
      note(`  ${run === 0 ? 'warm-up' : `run ${run}/${runs}`} done`);
    }
    const peakMb = session.browser.peakMb();
    printHeader(`query: ${DASHBOARD_QUERIES.length} dashboard queries on ${rows.toLocaleString('en')} rows (${runs} runs after a warm-up)`);
    let oursSum = 0;
    let rawSum = 0;
    for (const [i, q] of DASHBOARD_QUERIES.entries()) {
      const ours = summarize(times[i].ours);
      const raw = summarize(times[i].raw);
      oursSum += ours.median;
      rawSum += raw.median;
      printLine(formatSummary(`${q.name} ours`, ours, 'ms', 1));
      printLine(formatSummary(`${q.name} raw`, raw, 'ms', 1));
      printLine(`${''.padEnd(28)}ratio ${(ours.median / raw.median).toFixed(2)}`);
    }
    const ratio = oursSum / rawSum;
    printLine(`sum of medians: ours ${oursSum.toFixed(1)} ms, raw ${rawSum.toFixed(1)} ms, ratio ${ratio.toFixed(2)}; peak renderer ${Math.round(peakMb)} MB`);
    return {
      bench: 'query',
      rows,
      queries: DASHBOARD_QUERIES.length,
      ours_ms: round(oursSum, 1),
      raw_ms: round(rawSum, 1),
      ratio: round(ratio, 3),
      load_ms: round(loaded.ms),
      peak_mb: round(peakMb),
      runs,
    };
  } finally {
    await session.close();
  }
};
