import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The benchmark page: bench/pages as root, importing the app's own engine modules from web/src/engine.
// Packages the page imports itself resolve from web/ (bench is not a workspace package); the engine's
// duckdb-wasm bundles are self-hosted through its own `?url` imports, exactly as in the app.
export default defineConfig({
  root: here('./pages'),
  base: './',
  publicDir: false,
  resolve: {
    alias: {
      yjs: here('../web/node_modules/yjs'),
      '@tessera/shared': here('../shared/src/index.ts'),
      '@duckdb/duckdb-wasm': here('../web/node_modules/@duckdb/duckdb-wasm'),
      'vega-embed': here('../web/node_modules/vega-embed'),
      'vega-lite': here('../web/node_modules/vega-lite'),
      vega: here('../web/node_modules/vega'),
    },
  },
  build: { outDir: here('./.out/pages'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192, sourcemap: false, reportCompressedSize: false },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  logLevel: 'warn',
});
