/**
 * Synthetic star schema for the benchmarks, reproducible by seed: a `sales` fact of N rows plus the
 * `stores` (1,000) and `products` (50,000) dimensions, written as CSV (streamed, never held in memory)
 * and converted by real DuckDB (duckdb-wasm in Node) into Arrow IPC stream snapshots (`.arrows`, see
 * toSnapshots for why not Parquet). Files land in bench/.data/
 * and are cached: a file is only generated when it is missing (written to *.tmp, then renamed, so an
 * interrupted run never leaves a truncated file that looks cached).
 *
 * CLI: `node --import tsx bench/data/generate.ts [--rows 1000000] [--seed 42]`
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mulberry32, randomInt } from './prng';

export const DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url));
export const DEFAULT_SEED = 42;
export const STORE_COUNT = 1_000;
export const PRODUCT_COUNT = 50_000;
export const CATEGORY_COUNT = 50;
const BRAND_COUNT = 500;
const CITY_COUNT = 120;
const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'North-East', 'South-West', 'Islands'];
const DISCOUNTS = ['0', '0', '0', '0', '0.05', '0.1', '0.15', '0.2'];
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAY_COUNT = 1096; // 2022-01-01 … 2024-12-31
const CHUNK_ROWS = 20_000;

export interface StarSchemaFiles {
  rows: number;
  seed: number;
  salesCsv: string;
  salesArrow: string;
  storesCsv: string;
  storesArrow: string;
  productsCsv: string;
  productsArrow: string;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const category = (index: number): string => `Category ${pad(index, 2)}`;
const isoDay = (day: number): string => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

/** The file names for a size and seed (nothing is generated). */
export function starSchemaFiles(rows: number, seed = DEFAULT_SEED): StarSchemaFiles {
  const suffix = seed === DEFAULT_SEED ? '' : `-s${seed}`;
  const file = (name: string): string => join(DATA_DIR, name);
  return {
    rows,
    seed,
    salesCsv: file(`sales-${rows}${suffix}.csv`),
    salesArrow: file(`sales-${rows}${suffix}.arrows`),
    storesCsv: file(`stores${suffix}.csv`),
    storesArrow: file(`stores${suffix}.arrows`),
    productsCsv: file(`products${suffix}.csv`),
    productsArrow: file(`products${suffix}.arrows`),
  };
}

interface Product {
  category: string;
  listPrice: number;
}

/** The products dimension (small: kept in memory because every sale needs its product's category and price). */
function makeProducts(seed: number): Product[] {
  const random = mulberry32(seed ^ 0x9e3779b9);
  const products: Product[] = [];
  for (let i = 0; i < PRODUCT_COUNT; i++) {
    const listPrice = Math.round(Math.exp(Math.log(1) + random() * Math.log(500)) * 100) / 100;
    products.push({ category: category(randomInt(random, 1, CATEGORY_COUNT)), listPrice });
  }
  return products;
}

/** Streams `lines()` chunks into `path` (via path.tmp, renamed at the end), honouring back-pressure. */
async function writeCsv(path: string, header: string, chunks: Iterable<string>): Promise<void> {
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp);
  try {
    if (!out.write(`${header}\n`)) await once(out, 'drain');
    for (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
  renameSync(tmp, path);
}

function* productLines(products: Product[], seed: number): Generator<string> {
  const random = mulberry32(seed ^ 0x85ebca6b);
  let chunk = '';
  products.forEach((product, index) => {
    const id = index + 1;
    chunk += `${id},Product ${pad(id, 5)},${product.category},Brand ${pad(randomInt(random, 1, BRAND_COUNT), 3)},${product.listPrice.toFixed(2)}\n`;
  });
  yield chunk;
}

function* storeLines(seed: number): Generator<string> {
  const random = mulberry32(seed ^ 0xc2b2ae35);
  let chunk = '';
  for (let id = 1; id <= STORE_COUNT; id++) {
    const region = REGIONS[randomInt(random, 0, REGIONS.length - 1)];
    const opened = isoDay(-randomInt(random, 30, 20 * 365));
    chunk += `${id},Store ${pad(id, 4)},City ${pad(randomInt(random, 1, CITY_COUNT), 3)},${region},${opened}\n`;
  }
  yield chunk;
}

function* salesLines(rows: number, products: Product[], seed: number): Generator<string> {
  const random = mulberry32(seed);
  const days = Array.from({ length: DAY_COUNT }, (_, day) => isoDay(day));
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const end = Math.min(rows, start + CHUNK_ROWS);
    const parts: string[] = [];
    for (let i = start; i < end; i++) {
      // Skewed popularity: low product ids sell far more often (like real catalogues).
      const productId = 1 + Math.floor(PRODUCT_COUNT * random() * random());
      const product = products[productId - 1];
      const day = days[Math.floor(random() * DAY_COUNT)];
      const storeId = randomInt(random, 1, STORE_COUNT);
      const quantity = randomInt(random, 1, 10);
      const price = (product.listPrice * (0.9 + random() * 0.2)).toFixed(2);
      const discount = DISCOUNTS[Math.floor(random() * DISCOUNTS.length)];
      parts.push(`${i + 1},${day},${storeId},${productId},${product.category},${quantity},${price},${discount}`);
    }
    yield `${parts.join('\n')}\n`;
  }
}

const SALES_COLUMNS = `{'order_id': 'BIGINT', 'order_date': 'DATE', 'store_id': 'INTEGER', 'product_id': 'INTEGER', 'category': 'VARCHAR', 'quantity': 'INTEGER', 'price': 'DOUBLE', 'discount': 'DOUBLE'}`;
const STORES_COLUMNS = `{'store_id': 'INTEGER', 'store_name': 'VARCHAR', 'city': 'VARCHAR', 'region': 'VARCHAR', 'opened_date': 'DATE'}`;
const PRODUCTS_COLUMNS = `{'product_id': 'INTEGER', 'product_name': 'VARCHAR', 'category': 'VARCHAR', 'brand': 'VARCHAR', 'list_price': 'DOUBLE'}`;
/** Arrow IPC end-of-stream marker (continuation token + zero length). */
const IPC_END = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

interface SnapshotJob {
  csv: string;
  out: string;
  columns: string;
}

/**
 * CSV → engine snapshot with real DuckDB (duckdb-wasm on a Node worker thread; its Node runtime
 * reads the CSV straight from disk). The snapshot is an Arrow IPC stream streamed batch by batch into
 * the file: DuckDB-wasm 1.32 has no built-in Parquet writer/reader (the parquet extension is fetched
 * from extensions.duckdb.org at run time, which an offline machine cannot reach), and Arrow IPC is the
 * offline snapshot format LocalEngine.registerDataset accepts.
 */
async function toSnapshots(jobs: SnapshotJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const { nodeDuckDBFactory } = await import('../../web/src/engine/testing/duckdb-node');
  const { db } = await nodeDuckDBFactory();
  try {
    const conn = await db.connect();
    for (const job of jobs) {
      const tmp = `${job.out}.tmp`;
      const started = performance.now();
      const out = createWriteStream(tmp);
      const sql = `SELECT * FROM read_csv('${job.csv}', header = true, auto_detect = false, delim = ',', quote = '"', columns = ${job.columns})`;
      await conn.useUnsafe(async (bindings, id) => {
        let header = await bindings.startPendingQuery(id, sql, false);
        while (header == null) header = await bindings.pollPendingQuery(id);
        if (!out.write(header)) await once(out, 'drain');
        for (;;) {
          const chunk = await bindings.fetchQueryResults(id);
          if (chunk == null) continue;
          if (chunk.length === 0) break;
          if (!out.write(chunk)) await once(out, 'drain');
        }
      });
      out.end(IPC_END);
      await once(out, 'finish');
      renameSync(tmp, job.out);
      log(`  arrow ${job.out} (${mb(job.out)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await conn.close();
  } finally {
    await db.terminate();
  }
}

const mb = (path: string): string => (statSync(path).size / 1048576).toFixed(1);
const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Makes sure every file of the star schema for `rows` exists (generates what is missing) and returns their paths. */
export async function ensureStarSchema(rows: number, seed = DEFAULT_SEED): Promise<StarSchemaFiles> {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows must be a positive integer, got ${rows}`);
  mkdirSync(DATA_DIR, { recursive: true });
  const files = starSchemaFiles(rows, seed);
  const products = makeProducts(seed);
  const csvJobs: [string, string, () => Iterable<string>][] = [
    [files.productsCsv, 'product_id,product_name,category,brand,list_price', () => productLines(products, seed)],
    [files.storesCsv, 'store_id,store_name,city,region,opened_date', () => storeLines(seed)],
    [files.salesCsv, 'order_id,order_date,store_id,product_id,category,quantity,price,discount', () => salesLines(rows, products, seed)],
  ];
  for (const [path, header, lines] of csvJobs) {
    if (existsSync(path)) continue;
    const started = performance.now();
    await writeCsv(path, header, lines());
    log(`  csv ${path} (${mb(path)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await toSnapshots(
    [
      { csv: files.productsCsv, out: files.productsArrow, columns: PRODUCTS_COLUMNS },
      { csv: files.storesCsv, out: files.storesArrow, columns: STORES_COLUMNS },
      { csv: files.salesCsv, out: files.salesArrow, columns: SALES_COLUMNS },
    ].filter((job) => !existsSync(job.out)),
  );
  return files;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = Number(argValue('--rows') ?? 1_000_000);
  const seed = Number(argValue('--seed') ?? DEFAULT_SEED);
  ensureStarSchema(rows, seed).then(
    (files) => process.stdout.write(`${JSON.stringify(files)}\n`),
    (error: unknown) => {
      process.stderr.write(`generate failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
