import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./web', import.meta.url));
const publicDir = fileURLToPath(new URL('./public', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

const appVersion = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;
const THEME = '#252423';
const icon = (size: number, purpose: 'any' | 'maskable') => ({
  src: `/icons/${purpose === 'any' ? 'icon' : 'maskable'}-${size}.png`,
  sizes: `${size}x${size}`,
  type: 'image/png',
  purpose,
});

// The web app: root web/, static files from public/, built into dist/web which the sync server serves.
// The PWA plugin writes sw.js (Workbox precache of everything, both DuckDB-wasm bundles included) and
// manifest.webmanifest; web/src/pwa registers the worker with workbox-window and drives updates.
export default defineConfig({
  root,
  publicDir,
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Tessera',
        short_name: 'Tessera',
        description: 'Local-first business intelligence: import data, model it and build reports — offline, in your browser.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        display_override: ['window-controls-overlay', 'standalone'],
        theme_color: THEME,
        background_color: THEME,
        categories: ['business', 'productivity'],
        icons: [...[48, 72, 96, 144, 192, 512].map((size) => icon(size, 'any')), icon(192, 'maskable'), icon(512, 'maskable')],
        shortcuts: [
          { name: 'New workbook', short_name: 'New', url: '/?action=new', icons: [{ src: '/icons/icon-96.png', sizes: '96x96', type: 'image/png' }] },
          { name: 'Import data', short_name: 'Import', url: '/?action=import', icons: [{ src: '/icons/icon-96.png', sizes: '96x96', type: 'image/png' }] },
        ],
        screenshots: [
          { src: '/screenshots/wide.png', sizes: '1280x720', type: 'image/png', form_factor: 'wide', label: 'A Tessera report with cards and charts' },
          { src: '/screenshots/narrow.png', sizes: '540x960', type: 'image/png', form_factor: 'narrow', label: 'A Tessera report on a narrow screen' },
        ],
        file_handlers: [
          {
            action: '/',
            accept: {
              'text/csv': ['.csv'],
              'text/tab-separated-values': ['.tsv'],
              'application/vnd.apache.parquet': ['.parquet'],
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
              'application/json': ['.json'],
              'application/x-tessera': ['.tessera'],
            },
          },
        ],
        launch_handler: { client_mode: ['navigate-existing', 'auto'] },
      },
      workbox: {
        // App shell, every lazy chunk, both DuckDB-wasm bundles and their workers, icons, fonts, data.
        globPatterns: ['**/*.{html,js,mjs,css,wasm,woff,woff2,ttf,png,svg,ico,json,topojson,webmanifest}'],
        // store screenshots are for install dialogs, not for the app
        globIgnores: ['screenshots/**'],
        maximumFileSizeToCacheInBytes: 80 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // skipWaiting stays off: a new version waits until the user clicks "Update available — Reload".
        skipWaiting: false,
        // Vite's hashed /assets/ names are their revision.
        dontCacheBustURLsMatching: /^assets\//,
        sourcemap: false,
      },
      devOptions: { enabled: false },
    }),
  ],
  // the version written into .tessera files (web/src/features/files)
  define: { 'import.meta.env.TESSERA_VERSION': JSON.stringify(appVersion) },
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173 },
});
