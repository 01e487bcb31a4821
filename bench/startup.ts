/**
 * `pnpm bench startup`: time from navigation to the first page of a saved workbook painted (a card
 * "Sum of quantity" over a 1M-row dataset showing its value), in the REAL built app (dist/web,
 * service worker included) served by the harness's static server.
 *
 * Setup (not timed): a fresh Chromium profile; the app imports sales-1000000.csv through its Import
 * dialog and a Card with sum(quantity) is put on the page by drag and drop, as a user would.
 * - cold: service worker, Cache Storage and HTTP cache cleared (the workbook and its stored snapshot
 *   are kept: they are the "saved workbook"), then a load;
 * - warm: the load after that (service worker + code cache in place);
 * - raw: the benchmark page (minimal DuckDB-wasm) fetching the same rows as an Arrow snapshot and
 *   running the card's query, timed the same way (ms since its navigation started).
 * The app needs `pnpm build` first (dist/web).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Bench } from './harness/options';
import { launchBrowser } from './harness/browser';
import { startServer } from './harness/server';
import { openSession } from './harness/session';
import { ensureStarSchema, DATA_DIR } from './data/generate';
import { formatSummary, note, printHeader, printLine, round, summarize } from './harness/stats';

const ROWS = 1_000_000;
const DEFAULT_RUNS = 5;
const DIST = fileURLToPath(new URL('../dist/web/', import.meta.url));
const CARD = 'output[aria-label="Sum of quantity"]';

/** Loads the app and returns ms from navigation start to the card showing a number. */
let loads = 0;

async function timeToCard(page: Page, origin: string): Promise<number> {
  // a distinct URL each time: a goto that differs only by its hash would not reload the document
  await page.goto(`${origin}/?load=${++loads}#/report`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selector) => {
      const text = document.querySelector(selector)?.textContent ?? '';
      return /\d/.test(text) ? performance.now() : false;
    },
    CARD,
    { polling: 'raf', timeout: 0 },
  );
  return Number(await handle.jsonValue());
}

async function buildWorkbook(page: Page, origin: string, csv: string): Promise<string> {
  await page.goto(`${origin}/#/report`);
  await page.getByRole('status', { name: 'Status bar' }).filter({ hasText: 'Engine: ready' }).waitFor({ timeout: 0 });
  note('  engine ready');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data' }).click();
  await (await chooser).setFiles(csv);
  const dialog = page.getByRole('dialog', { name: /^Import / });
  await dialog.getByRole('combobox', { name: 'Type of column 1' }).waitFor({ timeout: 0 });
  note('  preview read');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 0 });
  note('  imported');
  const canvas = page.getByRole('region', { name: /^Canvas of page/ });
  const viz = page.getByRole('complementary', { name: 'Visualizations' });
  const fields = page.getByRole('complementary', { name: 'Fields' });
  await viz.getByRole('button', { name: 'Card', exact: true }).dragTo(canvas, { targetPosition: { x: 200, y: 100 } });
  await fields.getByText('quantity', { exact: true }).dragTo(viz.getByRole('list', { name: 'Values', exact: true }));
  note('  card bound');
  const card = page.locator(CARD);
  await card.filter({ hasText: /\d/ }).waitFor({ timeout: 0 });
  return (await card.textContent()) ?? '';
}

export const startup: Bench = async (options) => {
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!existsSync(`${DIST}index.html`)) throw new Error('dist/web is missing: run `pnpm build` first');
  const files = await ensureStarSchema(ROWS);

  const appServer = await startServer(DIST, DATA_DIR);
  const browser = await launchBrowser();
  const cold: number[] = [];
  const warm: number[] = [];
  let shown = '';
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(0);
    note('building the workbook through the app (import 1M rows, add a card)…');
    shown = await buildWorkbook(page, appServer.origin, files.salesCsv);
    note(`  card shows ${shown}`);
    const cdp = await browser.context.newCDPSession(page);
    for (let run = 0; run < runs; run++) {
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Storage.clearDataForOrigin', { origin: appServer.origin, storageTypes: 'service_workers,cache_storage' });
      cold.push(await timeToCard(page, appServer.origin));
      // let the service worker install and precache before the warm load
      await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
      await timeToCard(page, appServer.origin); // first load under the SW: code cache is written
      warm.push(await timeToCard(page, appServer.origin));
      note(`  run ${run + 1}/${runs}: cold ${cold.at(-1)?.toFixed(0)} ms, warm ${warm.at(-1)?.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await appServer.close();
  }

  const raw: number[] = [];
  const session = await openSession();
  try {
    const url = session.dataUrl(files.salesArrow);
    for (let run = 0; run <= runs; run++) {
      await session.reload();
      const figures = await session.call('startupRaw', url);
      if (run > 0) raw.push(figures.ms);
      note(`  raw ${run === 0 ? 'warm-up' : `run ${run}/${runs}`}: ${figures.ms.toFixed(0)} ms (sum ${figures.value})`);
    }
  } finally {
    await session.close();
  }

  const c = summarize(cold);
  const w = summarize(warm);
  const r = summarize(raw);
  printHeader(`startup: navigation → first page painted (card over ${ROWS.toLocaleString('en-US')} rows), ${runs} runs`);
  printLine(formatSummary('cold (no SW, no cache)', c, 'ms', 0));
  printLine(formatSummary('warm (SW + code cache)', w, 'ms', 0));
  printLine(formatSummary('raw DuckDB-wasm page', r, 'ms', 0));
  printLine(`ratio warm/raw ${(w.median / r.median).toFixed(2)}`);
  return { bench: 'startup', rows: ROWS, cold_ms: round(c.median, 0), warm_ms: round(w.median, 0), raw_ms: round(r.median, 0), ratio: round(w.median / r.median, 3), runs };
};
