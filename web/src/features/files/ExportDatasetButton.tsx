import { useState, type ReactNode } from 'react';
import type { DatasetEntry } from '@tessera/shared';
import type { LocalEngine } from '../../engine/local-engine';
import { useEngine } from '../../engine/EngineProvider';
import { quoteIdentifier } from '../../engine/identifiers';
import { isPickerAbort, safeFileName, saveWithPicker } from './file-io';
import { exportQueryToParquet } from './parquet-export';

interface ExportFormat {
  label: string;
  mime: string;
  extension: string;
  icon: string;
  write(engine: LocalEngine, sql: string): Promise<Uint8Array>;
}

/** CSV goes through DuckDB's CSV writer; Parquet is written in JS (hyparquet-writer), since DuckDB-wasm cannot write it offline. */
const FORMATS: Record<'csv' | 'parquet', ExportFormat> = {
  csv: { label: 'CSV', mime: 'text/csv', extension: '.csv', icon: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10', write: (engine, sql) => engine.copyQueryToFile(sql, 'csv') },
  parquet: { label: 'Parquet', mime: 'application/vnd.apache.parquet', extension: '.parquet', icon: 'M3 3h10v10H3zM3 8h10M8 3v10', write: (engine, sql) => exportQueryToParquet(engine, sql) },
};

/** "Export <dataset> as CSV / Parquet": the dataset's rows, saved with the file picker or downloaded. */
export function ExportDatasetButton({ dataset, format, onError }: { dataset: DatasetEntry; format: 'csv' | 'parquet'; onError: (message: string) => void }): ReactNode {
  const engine = useEngine();
  const [busy, setBusy] = useState(false);
  const { label, mime, extension, icon, write } = FORMATS[format];
  const run = async (): Promise<void> => {
    const table = engine.internalTableOf(dataset.id);
    if (!table) {
      onError(`“${dataset.name}” is not loaded yet (or its data is missing), so it cannot be exported. Wait until it has opened, or re-import it.`);
      return;
    }
    setBusy(true);
    try {
      const bytes = await write(engine, `SELECT * FROM ${quoteIdentifier(table)}`);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
      await saveWithPicker(blob, `${safeFileName(dataset.name, 'dataset')}${extension}`, { description: `${label} file`, mime, extension });
    } catch (error) {
      if (!isPickerAbort(error)) onError(`Could not export “${dataset.name}” as ${label}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn--quiet btn--small"
      aria-label={`Export ${dataset.name} as ${label}`}
      title={`Export dataset as ${label}`}
      disabled={busy}
      onClick={() => void run()}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d={icon} />
      </svg>
    </button>
  );
}
