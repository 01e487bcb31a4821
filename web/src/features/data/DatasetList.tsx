import { useRef, useState, type ReactNode } from 'react';
import { removeDataset, renameDataset, type DatasetEntry } from '@tessera/shared';
import { useWorkbookDoc, useDatasetAttachState } from '../../workbook';
import { ExportDatasetButton } from '../files';
import { formatCount } from '../../ui/format';
import { PencilIcon, TrashIcon } from '../../ui/icons';
import { useDataViewStore } from './data-store';

/** The workbook's datasets: pick one, rename it, delete it (after a confirmation). */
export function DatasetList({ datasets, selectedId }: { datasets: DatasetEntry[]; selectedId: string | undefined }): ReactNode {
  return (
    <nav className="dataset-list" aria-label="Datasets">
      <h2 className="dataset-list__title">Datasets</h2>
      {datasets.length === 0 ? <p className="muted dataset-list__empty">No datasets yet. Use “Import data” to add one.</p> : null}
      <ul>
        {datasets.map((dataset) => (
          <DatasetItem key={dataset.id} dataset={dataset} selected={dataset.id === selectedId} />
        ))}
      </ul>
    </nav>
  );
}

function DatasetItem({ dataset, selected }: { dataset: DatasetEntry; selected: boolean }): ReactNode {
  const doc = useWorkbookDoc();
  const attach = useDatasetAttachState(dataset.id);
  const select = useDataViewStore((state) => state.select);
  const forget = useDataViewStore((state) => state.forget);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(dataset.name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renameDone = useRef(false);

  const commitRename = (): void => {
    if (renameDone.current) return; // Enter commits, then the input's blur must not commit again
    renameDone.current = true;
    const next = draft.trim();
    setRenaming(false);
    if (next === '' || next === dataset.name) {
      setDraft(dataset.name);
      if (next === '') setError('A dataset needs a name; the previous name was kept.');
      return;
    }
    try {
      renameDataset(doc, dataset.id, next);
      setError(null);
    } catch (caught) {
      setDraft(dataset.name);
      setError(commandMessage(caught));
    }
  };

  const confirmDelete = (): void => {
    try {
      removeDataset(doc, dataset.id);
      forget(dataset.id);
    } catch (caught) {
      setError(commandMessage(caught));
    }
    setConfirming(false);
  };

  return (
    <li className={`dataset-item${selected ? ' is-selected' : ''}`}>
      {renaming ? (
        <input
          className="input dataset-item__rename"
          aria-label="Dataset name"
          value={draft}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitRename}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitRename();
            if (event.key === 'Escape') {
              renameDone.current = true;
              setDraft(dataset.name);
              setRenaming(false);
            }
          }}
        />
      ) : (
        <button type="button" className="dataset-item__select" aria-current={selected ? 'true' : undefined} onClick={() => select(dataset.id)}>
          <span className="dataset-item__name">{dataset.name}</span>
          <span className="dataset-item__meta">
            {formatCount(dataset.rowCount)} rows · {dataset.columns.length} columns
            {attach === 'missing' || attach === 'error' ? <span className="badge badge--error">{attach === 'missing' ? 'data missing' : 'error'}</span> : null}
            {attach === 'loading' ? <span className="badge">opening…</span> : null}
          </span>
        </button>
      )}
      <span className="dataset-item__actions">
        <ExportDatasetButton dataset={dataset} format="csv" onError={setError} />
        <ExportDatasetButton dataset={dataset} format="parquet" onError={setError} />
        <button
          type="button"
          className="btn btn--quiet btn--small"
          aria-label={`Rename ${dataset.name}`}
          title="Rename"
          onClick={() => {
            setDraft(dataset.name);
            renameDone.current = false;
            setRenaming(true);
          }}
        >
          <PencilIcon />
        </button>
        <button type="button" className="btn btn--quiet btn--small" aria-label={`Delete ${dataset.name}`} title="Delete" onClick={() => setConfirming(true)}>
          <TrashIcon />
        </button>
      </span>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={`Delete ${dataset.name}?`} aria-describedby={`confirm-${dataset.id}`}>
          <p id={`confirm-${dataset.id}`}>
            Delete “{dataset.name}” from this workbook? Visuals, measures and relationships that use it stop working.
          </p>
          <div className="confirm__buttons">
            <button type="button" className="btn btn--danger" onClick={confirmDelete} autoFocus>
              Delete dataset
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="dataset-item__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** A command's error without its "commandName: " prefix. */
function commandMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^[a-zA-Z]+: /, '');
}
