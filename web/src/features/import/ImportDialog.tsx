import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ImportResult } from '../../engine/import';
import { PreviewTable } from './PreviewTable';
import { useImportFlow } from './use-import-flow';

const DELIMITERS = [
  { label: 'Comma', value: ',' },
  { label: 'Semicolon', value: ';' },
  { label: 'Tab', value: '\t' },
  { label: 'Pipe', value: '|' },
];

const PHASES = { reading: 'Reading and checking every value…', saving: 'Saving the dataset…', done: 'Done' } as const;

/** Preview, adjust and import one file. Esc or "Cancel" closes it; while importing they cancel the import. */
export function ImportDialog({ file, onClose, onImported }: { file: File; onClose: () => void; onImported?: (result: ImportResult) => void }): ReactNode {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const flow = useImportFlow(file, (result) => {
    onImported?.(result);
    onClose();
  });
  const { preview, commit } = flow;
  const busy = commit !== null;
  const tabular = preview?.format === 'csv' || preview?.format === 'tsv';
  const headerChoice = tabular || preview?.format === 'xlsx';

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);

  const close = () => {
    if (busy) flow.cancel();
    else onClose();
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  // Esc anywhere (focus may sit on a control that was just disabled while the preview reloads).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const delimiter = flow.options.delimiter ?? preview?.options.delimiter;
  const delimiters = delimiter && !DELIMITERS.some((d) => d.value === delimiter) ? [...DELIMITERS, { label: `Other (${delimiter})`, value: delimiter }] : DELIMITERS;

  return (
    <div className="import-backdrop">
      <div
        ref={dialog}
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId} className="import-dialog__title">
          Import {file.name}
        </h2>

        <div className="import-dialog__options">
          <label className="import-field">
            <span>Name</span>
            <input type="text" value={flow.name} disabled={busy} onChange={(event) => flow.setName(event.currentTarget.value)} />
          </label>
          {headerChoice && (
            <label className="import-field import-field--inline">
              <input
                type="checkbox"
                checked={flow.options.header ?? preview?.options.header ?? true}
                disabled={busy || flow.loading}
                onChange={(event) => flow.changeOption({ header: event.currentTarget.checked })}
              />
              <span>First row is header</span>
            </label>
          )}
          {tabular && (
            <label className="import-field">
              <span>Delimiter</span>
              <select value={delimiter ?? ','} disabled={busy || flow.loading} onChange={(event) => flow.changeOption({ delimiter: event.currentTarget.value })}>
                {delimiters.map((d) => (
                  <option key={d.label} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {preview?.format === 'xlsx' && (
            <label className="import-field">
              <span>Sheet</span>
              <select
                value={flow.options.sheet ?? preview.options.sheet}
                disabled={busy || flow.loading}
                onChange={(event) => flow.changeOption({ sheet: event.currentTarget.value, header: undefined })}
              >
                {(preview.options.sheets ?? []).map((sheet) => (
                  <option key={sheet} value={sheet}>
                    {sheet}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>

        {flow.loading && !preview && <p className="import-dialog__status">Reading the file…</p>}
        {preview && (
          <>
            <p className="import-dialog__status">
              {flow.loading
                ? 'Updating the preview…'
                : `First ${preview.rows.length} rows${preview.rowEstimate !== undefined ? ` of ${preview.rowEstimate.toLocaleString()}` : ''}. Check the column names and types; every value is checked on import.`}
            </p>
            <PreviewTable columns={flow.columns} rows={preview.rows} disabled={busy} onEdit={flow.editColumn} />
          </>
        )}

        {flow.error && (
          <div role="alert" className="import-dialog__error">
            {flow.error}
          </div>
        )}
        {flow.notice && (
          <p role="status" className="import-dialog__status">
            {flow.notice}
          </p>
        )}

        {commit && (
          <div className="import-progress">
            <div
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(commit.fraction * 100)}
              className="import-progress__bar"
            >
              <div className="import-progress__fill" style={{ width: `${Math.round(commit.fraction * 100)}%` }} />
            </div>
            <span className="import-progress__label">{PHASES[commit.phase]}</span>
          </div>
        )}

        <div className="import-dialog__actions">
          {busy ? (
            <button type="button" className="btn" onClick={flow.cancel}>
              Cancel import
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={onClose}>
                Cancel
              </button>
              <button type="button" className="btn btn--primary" disabled={!preview || flow.loading || !flow.name.trim()} onClick={() => void flow.start()}>
                Import
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
