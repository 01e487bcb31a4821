/**
 * One benchmark session: build the page, serve it and the data, open it in Chromium, and call the
 * page's scenario functions (`window.tesseraBench[name](args)`) from Node.
 */
import type { Page } from '@playwright/test';
import { buildPage } from './build';
import { launchBrowser, type BenchBrowser } from './browser';
import { startServer, type StaticServer } from './server';
import { DATA_DIR } from '../data/generate';
import { note } from './stats';
import type { BenchApi } from '../pages/api';

export interface BenchSession {
  browser: BenchBrowser;
  /** URL of a file under bench/.data, as the page fetches it. */
  dataUrl(path: string): string;
  /** The current page. */
  page(): Page;
  /** Opens the benchmark page in a new tab and closes the old one (new renderer process, new workers). */
  reload(): Promise<void>;
  call<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>>;
  close(): Promise<void>;
}

export async function openSession(): Promise<BenchSession> {
  note('building the benchmark page (vite)…');
  const pageDir = await buildPage();
  const server: StaticServer = await startServer(pageDir, DATA_DIR);
  const browser = await launchBrowser();
  let page: Page | undefined;
  const reload = async (): Promise<void> => {
    const old = page ?? browser.context.pages()[0];
    const next = await browser.context.newPage();
    next.setDefaultTimeout(0);
    next.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') note(`[page ${message.type()}] ${message.text()}`);
    });
    next.on('pageerror', (error) => note(`[page error] ${error.message}`));
    if (old) await old.close();
    await next.goto(`${server.origin}/index.html`);
    await next.waitForFunction(() => 'tesseraBench' in window);
    page = next;
  };
  await reload();
  const current = (): Page => {
    if (!page) throw new Error('the benchmark page is not open');
    return page;
  };
  return {
    browser,
    page: current,
    dataUrl: (path) => `${server.origin}/data/${path.slice(path.lastIndexOf('/') + 1)}`,
    reload,
    call: async (name, ...args) => {
      // The page API is typed on both sides through BenchApi; the structured clone is what crosses.
      const result: unknown = await current().evaluate(
        ([fn, fnArgs]) => (window as unknown as { tesseraBench: Record<string, (...a: unknown[]) => unknown> }).tesseraBench[fn](...fnArgs),
        [name, args] as [string, unknown[]],
      );
      return result as never;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
