import { Hono } from 'hono';
import type { Connector } from './connector';
import { builtInConnectors } from './registry';

export interface ConnectorsRoutesOptions {
  connectors?: readonly Connector[];
}

/** Hono sub-app mounted by the sync server under /api/connectors. */
export function connectorsRoutes({ connectors = builtInConnectors }: ConnectorsRoutesOptions = {}) {
  return new Hono().get('/', (c) => c.json(connectors.map(({ id, name }) => ({ id, name }))));
}
