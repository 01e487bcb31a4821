import type { Connector } from './connector';
import { httpFileConnector } from './connectors/http-file';

/** Every connector this build ships, in the order the UI lists them. */
export const builtInConnectors: readonly Connector[] = [httpFileConnector];

export function findConnector(id: string, connectors: readonly Connector[] = builtInConnectors): Connector | undefined {
  return connectors.find((connector) => connector.id === id);
}
