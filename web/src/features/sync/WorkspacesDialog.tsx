import { WorkbookListSchema, WorkspaceSummarySchema, type WorkbookSummary } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useDatasetStore, useEngine } from '../../engine/EngineProvider';
import { localWorkbookRegistry } from '../home';
import { CURRENT_WORKBOOK_KEY } from '../../workbook';
import { callApi, errorText } from './api-client';
import { downloadWorkbook } from './dataset-transfer';
import { Dialog, ProgressLine } from './Dialog';
import { useMe } from './use-me';

/** Makes `id` the open workbook (the app reloads on it). */
function switchTo(id: string, name: string): void {
  localWorkbookRegistry().upsert({ id, name, updatedAt: Date.now() });
  localStorage.setItem(CURRENT_WORKBOOK_KEY, id);
  location.hash = '#/report';
  location.reload();
}

/** The user's workspaces, their workbooks, "New workspace" and "Open" (download for offline use). */
export function WorkspacesDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { me, error: meError, reload } = useMe();
  const engine = useEngine();
  const store = useDatasetStore();
  const [selected, setSelected] = useState<string | null>(null);
  const [workbooks, setWorkbooks] = useState<WorkbookSummary[] | null>(null);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ value: number; label: string } | null>(null);
  const workspaceId = selected ?? me?.workspaces[0]?.id ?? null;

  useEffect(() => {
    if (!workspaceId) return;
    let live = true;
    setWorkbooks(null);
    callApi(WorkbookListSchema, `/api/workspaces/${encodeURIComponent(workspaceId)}/workbooks`).then(
      (list) => live && setWorkbooks(list),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [workspaceId]);

  const create = (): void => {
    const name = newName.trim();
    if (!name) return setError('Give the workspace a name first.');
    callApi(WorkspaceSummarySchema, '/api/workspaces', { method: 'POST', json: { name } }).then(
      (ws) => {
        setNewName('');
        setSelected(ws.id);
        reload();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };

  const open = (wb: WorkbookSummary): void => {
    if (!workspaceId) return;
    setError(null);
    downloadWorkbook({ workspaceId, workbookId: wb.id, engine, store, onProgress: (value, label) => setProgress({ value, label }) }).then(
      () => switchTo(wb.id, wb.name),
      (e: unknown) => {
        setProgress(null);
        setError(`Could not open “${wb.name}”: ${errorText(e)}`);
      },
    );
  };

  return (
    <Dialog title="Workspaces" onClose={onClose}>
      {meError ? <p role="alert" className="sync-error">{meError}</p> : null}
      <div className="sync-columns">
        <section aria-label="Workspace list">
          <ul className="sync-list">
            {me?.workspaces.map((ws) => (
              <li key={ws.id}>
                <button type="button" aria-pressed={ws.id === workspaceId} onClick={() => setSelected(ws.id)}>
                  {ws.name} <span className="sync-muted">({ws.role})</span>
                </button>
              </li>
            ))}
          </ul>
          {me && me.workspaces.length === 0 ? <p className="sync-muted">No workspaces yet.</p> : null}
          <div className="sync-row">
            <input aria-label="New workspace name" placeholder="Workspace name" value={newName} onChange={(e) => setNewName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && create()} />
            <button type="button" onClick={create}>
              New workspace
            </button>
          </div>
        </section>
        <section aria-label="Workbooks">
          {workspaceId && workbooks === null ? <p className="sync-muted">Loading workbooks…</p> : null}
          <ul className="sync-list">
            {workbooks?.map((wb) => (
              <li key={wb.id} className="sync-row">
                <span>{wb.name}</span>
                <button type="button" aria-label={`Open ${wb.name}`} disabled={progress !== null} onClick={() => open(wb)}>
                  Open
                </button>
              </li>
            ))}
          </ul>
          {workbooks?.length === 0 ? <p className="sync-muted">No workbooks in this workspace. Use “Share workbook” to add the open one.</p> : null}
        </section>
      </div>
      {progress ? <ProgressLine value={progress.value} label={progress.label} /> : null}
      {error ? <p role="alert" className="sync-error">{error}</p> : null}
    </Dialog>
  );
}
