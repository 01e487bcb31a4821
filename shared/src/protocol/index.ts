export * from './errors';
export * from './auth';
export * from './workspaces';
export * from './workbooks';
export * from './sync';
