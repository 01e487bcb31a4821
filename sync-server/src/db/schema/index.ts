// Every table of the sync server. Add a file per resource and re-export it here;
// then run `pnpm --filter @tessera/sync-server db:generate` and commit the new migration.
export * from './app-meta';
export * from './users';
export * from './workspaces';
export * from './workbooks';
export * from './sync-instances';
export * from './rate-limits';
