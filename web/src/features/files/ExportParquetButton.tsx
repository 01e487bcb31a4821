import { useState, type ReactNode } from 'react';
import type { DatasetEntry } from '@tessera/shared';
import { useEngine } from '../../engine/EngineProvider';
import { quoteIdentifier } from '../../engine/identifiers';
import { isPickerAbort, safeFileName, saveWithPicker } from './file-io';
import { exportQueryToParquet } from './parquet-export';

/** "Export <dataset> as Parquet": the dataset's rows read in batches and written with hyparquet-writer (offline). */
export function ExportParquetButton({ dataset, onError }: { dataset: DatasetEntry; onError: (message: string) => void }): ReactNode {
  const engine = useEngine();
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    const table = engine.internalTableOf(dataset.id);
    if (!table) {
      onError(`“${dataset.name}” is not loaded yet (or its data is missing), so it cannot be exported. Wait until it has opened, or re-import it.`);
      return;
    }
    setBusy(true);
    try {
      const bytes = await exportQueryToParquet(engine, `SELECT * FROM ${quoteIdentifier(table)}`);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' });
      await saveWithPicker(blob, `${safeFileName(dataset.name, 'dataset')}.parquet`, { description: 'Parquet file', mime: 'application/vnd.apache.parquet', extension: '.parquet' });
    } catch (error) {
      if (!isPickerAbort(error)) onError(`Could not export “${dataset.name}” as Parquet: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn--quiet btn--small"
      aria-label={`Export ${dataset.name} as Parquet`}
      title="Export dataset as Parquet"
      disabled={busy}
      onClick={() => void run()}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3 3h10v10H3zM3 8h10M8 3v10" />
      </svg>
    </button>
  );
}
