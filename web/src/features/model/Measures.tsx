/**
 * Measures in the Model view: the toolbar (Undo, Redo, New measure), each table's measures with Edit and Delete, the
 * editor dialog and the delete confirmation (asked only when the measure is in use). Every change is a shared command
 * and one undo step; Ctrl+Z / Ctrl+Y (⌘ on macOS) undo and redo here as in the report.
 */
import { removeMeasure, type DatasetEntry, type Measure } from '@tessera/shared';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { useUndoManager, useUndoState } from '../report/undo';
import { isEditableTarget } from '../report/use-report-keys';
import { useReadOnly } from '../sync/sync-store';
import { MeasureEditor, type EditorTarget } from './MeasureEditor';
import { ModalDialog } from '../../ui/ModalDialog';
import { measureProblems } from './measure-check';
import { measureUsage, usageText } from './measure-usage';
import { useModelEdit } from './model-edit';
import './model.css';

/** Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z while the Model view is shown (not in a text field, not under a dialog). */
function useUndoKeys(): void {
  const undo = useUndoManager();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditableTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo.undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) undo.redo();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo]);
}

export function ModelToolbar({ onNewMeasure }: { onNewMeasure: () => void }): ReactNode {
  const undo = useUndoManager();
  const { canUndo, canRedo } = useUndoState();
  const readOnly = useReadOnly();
  const hasData = Object.keys(useWorkbookSnapshot().datasets).length > 0;
  useUndoKeys();
  return (
    <div className="model__toolbar" role="toolbar" aria-label="Model">
      <button type="button" className="btn" onClick={() => undo.undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button type="button" className="btn" onClick={() => undo.redo()} disabled={!canRedo} title="Redo (Ctrl+Y)">
        <span aria-hidden="true">↷</span> Redo
      </button>
      <button type="button" className="btn btn--primary" onClick={onNewMeasure} disabled={readOnly || !hasData} title={hasData ? 'New measure' : 'Import data first'}>
        <span aria-hidden="true">ƒx</span> New measure
      </button>
    </div>
  );
}

function DeleteConfirm({ measure, usage, onClose }: { measure: Measure; usage: string; onClose: () => void }): ReactNode {
  const edit = useModelEdit();
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    const result = edit((doc) => removeMeasure(doc, measure.id));
    if (result.ok) onClose();
    else setError(result.message);
  };
  return (
    <ModalDialog label={`Delete measure ${measure.name}`} className="measure-editor" onClose={onClose}>
      <h2 className="measure-editor__title">Delete measure “{measure.name}”?</h2>
      <p>
        It is used by {usage}. They will show an error until they are changed, or until you undo the deletion (Ctrl+Z).
      </p>
      {error ? (
        <p className="measure-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="measure-editor__actions">
        <button type="button" className="btn btn--danger" onClick={remove}>
          Delete
        </button>
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

/** One table's measures (ƒx name, expression, a warning when it has an error) with Edit and Delete. */
export function TableMeasures({ dataset, onEdit, onNew }: { dataset: DatasetEntry; onEdit: (measureId: string) => void; onNew: (datasetId: string) => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const readOnly = useReadOnly();
  const edit = useModelEdit();
  const [confirming, setConfirming] = useState<{ measure: Measure; usage: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const all = useMemo(() => Object.values(snapshot.model.measures), [snapshot.model.measures]);
  const mine = all.filter((m) => m.datasetId === dataset.id).sort((a, b) => a.name.localeCompare(b.name));
  const model = { datasets: Object.values(snapshot.datasets), relationships: Object.values(snapshot.model.relationships), measures: all };

  const askDelete = (measure: Measure) => {
    const usage = usageText(measureUsage(snapshot, measure));
    if (usage) return setConfirming({ measure, usage });
    const result = edit((doc) => removeMeasure(doc, measure.id));
    setError(result.ok ? null : result.message);
  };

  return (
    <section className="model__measures" aria-label={`Measures of ${dataset.name}`}>
      <header className="model__measures-header">
        <h3>Measures</h3>
        <button type="button" className="model__link" onClick={() => onNew(dataset.id)} disabled={readOnly} aria-label={`New measure in ${dataset.name}`}>
          + New measure
        </button>
      </header>
      {mine.length === 0 ? <p className="muted model__none">No measures yet.</p> : null}
      <ul className="model__measure-list">
        {mine.map((m) => {
          const problem = measureProblems(model, m).find((p) => p.field === 'expression');
          return (
            <li key={m.id} className="model__measure">
              <span className="model__measure-icon" aria-hidden="true">
                ƒx
              </span>
              <span className="model__measure-name">{m.name}</span>
              {problem ? (
                <span className="model__measure-warning" role="img" aria-label={`${m.name} has an error`} title={problem.message}>
                  ⚠
                </span>
              ) : null}
              <button type="button" className="model__icon-button" onClick={() => onEdit(m.id)} disabled={readOnly} aria-label={`Edit measure ${m.name}`} title="Edit">
                ✎
              </button>
              <button type="button" className="model__icon-button" onClick={() => askDelete(m)} disabled={readOnly} aria-label={`Delete measure ${m.name}`} title="Delete">
                ×
              </button>
              <code className="model__measure-expr" title={m.expression}>
                {m.expression}
              </code>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="measure-editor__error" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? <DeleteConfirm measure={confirming.measure} usage={confirming.usage} onClose={() => setConfirming(null)} /> : null}
    </section>
  );
}

/** The editor, opened by "New measure" or a measure's Edit button. */
export function useMeasureEditor(): { open: (target: EditorTarget) => void; layer: ReactNode } {
  const [target, setTarget] = useState<(EditorTarget & { key: number }) | null>(null);
  const counter = useRef(0);
  return {
    open: (t) => setTarget({ ...t, key: ++counter.current }),
    layer: target ? <MeasureEditor key={target.key} target={target} onClose={() => setTarget(null)} /> : null,
  };
}
