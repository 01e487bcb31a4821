import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext, RecordBatch } from '../../connector';
import { ConnectorError } from '../../errors';
import { createGuardedFetch } from '../../net/guard';
import { httpFileConnector as connector, httpFileConfigSchema } from './index';

const ROWS = 2500;
const bigCsv = ['id,name,amount', ...Array.from({ length: ROWS }, (_, i) => `${i + 1},"name ${i + 1}, with comma",${(i * 1.5).toFixed(1)}`)].join('\n');
const smallJson = JSON.stringify([{ region: 'North', sales: 10 }, { region: 'South', sales: 7, note: 'late' }, { region: 'East' }]);

let server: Server;
let base: string;
let requests: string[] = [];

const ctx: ConnectorContext = { fetch: createGuardedFetch({ allowPrivateNetworks: true }) };

async function collect(iterable: AsyncIterable<RecordBatch>): Promise<RecordBatch[]> {
  const batches: RecordBatch[] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

function config(path: string, extra: Record<string, unknown> = {}) {
  return httpFileConfigSchema.parse({ url: `${base}${path}`, ...extra });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    switch (req.url) {
      case '/sales.csv':
        res.writeHead(200, { 'content-type': 'text/csv' });
        return res.end(bigCsv);
      case '/regions.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(smallJson);
      case '/semicolon.txt':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('\uFEFFa;b\n1;2\n3;4\n');
      case '/ragged.csv':
        return res.end('a,b\n1,2\n3,4,5\n');
      case '/object.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"data": []}');
      case '/broken.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('[{"a": 1},');
      case '/no-head.csv':
        if (req.method === 'HEAD') return res.writeHead(405).end();
        return res.end('a\n1\n');
      case '/down.csv':
        return res.writeHead(503, 'Service Unavailable').end('maintenance');
      case '/private.csv':
        return res.writeHead(403, 'Forbidden').end();
      default:
        return res.writeHead(404, 'Not Found').end('nothing here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('http-file connector', () => {
  it('validates its config', () => {
    expect(() => httpFileConfigSchema.parse({ url: 'ftp://example.com/a.csv' })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => httpFileConfigSchema.parse({ url: 'https://example.com/a.csv', delimiter: ';;' })).toThrow(/single character/);
    expect(httpFileConfigSchema.parse({ url: 'https://example.com/a.csv' }).format).toBe('auto');
  });

  it('check passes for a reachable file (HEAD), and falls back to GET when HEAD is not allowed', async () => {
    requests = [];
    await connector.check(config('/sales.csv'), ctx);
    await connector.check(config('/no-head.csv'), ctx);
    expect(requests).toEqual(['HEAD /sales.csv', 'HEAD /no-head.csv', 'GET /no-head.csv']);
  });

  it('check fails on 404 and 5xx with clear messages', async () => {
    const missing = await failure(connector.check(config('/missing.csv'), ctx));
    expect(missing.code).toBe('http_error');
    expect(missing.status).toBe(404);
    expect(missing.message).toBe(`Fetching ${base}/missing.csv failed with HTTP 404 Not Found: the file is not there: check the URL.`);
    const down = await failure(connector.check(config('/down.csv'), ctx));
    expect(down.status).toBe(503);
    expect(down.message).toContain('HTTP 503 Service Unavailable');
    expect(down.message).toContain('try again later');
  });

  it('check fails clearly when nothing listens', async () => {
    const error = await failure(connector.check(httpFileConfigSchema.parse({ url: 'http://127.0.0.1:1/x.csv' }), ctx));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('Could not reach 127.0.0.1:1');
  });

  it('discovers one stream named after the file', async () => {
    expect(await connector.discover(config('/sales.csv'), ctx)).toEqual([{ name: 'sales', description: `The rows of ${base}/sales.csv` }]);
  });

  it('reads a CSV in batches of 1000 with quoted fields intact', async () => {
    const batches = await collect(connector.read(config('/sales.csv'), 'sales', ctx));
    expect(batches.map((batch) => batch.rows.length)).toEqual([1000, 1000, 500]);
    expect(batches.every((batch) => batch.columns.join() === 'id,name,amount')).toBe(true);
    expect(batches[0].rows[0]).toEqual(['1', 'name 1, with comma', '0.0']);
    expect(batches[2].rows[499]).toEqual(['2500', 'name 2500, with comma', '3748.5']);
  });

  it('reads a JSON array of objects, every key a column, missing keys null', async () => {
    const batches = await collect(connector.read(config('/regions.json'), 'regions', ctx));
    expect(batches).toEqual([
      {
        columns: ['region', 'sales', 'note'],
        rows: [
          ['North', 10, null],
          ['South', 7, 'late'],
          ['East', null, null],
        ],
      },
    ]);
  });

  it('honours an explicit format and delimiter, and strips a BOM', async () => {
    const batches = await collect(connector.read(config('/semicolon.txt', { format: 'csv', delimiter: ';' }), 'semicolon', ctx));
    expect(batches).toEqual([{ columns: ['a', 'b'], rows: [['1', '2'], ['3', '4']] }]);
  });

  it('reports bad data clearly', async () => {
    const ragged = await failure(collect(connector.read(config('/ragged.csv'), 'ragged', ctx)));
    expect(ragged.code).toBe('invalid_data');
    expect(ragged.message).toContain(`The CSV from ${base}/ragged.csv could not be read`);
    const object = await failure(collect(connector.read(config('/object.json'), 'object', ctx)));
    expect(object.message).toContain('is not an array of records');
    const broken = await failure(collect(connector.read(config('/broken.json'), 'broken', ctx)));
    expect(broken.message).toContain('is not valid');
  });

  it('read fails on 404 / 5xx / 403 with clear messages', async () => {
    expect((await failure(collect(connector.read(config('/gone.csv'), 'gone', ctx)))).status).toBe(404);
    const down = await failure(collect(connector.read(config('/down.csv'), 'down', ctx)));
    expect(down.message).toContain('HTTP 503');
    const denied = await failure(collect(connector.read(config('/private.csv'), 'private', ctx)));
    expect(denied.message).toContain('refused access');
  });

  it('refuses an unknown stream', async () => {
    const error = await failure(collect(connector.read(config('/sales.csv'), 'orders', ctx)));
    expect(error.code).toBe('unknown_stream');
  });

  it('refuses the local server when private networks are not allowed (the default)', async () => {
    requests = [];
    const guarded: ConnectorContext = { fetch: createGuardedFetch() };
    const error = await failure(connector.check(config('/sales.csv'), guarded));
    expect(error.code).toBe('blocked_address');
    const readError = await failure(collect(connector.read(config('/sales.csv'), 'sales', guarded)));
    expect(readError.code).toBe('blocked_address');
    expect(requests).toEqual([]);
  });
});
