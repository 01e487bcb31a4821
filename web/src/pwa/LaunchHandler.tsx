import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useImport } from '../features/import';
import { TESSERA_EXTENSION, useWorkbookFiles } from '../features/files';

/** The File Handling API's launch queue (Chromium; not in the DOM typings). */
interface LaunchParams {
  readonly files: readonly FileSystemHandle[];
  readonly targetURL?: string;
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/**
 * Files opened from the OS (manifest `file_handlers` → `launchQueue`): data files open the import
 * dialog, .tessera files the workbook-open flow. Also the manifest shortcuts `/?action=new` and
 * `/?action=import`.
 */
export function LaunchHandler(): ReactNode {
  const { openImport } = useImport();
  const files = useWorkbookFiles();
  const latest = useRef({ openImport, files });
  latest.current = { openImport, files };
  const [askImport, setAskImport] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
    if (!queue) return;
    queue.setConsumer((params) => {
      void (async () => {
        for (const handle of params.files) {
          if (handle.kind !== 'file') continue;
          const fileHandle = handle as FileSystemFileHandle;
          const file = await fileHandle.getFile();
          if (file.name.toLowerCase().endsWith(TESSERA_EXTENSION)) await latest.current.files.openFile(file, fileHandle);
          else latest.current.openImport(file);
          return; // one file at a time: the import dialog and the open flow each take one
        }
      })();
    });
  }, []);

  useEffect(() => {
    const url = new URL(window.location.href);
    const action = url.searchParams.get('action');
    if (!action) return;
    url.searchParams.delete('action');
    window.history.replaceState(null, '', url.toString());
    if (action === 'new') latest.current.files.newWorkbook();
    if (action === 'import') setAskImport(true);
  }, []);

  if (!askImport) return null;
  return (
    <div className="files-backdrop">
      <div className="files-dialog" role="dialog" aria-modal="true" aria-label="Import data">
        <h2>Import data</h2>
        <p>Choose a CSV, TSV, JSON, Parquet or Excel file to import into this workbook.</p>
        <input
          ref={input}
          type="file"
          hidden
          accept=".csv,.tsv,.json,.ndjson,.parquet,.xlsx"
          onChange={(event) => {
            const file = event.target.files?.[0];
            setAskImport(false);
            if (file) openImport(file);
          }}
        />
        <div className="files-dialog__buttons">
          <button type="button" className="btn btn--primary" autoFocus onClick={() => input.current?.click()}>
            Choose a file…
          </button>
          <button type="button" className="btn" onClick={() => setAskImport(false)}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
