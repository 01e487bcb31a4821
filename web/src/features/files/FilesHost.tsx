import { useEffect, type ReactNode } from 'react';
import { useWorkbookName } from '../../app/workbook-selectors';
import { useWorkbookDoc, useWorkbookInfo } from '../../workbook';
import { recallFileHandle } from './file-handles';
import { readDirty, useFilesStore, writeDirty } from './files-store';
import { useWorkbookFiles } from './use-workbook-files';
import './files.css';

/**
 * Workbook files, app-wide: Ctrl+S / Ctrl+Shift+S / Ctrl+O, the "•" for changes not saved to a file
 * (document title), the merge-or-copy question when an opened file's workbook exists here, and the
 * error / notice of the last file command.
 */
export function FilesHost(): ReactNode {
  const doc = useWorkbookDoc();
  const { id } = useWorkbookInfo();
  const name = useWorkbookName();
  const files = useWorkbookFiles();
  const dirty = useFilesStore((state) => state.dirty);
  const error = useFilesStore((state) => state.error);
  const notice = useFilesStore((state) => state.notice);
  const busy = useFilesStore((state) => state.busy);
  const pending = useFilesStore((state) => state.pending);

  // changes since the last save to (or open from) a file
  useEffect(() => {
    useFilesStore.setState({ dirty: readDirty(id) });
    const onUpdate = (): void => {
      if (useFilesStore.getState().dirty) return;
      writeDirty(id, true);
      useFilesStore.setState({ dirty: true });
    };
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc, id]);

  // the file this workbook was last saved to / opened from, so Save writes back to it after a reload
  useEffect(() => {
    let live = true;
    void recallFileHandle(id).then((handle) => {
      if (live && handle && !useFilesStore.getState().handle) useFilesStore.setState({ handle, fileName: handle.name });
    });
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Tessera`;
  }, [dirty, name]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        void (event.shiftKey ? files.saveAs() : files.save());
      } else if (key === 'o' && !event.shiftKey) {
        event.preventDefault();
        void files.open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [files]);

  return (
    <>
      {busy ? (
        <p className="files-toast" role="status">
          {busy}
        </p>
      ) : null}
      {error ? (
        <div className="files-toast files-toast--error" role="alert">
          <span>{error}</span>
          <button type="button" className="btn btn--small" onClick={() => useFilesStore.setState({ error: null })}>
            Dismiss
          </button>
        </div>
      ) : notice ? (
        <div className="files-toast" role="status" aria-label="File notice">
          <span>{notice}</span>
          <button type="button" className="btn btn--small" onClick={() => useFilesStore.setState({ notice: null })}>
            Dismiss
          </button>
        </div>
      ) : null}
      {pending ? (
        <div className="files-backdrop">
          <div className="files-dialog" role="dialog" aria-modal="true" aria-label={`Open ${pending.fileName}`} aria-describedby="files-merge-text">
            <h2>Open “{pending.fileName}”</h2>
            <p id="files-merge-text">
              The workbook “{pending.file.name}” in this file already exists in this browser. Merge the file into it (changes on both sides are kept),
              or open the file as a separate copy.
            </p>
            <div className="files-dialog__buttons">
              <button type="button" className="btn btn--primary" autoFocus onClick={() => void files.resolvePending('merge')}>
                Merge into the existing workbook
              </button>
              <button type="button" className="btn" onClick={() => void files.resolvePending('copy')}>
                Open as a copy
              </button>
              <button type="button" className="btn" onClick={() => void files.resolvePending('cancel')}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
