import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

export const notBuiltMessage = 'The web app is not built: run `pnpm build` (or `npm start`).';

/** Vite puts content-hashed files under /assets/: they never change. Everything else revalidates. */
function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : NO_CACHE;
}

/** True when a decoded path tries to leave the root (`..` segments, backslashes, NUL). */
function isUnsafePath(path: string): boolean {
  let decoded = path;
  // Decode repeatedly so that double-encoded `%252e%252e` is caught too.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return true;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment === '..');
}

/** A path whose last segment has an extension names a file; anything else is an app route. */
function looksLikeFile(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}

/**
 * Serves the built PWA from `root` (streamed, so the ~35 MB DuckDB .wasm files never sit in memory):
 * hashed /assets/ are cached forever, the rest (index.html, sw.js, manifest…) revalidates, and app routes
 * without a file fall back to index.html. Register it after the /api routes.
 */
export function serveWebApp({ root }: { root: string }): MiddlewareHandler {
  const indexFile = join(root, 'index.html');
  // Created on first use: serveStatic logs an error when its root does not exist (yet), and the app may be built later.
  let files: MiddlewareHandler | undefined;
  const index = serveStatic({ path: indexFile });

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (isUnsafePath(path)) return c.text('Bad request: this path is not allowed.', 400);

    if (!existsSync(root)) return c.text(notBuiltMessage, 503, { 'Cache-Control': NO_CACHE });
    files ??= serveStatic({ root });
    let missing = false;
    const found = await files(c, async () => {
      missing = true;
    });
    if (found && !missing) {
      found.headers.set('Cache-Control', path === '/' ? NO_CACHE : cacheControlFor(path));
      return found;
    }
    if (looksLikeFile(path)) return c.text(`Not found: ${path}`, 404, { 'Cache-Control': NO_CACHE });
    if (!existsSync(indexFile)) return c.text(notBuiltMessage, 503, { 'Cache-Control': NO_CACHE });

    const page = await index(c, async () => {});
    if (!page) return c.text(notBuiltMessage, 503, { 'Cache-Control': NO_CACHE });
    page.headers.set('Cache-Control', NO_CACHE);
    return page;
  };
}
