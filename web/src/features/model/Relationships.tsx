/**
 * Relationships in the Model view, as Power BI's "Manage relationships": each one with its columns, cardinality,
 * cross-filter direction and whether it is active, with Edit and Delete; the dialog opened by "New relationship" or
 * Edit; and Autodetect. Every change is a shared command and one undo step (Ctrl+Z brings a deleted one back).
 */
import { addRelationship, relationshipProblem, removeRelationship, type Relationship } from '@tessera/shared';
import { useMemo, useState, type ReactNode } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import { useWorkbookSnapshot } from '../../workbook';
import { useReadOnly } from '../sync/sync-store';
import { useModelEdit } from './model-edit';
import { useDialogOpener } from './editor-parts';
import { RelationshipDialog, type RelationshipTarget } from './RelationshipDialog';
import { autodetectText, detectRelationships } from './relationship-check';
import { CARDINALITY_LABELS, CROSS_FILTER_LABELS, columnLabel, relationshipLabel } from './relationship-labels';
import './model.css';

function useSortedModel() {
  const snapshot = useWorkbookSnapshot();
  return useMemo(() => {
    const datasets = Object.values(snapshot.datasets);
    const relationships = Object.values(snapshot.model.relationships);
    const label = (r: Relationship) => relationshipLabel(datasets, r);
    return { datasets, relationships: relationships.sort((a, b) => label(a).localeCompare(label(b)) || (a.id < b.id ? -1 : 1)) };
  }, [snapshot.datasets, snapshot.model.relationships]);
}

/** The list of relationships; `note` is what Autodetect last said. */
export function RelationshipList({ onEdit, note }: { onEdit: (relationshipId: string) => void; note: string | null }): ReactNode {
  const { datasets, relationships } = useSortedModel();
  const readOnly = useReadOnly();
  const edit = useModelEdit();
  const [error, setError] = useState<string | null>(null);
  const remove = (id: string) => {
    const result = edit((doc) => removeRelationship(doc, id));
    setError(result.ok ? null : result.message);
  };
  return (
    <section className="model__relationships" aria-labelledby="model-relationships">
      <header className="model__relationships-header">
        <h2 id="model-relationships">Relationships</h2>
        <span className="muted">{relationships.length === 0 ? '' : relationships.length}</span>
      </header>
      {relationships.length === 0 ? (
        <p className="muted model__none">No relationships yet. “New relationship” relates a column of one table to a column of another; “Autodetect” relates columns with the same name.</p>
      ) : (
        <table className="model__relationship-table">
          <caption className="visually-hidden">Relationships of the model</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Cardinality</th>
              <th scope="col">Cross-filter direction</th>
              <th scope="col">Active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {relationships.map((r) => {
              const label = relationshipLabel(datasets, r);
              const problem = relationshipProblem({ datasets, relationships }, r, r.id);
              return (
                <tr key={r.id} aria-label={label} className={r.active ? undefined : 'model__relationship--inactive'}>
                  <td>{columnLabel(datasets, r.from)}</td>
                  <td>
                    {columnLabel(datasets, r.to)}
                    {problem ? (
                      <span className="model__measure-warning" role="img" aria-label={`${label} has a problem`} title={problem.message}>
                        {' '}
                        ⚠
                      </span>
                    ) : null}
                  </td>
                  <td>{CARDINALITY_LABELS[r.cardinality]}</td>
                  <td>{CROSS_FILTER_LABELS[r.crossFilter]}</td>
                  <td>{r.active ? 'Yes' : 'No'}</td>
                  <td className="model__relationship-actions">
                    <button type="button" className="model__icon-button" onClick={() => onEdit(r.id)} disabled={readOnly} aria-label={`Edit relationship ${label}`} title="Edit">
                      ✎
                    </button>
                    <button type="button" className="model__icon-button" onClick={() => remove(r.id)} disabled={readOnly} aria-label={`Delete relationship ${label}`} title="Delete (Ctrl+Z undoes)">
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {note ? (
        <p className="model__note" role="status">
          {note}
        </p>
      ) : null}
      {error ? (
        <p className="measure-editor__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** The dialog, opened by "New relationship" or a relationship's Edit button. */
export function useRelationshipEditor(): { open: (target: RelationshipTarget) => void; layer: ReactNode } {
  return useDialogOpener<RelationshipTarget>((target, close) => <RelationshipDialog target={target} onClose={close} />);
}

/** Autodetect: checks the data, then adds what it found as ONE undo step, and says what it did. */
export function useAutodetect(): { run: () => void; detecting: boolean; note: string | null } {
  const engine = useEngine();
  const edit = useModelEdit();
  const { datasets, relationships } = useSortedModel();
  const [detecting, setDetecting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const run = () => {
    setDetecting(true);
    setNote(null);
    detectRelationships(engine, { datasets, relationships })
      .then((found) => {
        const written = edit((doc) => found.map((r) => addRelationship(doc, { ...r, cardinality: 'many-to-one' })));
        setNote(written.ok ? autodetectText(datasets, found) : `Autodetect could not add the relationships: ${written.message}`);
      })
      .catch((error: unknown) => setNote(`Autodetect could not check the data: ${error instanceof Error ? error.message : String(error)}. Wait until the tables have loaded, then try again.`))
      .finally(() => setDetecting(false));
  };
  return { run, detecting, note };
}
