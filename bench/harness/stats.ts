/** Summaries of repeated measurements: min / median / max, and the lines the benchmarks print. */
export interface Summary {
  min: number;
  median: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('no measurements to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

export const round = (value: number, digits = 0): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** `label  min / median / max unit` with aligned columns. */
export function formatSummary(label: string, summary: Summary, unit: string, digits = 0): string {
  const cell = (value: number): string => value.toFixed(digits).padStart(10);
  return `${label.padEnd(28)}${cell(summary.min)} /${cell(summary.median)} /${cell(summary.max)} ${unit}`;
}

export function printHeader(title: string): void {
  process.stdout.write(`\n${title}\n${''.padEnd(28)}${'min'.padStart(10)}   ${'median'.padStart(10)}   ${'max'.padStart(10)}\n`);
}

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Progress and diagnostics go to stderr so stdout stays the figures + the final JSON line. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
