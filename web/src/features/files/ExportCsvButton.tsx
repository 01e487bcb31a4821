import { useState, type ReactNode } from 'react';
import type { DatasetEntry } from '@tessera/shared';
import { useEngine } from '../../engine/EngineProvider';
import { quoteIdentifier } from '../../engine/identifiers';
import { isPickerAbort, safeFileName, saveWithPicker } from './file-io';

/** "Export <dataset> as CSV": the dataset's rows through DuckDB's CSV writer, saved or downloaded. */
export function ExportCsvButton({ dataset, onError }: { dataset: DatasetEntry; onError: (message: string) => void }): ReactNode {
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
      const bytes = await engine.copyQueryToFile(`SELECT * FROM ${quoteIdentifier(table)}`, 'csv');
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' });
      await saveWithPicker(blob, `${safeFileName(dataset.name, 'dataset')}.csv`, { description: 'CSV file', mime: 'text/csv', extension: '.csv' });
    } catch (error) {
      if (!isPickerAbort(error)) onError(`Could not export “${dataset.name}” as CSV: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn--quiet btn--small"
      aria-label={`Export ${dataset.name} as CSV`}
      title="Export dataset as CSV"
      disabled={busy}
      onClick={() => void run()}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10" />
      </svg>
    </button>
  );
}
