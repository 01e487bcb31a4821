import { describe, expect, it } from 'vitest';
import { engineStatusText, storageText } from './status-text';
import { viewFromHash } from './ui-store';

describe('status bar text', () => {
  it('describes every engine state', () => {
    expect(engineStatusText({ state: 'starting' })).toBe('Engine: starting…');
    expect(engineStatusText({ state: 'ready', bundle: 'eh', version: 'v1.4.3' })).toBe('Engine: ready (DuckDB v1.4.3)');
    expect(engineStatusText({ state: 'busy', running: 1, queued: 0 })).toBe('Engine: running 1 query');
    expect(engineStatusText({ state: 'busy', running: 2, queued: 3 })).toBe('Engine: running 2 queries, 3 queued');
    expect(engineStatusText({ state: 'error', message: 'wasm failed' })).toBe('Engine error: wasm failed');
  });

  it('shows storage use and whether it is persistent', () => {
    expect(storageText({ usage: 12.3 * 1024 ** 2, quota: 1.2 * 1024 ** 3, persisted: true })).toBe('Storage: 12.3 MB of 1.2 GB · persistent');
    expect(storageText({ usage: 0, quota: 0, persisted: false })).toBe('Storage: 0 B of 0 B · may be evicted');
  });
});

describe('viewFromHash', () => {
  it('reads the view from the URL hash', () => {
    expect(viewFromHash('#/data')).toBe('data');
    expect(viewFromHash('#sql')).toBe('sql');
    expect(viewFromHash('#/nope')).toBeUndefined();
    expect(viewFromHash('')).toBeUndefined();
  });
});
