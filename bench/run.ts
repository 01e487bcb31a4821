/**
 * `pnpm bench` runs every benchmark; `pnpm bench ingest query` runs those; `--rows N` runs one size
 * (quick check), `--runs N` sets the measured runs. Each benchmark prints its figures and ends with
 * one line holding one JSON object.
 */
import { ingest } from './ingest';
import { load } from './load';
import { query } from './query';
import { crossfilter } from './crossfilter';
import { render } from './render';
import { startup } from './startup';
import { sync } from './sync';
import { parseArgs, type Bench } from './harness/options';

const BENCHES: Record<string, Bench> = { ingest, query, load, crossfilter, render, startup, sync };

async function main(): Promise<void> {
  const { names, options } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
    const result = await BENCHES[name](options);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
