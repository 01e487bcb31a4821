/** What the Model view's dialogs share: how one is opened (a fresh dialog each time), the editor dialog, its table choices, its footer. */
import type { DatasetEntry } from '@tessera/shared';
import { Fragment, useCallback, useRef, useState, type ReactNode } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';

/** `open(target)` shows `render(target, close)`; each opening mounts a new dialog, so no state leaks between two. */
export function useDialogOpener<T>(render: (target: T, close: () => void) => ReactNode): { open: (target: T) => void; layer: ReactNode } {
  const [shown, setShown] = useState<{ target: T; key: number } | null>(null);
  const counter = useRef(0);
  const close = useCallback(() => setShown(null), []);
  return {
    open: (target) => setShown({ target, key: ++counter.current }),
    layer: shown ? <Fragment key={shown.key}>{render(shown.target, close)}</Fragment> : null,
  };
}

/** The name box of an editor (`describedBy`: the id of its problem, shown by the editor). */
export function NameField({ label, value, invalid, describedBy, onChange }: { label: string; value: string; invalid: boolean; describedBy?: string; onChange: (value: string) => void }): ReactNode {
  return (
    <label>
      <span>Name</span>
      <input type="text" aria-label={label} value={value} aria-invalid={invalid ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A choice of table (by dataset id); a value that is no table shows as "(choose a table)". */
export function TableSelect({ label, value, datasets, onChange }: { label: string; value: string; datasets: readonly DatasetEntry[]; onChange: (datasetId: string) => void }): ReactNode {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {datasets.some((d) => d.id === value) ? null : <option value={value}>(choose a table)</option>}
      {datasets.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </select>
  );
}

/** The error of the last attempt (the command's message), then the action (Save, Delete …) and Cancel. */
export function EditorFooter({
  error,
  onAction,
  onCancel,
  action = 'Save',
  danger = false,
  actionDisabled,
  describedBy,
  focusCancel,
}: {
  error: string | null;
  onAction: () => void;
  onCancel: () => void;
  action?: string;
  danger?: boolean;
  actionDisabled?: boolean;
  describedBy?: string;
  /** Focus Cancel when the dialog opens (a confirmation of something destructive). */
  focusCancel?: boolean;
}): ReactNode {
  return (
    <>
      {error ? (
        <p className="measure-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="measure-editor__actions">
        <button type="button" className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`} onClick={onAction} disabled={actionDisabled} aria-describedby={describedBy}>
          {action}
        </button>
        <button type="button" className="btn" onClick={onCancel} autoFocus={focusCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** An editor of the Model view: a modal dialog titled `title`, where Ctrl+Enter (⌘+Enter) saves. */
export function EditorDialog({ title, onClose, onSave, children }: { title: string; onClose: () => void; onSave: () => void; children: ReactNode }): ReactNode {
  return (
    <ModalDialog
      label={title}
      className="measure-editor"
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave();
        }
      }}
    >
      <h2 className="measure-editor__title">{title}</h2>
      {children}
    </ModalDialog>
  );
}
