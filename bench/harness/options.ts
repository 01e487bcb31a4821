/** Command-line options shared by every benchmark. */
export interface BenchOptions {
  /** Run only this size (rows of the sales fact) instead of the benchmark's default sizes. */
  rows?: number;
  /** Measured runs per figure (after one warm-up run). */
  runs?: number;
}

/** A benchmark: prints its human-readable figures and returns the one JSON object of its final line. */
export type Bench = (options: BenchOptions) => Promise<Record<string, unknown>>;

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer (got ${String(value)}), e.g. ${flag} 1000000`);
  return n;
}

/** Splits argv into benchmark names and options (`--rows N`, `--runs N`). */
export function parseArgs(argv: string[]): { names: string[]; options: BenchOptions } {
  const names: string[] = [];
  const options: BenchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rows') options.rows = positiveInt(arg, argv[++i]);
    else if (arg === '--runs') options.runs = positiveInt(arg, argv[++i]);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}; use --rows N or --runs N`);
    else names.push(arg);
  }
  return { names, options };
}
