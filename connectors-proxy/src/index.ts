export { defineConnector, type Connector, type ConnectorContext, type RecordBatch, type StreamInfo } from './connector';
export { httpFileConnector, httpFileConfigSchema, type HttpFileConfig } from './connectors/http-file';
export { ConnectorError, type ConnectorErrorCode } from './errors';
export { assertAllowedUrl, createGuardedFetch, nonPublicRange, type GuardOptions, type OutboundFetch } from './net/guard';
export { builtInConnectors, findConnector } from './registry';
export { connectorsRoutes, type ConnectorsRoutesOptions } from './routes';
