import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Response } from 'undici';
import { z } from 'zod';
import { type ConnectorContext, defineConnector, type StreamInfo } from '../../connector';
import { ConnectorError } from '../../errors';
import { csvBatches, jsonBatches } from './parse';

export const httpFileConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'url must be a full http:// or https:// address' }),
  format: z.enum(['auto', 'csv', 'json']).default('auto'),
  /** CSV field delimiter (default ","). */
  delimiter: z.string().length(1, 'delimiter must be a single character').optional(),
});
export type HttpFileConfig = z.infer<typeof httpFileConfigSchema>;

/** The one stream of a file URL is named after the file (`sales.csv` → `sales`). */
export function streamNameFor(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
  const base = last.replace(/\.[^.]*$/, '');
  return base || 'data';
}

function describeStatus(response: Response, url: string): ConnectorError {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const host = new URL(url).host;
  let advice: string;
  if (response.status === 404 || response.status === 410) advice = 'the file is not there: check the URL.';
  else if (response.status === 401 || response.status === 403) advice = 'the server refused access: the file may need a login or be private.';
  else if (response.status === 429) advice = 'the server is rate-limiting requests: try again in a few minutes.';
  else if (response.status >= 500) advice = `the server at ${host} had a problem: try again later.`;
  else advice = 'check the URL.';
  return new ConnectorError('http_error', `Fetching ${url} failed with HTTP ${status}: ${advice}`, { status: response.status });
}

async function get(url: string, ctx: ConnectorContext): Promise<Response> {
  const response = await ctx.fetch(url, { signal: ctx.signal, headers: { accept: 'text/csv, application/json;q=0.9, */*;q=0.5' } });
  if (!response.ok) {
    await response.body?.cancel();
    throw describeStatus(response, url);
  }
  return response;
}

function resolveFormat(config: HttpFileConfig, response: Response): 'csv' | 'json' {
  if (config.format !== 'auto') return config.format;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return 'json';
  if (type.includes('csv')) return 'csv';
  return new URL(config.url).pathname.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}

/** "CSV/JSON from URL": one file, one stream. */
export const httpFileConnector = defineConnector<HttpFileConfig>({
  id: 'http-file',
  name: 'CSV or JSON file from a URL',
  configSchema: httpFileConfigSchema,

  async check(config, ctx) {
    const head = await ctx.fetch(config.url, { method: 'HEAD', signal: ctx.signal });
    await head.body?.cancel();
    if (head.ok) return;
    // Some servers do not implement HEAD: ask with GET before giving up.
    if (head.status === 405 || head.status === 501 || head.status === 403) {
      const response = await get(config.url, ctx);
      await response.body?.cancel();
      return;
    }
    throw describeStatus(head, config.url);
  },

  async discover(config): Promise<StreamInfo[]> {
    return [{ name: streamNameFor(config.url), description: `The rows of ${config.url}` }];
  },

  async *read(config, stream, ctx) {
    const expected = streamNameFor(config.url);
    if (stream !== expected) {
      throw new ConnectorError('unknown_stream', `This source has one stream, "${expected}"; there is no stream "${stream}".`);
    }
    const response = await get(config.url, ctx);
    const format = resolveFormat(config, response);
    if (format === 'json') {
      yield* jsonBatches(await response.text(), { source: config.url });
      return;
    }
    if (!response.body) throw new ConnectorError('invalid_data', `The server sent no content for ${config.url}.`);
    yield* csvBatches(response.body as WebReadableStream<Uint8Array>, { delimiter: config.delimiter, source: config.url });
  },
});
