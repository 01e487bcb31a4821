/**
 * Calculated columns in the Model view: "New column" per table, each table's calculated columns listed with its
 * stored columns (marked "calculated", with their type, a warning when the expression has an error, Edit and
 * Delete), the editor dialog and the delete confirmation (asked when the column is in use).
 */
import { compileCalculatedColumn, contextOf, modelOfSnapshot, removeCalculatedColumn, type CalculatedColumn, type DatasetEntry } from '@tessera/shared';
import { useMemo, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { useReadOnly } from '../sync/sync-store';
import { ColumnEditor, type ColumnTarget } from './ColumnEditor';
import { columnUsage } from './column-usage';
import { useDeletion } from './DeleteConfirm';
import { useDialogOpener } from './editor-parts';
import { usageText } from './measure-usage';
import './calculated-columns.css';

/** The editor, opened by "New column" or a column's Edit button. */
export function useColumnEditor(): { open: (target: ColumnTarget) => void; layer: ReactNode } {
  return useDialogOpener<ColumnTarget>((target, close) => <ColumnEditor target={target} onClose={close} />);
}

export function NewColumnButton({ dataset, onNew }: { dataset: DatasetEntry; onNew: (datasetId: string) => void }): ReactNode {
  const readOnly = useReadOnly();
  return (
    <button type="button" className="model__link" onClick={() => onNew(dataset.id)} disabled={readOnly} aria-label={`New column in ${dataset.name}`} title="A column computed row by row">
      + New column
    </button>
  );
}

/** The calculated columns of a table as rows of its column list (name, "calculated", type; Edit, Delete). */
export function CalculatedColumnRows({ dataset, onEdit }: { dataset: DatasetEntry; onEdit: (columnId: string) => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const readOnly = useReadOnly();
  const deletion = useDeletion();
  const ctx = useMemo(() => contextOf(modelOfSnapshot(snapshot)), [snapshot]);
  const mine = Object.values(snapshot.model.columns)
    .filter((c) => c.datasetId === dataset.id)
    .sort((a, b) => a.name.localeCompare(b.name));

  const state = (c: CalculatedColumn): { type: string; problem?: string } => {
    try {
      const compiled = compileCalculatedColumn(ctx, c);
      const shadowed = dataset.columns.some((s) => s.name.toLocaleLowerCase() === c.name.toLocaleLowerCase());
      return { type: c.type ?? compiled.type, ...(shadowed ? { problem: `The data now has a column named “${c.name}” too; fields use the data's column. Rename this one.` } : {}) };
    } catch (error) {
      return { type: c.type ?? '', problem: error instanceof Error ? error.message : String(error) };
    }
  };

  return (
    <>
      {mine.map((c) => {
        const { type, problem } = state(c);
        return (
          <tr key={c.id} className="calc-column" aria-label={`${c.name}, calculated`}>
            <td>
              <span className="calc-column__name">{c.name}</span> <span className="badge badge--small">calculated</span>
              {problem ? (
                <span className="model__measure-warning" role="img" aria-label={`${c.name} has an error`} title={problem}>
                  {' '}
                  ⚠
                </span>
              ) : null}
              <button type="button" className="model__icon-button" onClick={() => onEdit(c.id)} disabled={readOnly} aria-label={`Edit column ${c.name}`} title="Edit">
                ✎
              </button>
              <button
                type="button"
                className="model__icon-button"
                onClick={() => deletion.ask({ what: 'column', name: c.name, usage: usageText(columnUsage(snapshot, ctx, c)), remove: (doc) => removeCalculatedColumn(doc, c.id) })}
                disabled={readOnly}
                aria-label={`Delete column ${c.name}`}
                title="Delete"
              >
                ×
              </button>
              <code className="calc-column__expr" title={c.expression}>
                = {c.expression}
              </code>
            </td>
            <td className="model__type">{type}</td>
          </tr>
        );
      })}
      {deletion.layer || deletion.error ? (
        <tr className="calc-column__layer">
          <td colSpan={2}>
            {deletion.layer}
            {deletion.error ? (
              <span className="measure-editor__error" role="alert">
                {deletion.error}
              </span>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
