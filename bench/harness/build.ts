/** Builds the benchmark page (bench/pages) with Vite into bench/.out/pages. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const PAGE_OUT_DIR = fileURLToPath(new URL('../.out/pages/', import.meta.url));
const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export async function buildPage(): Promise<string> {
  await build({ configFile: CONFIG, logLevel: 'warn' });
  return PAGE_OUT_DIR;
}
