/** The import dialog's state: preview (re-run when header/delimiter/sheet change), edits, commit, errors. */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  commitImport,
  defaultDatasetName,
  ImportCancelledError,
  ImportError,
  previewImport,
  type ImportOptions,
  type ImportPhase,
  type ImportPreview,
  type ImportResult,
  type PreviewColumn,
} from '../../engine/import';
import { useDatasetStore, useEngine } from '../../engine/EngineProvider';
import { useWorkbookDoc } from '../../workbook';

export interface CommitState {
  fraction: number;
  phase: ImportPhase;
}

function messageOf(error: unknown): string {
  if (error instanceof ImportError || error instanceof ImportCancelledError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The import failed: ${detail}. Nothing was imported; try again.`;
}

export function useImportFlow(file: File, onDone: (result: ImportResult) => void) {
  const engine = useEngine();
  const store = useDatasetStore();
  const doc = useWorkbookDoc();
  const [options, setOptions] = useState<ImportOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [columns, setColumns] = useState<PreviewColumn[]>([]);
  const [name, setName] = useState(() => defaultDatasetName(file.name));
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [commit, setCommit] = useState<CommitState | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    previewImport(engine, file, options)
      .then((result) => {
        if (!current) return;
        setPreview(result);
        setColumns(result.columns);
      })
      .catch((e: unknown) => {
        if (current) setError(messageOf(e));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [engine, file, options]);

  // An unmounted dialog (closed while importing) stops its import.
  useEffect(() => () => controller.current?.abort(), []);

  const changeOption = useCallback((change: ImportOptions) => setOptions((previous) => ({ ...previous, ...change })), []);

  const editColumn = useCallback((index: number, change: Partial<PreviewColumn>) => {
    setColumns((previous) => previous.map((column, i) => (i === index ? { ...column, ...change } : column)));
  }, []);

  const start = useCallback(async () => {
    if (!preview || commit) return;
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    setNotice(null);
    setCommit({ fraction: 0, phase: 'reading' });
    try {
      const result = await commitImport(engine, store, doc, file, { ...preview, columns }, {
        name,
        signal: abort.signal,
        onProgress: (fraction, phase) => setCommit({ fraction, phase }),
      });
      onDone(result);
    } catch (e) {
      if (e instanceof ImportCancelledError) setNotice(e.message);
      else setError(messageOf(e));
    } finally {
      controller.current = null;
      setCommit(null);
    }
  }, [preview, commit, engine, store, doc, file, columns, name, onDone]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { options, changeOption, preview, columns, editColumn, name, setName, loading, error, notice, commit, start, cancel };
}
