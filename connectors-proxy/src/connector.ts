import type { z } from 'zod';
import type { OutboundFetch } from './net/guard';

/** What every connector call receives: the only way out to the network is `fetch` (SSRF-guarded). */
export interface ConnectorContext {
  fetch: OutboundFetch;
  signal?: AbortSignal;
}

/** One table a connector can read. */
export interface StreamInfo {
  name: string;
  description?: string;
}

/** A slice of rows: `rows[i][j]` is the value of `columns[j]` in row i. */
export interface RecordBatch {
  columns: string[];
  rows: unknown[][];
}

/**
 * A connector is a plain object (STYLE §6). `config` has been parsed with `configSchema` before any call.
 * Errors the user can fix are thrown as `ConnectorError`.
 */
export interface Connector<Config = unknown> {
  id: string;
  name: string;
  configSchema: z.ZodType<Config>;
  /** Resolves when the source is reachable with this config. */
  check(config: Config, ctx: ConnectorContext): Promise<void>;
  discover(config: Config, ctx: ConnectorContext): Promise<StreamInfo[]>;
  read(config: Config, stream: string, ctx: ConnectorContext): AsyncIterable<RecordBatch>;
}

/** Identity helper that keeps the config type inferred from the schema. */
export function defineConnector<Config>(connector: Connector<Config>): Connector<Config> {
  return connector;
}
