import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startTestServer, type TestServer } from '../testing/server';
import { IMMUTABLE, NO_CACHE, notBuiltMessage } from './serve-web-app';

const INDEX = '<!doctype html><title>Tessera</title><div id="root"></div>';
const SECRET = 'SECRET-OUTSIDE-THE-WEB-ROOT';
const BIG_SIZE = 36 * 1024 * 1024;

/** A raw HTTP GET: unlike fetch, it sends the path exactly as written (no `..` normalisation). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('serving the built web app', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite', {
      staticFiles: {
        'index.html': INDEX,
        'sw.js': 'self.addEventListener("install", () => {});',
        'manifest.webmanifest': '{"name":"Tessera"}',
        'assets/index-3f2a1b.js': 'console.log("app");',
        'assets/chunk-9c8d.mjs': 'export const x = 1;',
        'assets/index-77aa.css': 'body{margin:0}',
        'icons/icon-192.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      },
    });
    // Files next to the web root must never be reachable.
    await writeFile(join(server.staticDir, '..', 'package.json'), SECRET);
    const big = new Uint8Array(BIG_SIZE);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    await writeFile(join(server.staticDir, 'assets', 'duckdb-eh-1a2b.wasm'), big);
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('serves index.html at / without long caching', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe(NO_CACHE);
    expect(await response.text()).toBe(INDEX);
  });

  it.each([
    ['/assets/index-3f2a1b.js', 'text/javascript', IMMUTABLE],
    ['/assets/chunk-9c8d.mjs', 'text/javascript', IMMUTABLE],
    ['/assets/index-77aa.css', 'text/css', IMMUTABLE],
    ['/sw.js', 'text/javascript', NO_CACHE],
    ['/index.html', 'text/html', NO_CACHE],
    ['/manifest.webmanifest', 'application/manifest+json', NO_CACHE],
    ['/icons/icon-192.png', 'image/png', NO_CACHE],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')?.split(';')[0]).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
    await response.arrayBuffer();
  });

  it('streams a 36 MB .wasm file intact, as application/wasm, cached for good', async () => {
    const response = await fetch(`${server.url}/assets/duckdb-eh-1a2b.wasm`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(response.headers.get('content-length')).toBe(String(BIG_SIZE));
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).toBe(BIG_SIZE);
    expect(createHash('sha256').update(body).digest('hex')).toBe(await sha256OfFile(join(server.staticDir, 'assets', 'duckdb-eh-1a2b.wasm')));
  });

  it('falls back to index.html for app routes (SPA)', async () => {
    for (const path of ['/workbooks/42', '/w/abc/design', '/settings']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe(NO_CACHE);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('answers 404 (not index.html) for a missing file', async () => {
    for (const path of ['/assets/missing-123.js', '/favicon.ico']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('<div id="root">');
    }
  });

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/assets/..%2F..%2Fpackage.json',
    '/%252e%252e/package.json',
    '/..%5cpackage.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
  ])('refuses directory traversal: %s', async (path) => {
    const response = await rawGet(server.url, path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });

  it('says how to build the app when index.html is missing', async () => {
    const app = createApp({ db: server.db, staticDir: join(server.staticDir, 'not-built'), version: 'test' });
    const response = await app.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(notBuiltMessage);
    const api = await app.request('/api/health');
    expect(api.status).toBe(200);
  });
});
