import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./web', import.meta.url));
const publicDir = fileURLToPath(new URL('./public', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

// The web app: root web/, static files from public/, built into dist/web which the sync server serves.
export default defineConfig({
  root,
  publicDir,
  plugins: [react()],
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
});
