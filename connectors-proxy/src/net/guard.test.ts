import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import { assertAllowedUrl, createGuardedFetch, guardedLookup, nonPublicRange } from './guard';

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (address) => {
    expect(nonPublicRange(address)).toBeUndefined();
  });
});

async function refusal(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('assertAllowedUrl', () => {
  it('refuses other schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x.csv', 'gopher://example.com']) {
      const error = await refusal(assertAllowedUrl(url));
      expect(error.code).toBe('invalid_url');
      expect(error.message).toContain('Only http and https');
    }
  });

  it('refuses text that is not a URL', async () => {
    expect((await refusal(assertAllowedUrl('not a url'))).code).toBe('invalid_url');
  });

  it('refuses loopback, private and link-local hosts, literal or resolved', async () => {
    for (const url of ['http://127.0.0.1/', 'http://localhost:8080/x', 'http://[::1]/', 'http://10.0.0.8/', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:7f00:1]/', 'http://2130706433/']) {
      const error = await refusal(assertAllowedUrl(url));
      expect(error.code, url).toBe('blocked_address');
      expect(error.message).toContain('allowPrivateNetworks');
    }
  });

  it('lets the operator allow private networks', async () => {
    await expect(assertAllowedUrl('http://127.0.0.1:1234/x', { allowPrivateNetworks: true })).resolves.toBeInstanceOf(URL);
  });
});

describe('guardedLookup (checked again on every connection, against DNS rebinding)', () => {
  it('refuses a name that resolves to loopback', async () => {
    const error = await new Promise<unknown>((resolve) => guardedLookup('localhost', { all: true }, (err) => resolve(err)));
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe('blocked_address');
  });
});

describe('createGuardedFetch against a local server', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hello') return res.end('hello');
      if (req.url === '/redirect-loopback') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/hello' });
        return res.end();
      }
      if (req.url === '/redirect-local') {
        res.writeHead(302, { location: '/hello' });
        return res.end();
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses 127.0.0.1 by default, with a clear error and no request sent', async () => {
    let requests = 0;
    server.once('request', () => requests++);
    const error = await refusal(createGuardedFetch()(`${base}/hello`));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toMatch(/Refused to connect to 127\.0\.0\.1: it is a loopback/);
    expect(requests).toBe(0);
  });

  it('reaches it when private networks are allowed, following redirects', async () => {
    const guarded = createGuardedFetch({ allowPrivateNetworks: true });
    expect(await (await guarded(`${base}/hello`)).text()).toBe('hello');
    expect(await (await guarded(`${base}/redirect-local`)).text()).toBe('hello');
  });
});
