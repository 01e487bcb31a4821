export { createApp, type App, type AppOptions } from './app';
export { ConfigError, loadConfig, type Config } from './config';
export { queryRows } from './db/rows';
export { openDatabase, schema, type Database, type DatabaseHandle, type DatabaseKind, type OpenDatabaseOptions } from './db';
export { ApiError, errorBody, handleError, type ErrorBody } from './errors';
export { startServer, type RunningServer, type StartServerOptions } from './server';
