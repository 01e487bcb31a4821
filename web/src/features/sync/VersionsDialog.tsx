import { VersionListSchema, type VersionSummary } from '@tessera/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { authorisedFetch, callApi, errorText } from './api-client';
import { Dialog } from './Dialog';
import { useReadOnly } from './sync-store';

/** Named versions of the shared workbook: save one, restore one (arrives as a normal edit). */
export function VersionsDialog({ workbookId, onClose }: { workbookId: string; onClose: () => void }): ReactNode {
  const readOnly = useReadOnly();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const base = `/api/workbooks/${encodeURIComponent(workbookId)}/versions`;

  const load = useCallback(() => {
    callApi(VersionListSchema, base).then(setVersions, (e: unknown) => setError(errorText(e)));
  }, [base]);
  useEffect(load, [load]);

  const save = (): void => {
    if (!name.trim()) return setError('Give the version a name first.');
    setError(null);
    authorisedFetch(base, { method: 'POST', json: { name: name.trim() } }).then(
      () => {
        setName('');
        setNote('Version saved.');
        load();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  const restore = (v: VersionSummary): void => {
    setError(null);
    authorisedFetch(`${base}/${encodeURIComponent(v.id)}/restore`, { method: 'POST' }).then(
      () => setNote(`Restored “${v.name}”. Everyone sees it as a normal edit (undo-able by saving another version first).`),
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <Dialog title="Version history" onClose={onClose}>
      <div className="sync-row">
        <input aria-label="Version name" placeholder="e.g. Before the Q3 review" value={name} disabled={readOnly} onChange={(e) => setName(e.target.value)} />
        <button type="button" disabled={readOnly} onClick={save}>
          Save version
        </button>
      </div>
      <ul className="sync-list" aria-label="Versions">
        {versions?.map((v) => (
          <li key={v.id} className="sync-row">
            <span>
              {v.name} <span className="sync-muted">{new Date(v.createdAt).toLocaleString()}</span>
            </span>
            <button type="button" aria-label={`Restore ${v.name}`} disabled={readOnly} onClick={() => restore(v)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {versions?.length === 0 ? <p className="sync-muted">No saved versions yet.</p> : null}
      {note ? <p role="status">{note}</p> : null}
      {error ? <p role="alert" className="sync-error">{error}</p> : null}
    </Dialog>
  );
}
