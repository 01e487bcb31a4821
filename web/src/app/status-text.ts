import type { EngineStatus } from '../engine/types';
import { formatBytes, pluralize } from '../ui/format';

/** The status bar's engine text. */
export function engineStatusText(status: EngineStatus): string {
  switch (status.state) {
    case 'starting':
      return 'Engine: starting…';
    case 'ready':
      return `Engine: ready (DuckDB ${status.version})`;
    case 'busy':
      return `Engine: running ${pluralize(status.running, 'query', 'queries')}${status.queued > 0 ? `, ${status.queued} queued` : ''}`;
    case 'error':
      return `Engine error: ${status.message}`;
  }
}

/** "Storage: 12.3 MB of 1.2 GB · persistent" */
export function storageText(storage: { usage: number; quota: number; persisted: boolean }): string {
  return `Storage: ${formatBytes(storage.usage)} of ${formatBytes(storage.quota)} · ${storage.persisted ? 'persistent' : 'may be evicted'}`;
}
