import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch, type RequestInit, type Response } from 'undici';
import { ConnectorError } from '../errors';

/**
 * Outbound requests of connectors (DESIGN §5): http/https only, and never to loopback, private,
 * link-local or other non-public addresses unless the operator allowed private networks.
 * The check runs before the request AND on every connection the request opens (so a DNS answer
 * that changes between the check and the connection — DNS rebinding — is refused too), and on
 * every redirect hop.
 */
export interface GuardOptions {
  /** Operator switch: allow loopback/private/link-local targets (e.g. an on-premise database API). */
  allowPrivateNetworks?: boolean;
}

export type OutboundRequestInit = Omit<RequestInit, 'dispatcher' | 'redirect'>;
export type OutboundFetch = (url: string | URL, init?: OutboundRequestInit) => Promise<Response>;

const MAX_REDIRECTS = 5;

/** The ipaddr.js range name when `address` is not a public unicast address, else undefined. */
export function nonPublicRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'invalid';
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 it carries.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === 'unicast' ? undefined : range;
}

function describeRange(range: string): string {
  const names: Record<string, string> = {
    loopback: 'a loopback (this machine)',
    private: 'a private-network',
    uniqueLocal: 'a private-network (IPv6 unique local)',
    linkLocal: 'a link-local',
    unspecified: 'an unspecified',
    carrierGradeNat: 'a carrier-grade NAT',
    multicast: 'a multicast',
    broadcast: 'a broadcast',
  };
  return names[range] ?? `a non-public (${range})`;
}

function blockedError(host: string, address: string, range: string): ConnectorError {
  const shown = host === address ? address : `${host} (${address})`;
  return new ConnectorError(
    'blocked_address',
    `Refused to connect to ${shown}: it is ${describeRange(range)} address. Connectors may only reach public hosts; ` +
      'an operator can allow private networks (allowPrivateNetworks) if this source is meant to be on the local network.',
  );
}

function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Parses `input` and refuses non-http(s) URLs and hosts that resolve to non-public addresses. */
export async function assertAllowedUrl(input: string | URL, options: GuardOptions = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new ConnectorError('invalid_url', `"${String(input)}" is not a valid URL. Use a full address such as https://example.com/data.csv.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('invalid_url', `Only http and https URLs are allowed (got ${url.protocol} in ${url.href}).`);
  }
  if (options.allowPrivateNetworks) return url;

  const host = stripBrackets(url.hostname);
  if (ipaddr.isValid(host)) {
    const range = nonPublicRange(host);
    if (range) throw blockedError(host, host, range);
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await dnsLookupAsync(host, { all: true, verbatim: true });
  } catch (error) {
    throw new ConnectorError('unreachable', `Could not find the host ${host} (DNS lookup failed). Check the URL and the network.`, { cause: error });
  }
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range) throw blockedError(host, address, range);
  }
  return url;
}

/** A `net` lookup that refuses to hand non-public addresses to the socket. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) return callback(blockedError(hostname, address, range), '', 0);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new ConnectorError('unreachable', `The host ${hostname} has no address.`), '', 0);
    callback(null, first.address, first.family);
  });
};

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function unwrapFetchError(error: unknown, url: URL): unknown {
  if (error instanceof ConnectorError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof ConnectorError) return cause;
  const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return new ConnectorError('unreachable', `Could not reach ${url.host}: ${detail}. Check the URL and that the server is up.`, { cause: error });
}

/** A fetch for connectors: guarded as described on `GuardOptions`, following at most 5 redirects. */
export function createGuardedFetch(options: GuardOptions = {}): OutboundFetch {
  const dispatcher = new Agent(options.allowPrivateNetworks ? {} : { connect: { lookup: guardedLookup } });
  return async (input, init = {}) => {
    let url = await assertAllowedUrl(input, options);
    let requestInit: RequestInit = { ...init, redirect: 'manual', dispatcher };
    for (let hop = 0; ; hop++) {
      let response: Response;
      try {
        response = await undiciFetch(url, requestInit);
      } catch (error) {
        throw unwrapFetchError(error, url);
      }
      const location = response.headers.get('location');
      if (!isRedirect(response.status) || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) {
        throw new ConnectorError('unreachable', `Too many redirects (more than ${MAX_REDIRECTS}) starting from ${String(input)}.`);
      }
      url = await assertAllowedUrl(new URL(location, url), options);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && requestInit.method === 'POST')) {
        requestInit = { ...requestInit, method: 'GET', body: undefined };
      }
    }
  };
}
