/**
 * Measures in the Model view: each table's measures with Edit and Delete, the editor dialog and the delete
 * confirmation (asked only when the measure is in use). Every change is a shared command and one undo step.
 */
import { removeMeasure, type DatasetEntry, type Measure } from '@tessera/shared';
import { useMemo, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { useReadOnly } from '../sync/sync-store';
import { MeasureEditor, type EditorTarget } from './MeasureEditor';
import { measureProblems } from './measure-check';
import { measureUsage, usageText } from './measure-usage';
import { useDeletion } from './DeleteConfirm';
import { useDialogOpener } from './editor-parts';
import './model.css';

/** One table's measures (ƒx name, expression, a warning when it has an error) with Edit and Delete. */
export function TableMeasures({ dataset, onEdit, onNew }: { dataset: DatasetEntry; onEdit: (measureId: string) => void; onNew: (datasetId: string) => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const readOnly = useReadOnly();
  const deletion = useDeletion();
  const all = useMemo(() => Object.values(snapshot.model.measures), [snapshot.model.measures]);
  const mine = all.filter((m) => m.datasetId === dataset.id).sort((a, b) => a.name.localeCompare(b.name));
  const model = { datasets: Object.values(snapshot.datasets), relationships: Object.values(snapshot.model.relationships), measures: all, calculatedColumns: Object.values(snapshot.model.columns) };

  const askDelete = (measure: Measure) =>
    deletion.ask({ what: 'measure', name: measure.name, usage: usageText(measureUsage(snapshot, measure)), remove: (doc) => removeMeasure(doc, measure.id) });

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
      {deletion.error ? (
        <p className="measure-editor__error" role="alert">
          {deletion.error}
        </p>
      ) : null}
      {deletion.layer}
    </section>
  );
}

/** The editor, opened by "New measure" or a measure's Edit button. */
export function useMeasureEditor(): { open: (target: EditorTarget) => void; layer: ReactNode } {
  return useDialogOpener<EditorTarget>((target, close) => <MeasureEditor target={target} onClose={close} />);
}
