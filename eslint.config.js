// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'worker_threads', 'url', 'stream'];

/** Imports each package may not make (DESIGN §1: web → shared ← sync-server → connectors-proxy → shared). */
const layer = (files, patterns, extra = {}) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'This import crosses a layer boundary (see docs/ARCHITECTURE.md).' })) }],
    ...extra,
  },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '**/.tsbuild/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**', 'bench/.out/**', 'sync-server/drizzle/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['sync-server/**', 'connectors-proxy/**', 'tests/**', 'bench/**', '*.ts', '*.js'], languageOptions: { globals: { ...globals.node } } },
  layer(['shared/**/*.ts'], [
    'react', 'react-dom', 'react-*', '@tessera/web', '@tessera/web/*', '@tessera/sync-server', '@tessera/sync-server/*',
    '@tessera/connectors-proxy', '@tessera/connectors-proxy/*', 'drizzle-orm', 'drizzle-orm/*', 'hono', 'hono/*', '@duckdb/*',
    'idb', 'y-indexeddb', ...nodeBuiltins, '../../web/*', '../../sync-server/*', '../../connectors-proxy/*',
  ], { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', '__dirname'] }),
  layer(['web/**/*.{ts,tsx}'], ['@tessera/sync-server', '@tessera/sync-server/*', '@tessera/connectors-proxy', '@tessera/connectors-proxy/*', 'drizzle-orm', 'drizzle-orm/*', 'postgres', '@hono/node-server', '../../sync-server/*', '../../connectors-proxy/*']),
  layer(['connectors-proxy/**/*.ts'], ['@tessera/sync-server', '@tessera/sync-server/*', '@tessera/web', '@tessera/web/*', 'react', 'react-dom']),
  layer(['sync-server/**/*.ts'], ['@tessera/web', '@tessera/web/*', 'react', 'react-dom']),
);
