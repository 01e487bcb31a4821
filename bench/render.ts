/**
 * `pnpm bench render`: our ChartView path (buildSpec + vega-embed of the data-less shape + rows into
 * the live view, canvas) against a raw vega-embed of the identical spec and rows, for a bar, a line
 * and a scatter chart; batches interleaved, the side that goes first alternating.
 */
import type { Bench } from './harness/options';
import { openSession } from './harness/session';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';

const DEFAULT_RUNS = 7;
const BATCH = 10;
const CASES = [
  { type: 'bar', rows: 50 },
  { type: 'line', rows: 1000 },
  { type: 'scatter', rows: 2000 },
];

export const render: Bench = async (options) => {
  const runs = options.runs ?? DEFAULT_RUNS;
  const session = await openSession();
  try {
    const times = CASES.map(() => ({ ours: [] as number[], raw: [] as number[] }));
    for (let run = 0; run <= runs; run++) {
      for (const [i, c] of CASES.entries()) {
        const order: ('ours' | 'raw')[] = (run + i) % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
        const marks: Record<string, number> = {};
        for (const side of order) {
          const figures = await session.call('renderChart', side, { type: c.type, rows: c.rows, count: BATCH });
          marks[side] = figures.marks;
          if (run > 0) times[i][side].push(figures.ms);
        }
        if (marks.ours !== marks.raw) throw new Error(`${c.type}: ours drew ${marks.ours} scene items, raw ${marks.raw}`);
      }
      note(`  ${run === 0 ? 'warm-up' : `run ${run}/${runs}`} done`);
    }
    printHeader(`render: ms per chart (batches of ${BATCH}, ${runs} runs after a warm-up)`);
    let oursSum = 0;
    let rawSum = 0;
    const perCase: Record<string, number> = {};
    for (const [i, c] of CASES.entries()) {
      const ours = summarize(times[i].ours);
      const raw = summarize(times[i].raw);
      oursSum += ours.median;
      rawSum += raw.median;
      perCase[`${c.type}_ratio`] = round(ours.median / raw.median, 3);
      printLine(formatSummary(`${c.type} (${c.rows} rows) ours`, ours, 'ms', 1));
      printLine(formatSummary(`${c.type} (${c.rows} rows) raw`, raw, 'ms', 1));
      printLine(`${''.padEnd(28)}ratio ${(ours.median / raw.median).toFixed(2)}`);
    }
    const ratio = oursSum / rawSum;
    printLine(`sum of medians: ours ${oursSum.toFixed(1)} ms, raw ${rawSum.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    return { bench: 'render', ours_ms: round(oursSum, 1), raw_ms: round(rawSum, 1), ratio: round(ratio, 3), ...perCase, runs };
  } finally {
    await session.close();
  }
};
