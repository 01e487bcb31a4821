import { useState, type ReactNode } from 'react';
import { useDatasetStore, useEngine } from '../../engine/EngineProvider';
import { useWorkbookDoc, useWorkbookInfo, useWorkbookSnapshot } from '../../workbook';
import { errorText } from './api-client';
import { shareWorkbook } from './dataset-transfer';
import { Dialog, ProgressLine } from './Dialog';
import { serverLinkOf } from './server-links';
import { useSyncStore } from './sync-store';
import { useMe } from './use-me';

/** Puts the open workbook into a workspace (keeping its id), uploads its data, then sync starts. */
export function ShareDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { me } = useMe();
  const doc = useWorkbookDoc();
  const { id } = useWorkbookInfo();
  const name = useWorkbookSnapshot().meta.name;
  const engine = useEngine();
  const store = useDatasetStore();
  const [workspaceId, setWorkspaceId] = useState('');
  const [progress, setProgress] = useState<{ value: number; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const writable = me?.workspaces.filter((ws) => ws.role !== 'viewer') ?? [];
  const chosen = workspaceId || writable[0]?.id || '';

  const share = (): void => {
    if (!chosen) return setError('Create a workspace first (Workspaces → New workspace).');
    setError(null);
    shareWorkbook({ workspaceId: chosen, localId: id, name, doc, engine, store, onProgress: (value, label) => setProgress({ value, label }) }).then(
      () => {
        useSyncStore.getState().set({ link: serverLinkOf(id) ?? null });
        onClose();
      },
      (e: unknown) => {
        setProgress(null);
        setError(`Sharing failed: ${errorText(e)} Nothing local was changed; try again.`);
      },
    );
  };

  return (
    <Dialog title="Share workbook" onClose={onClose}>
      <label className="sync-form">
        Workspace
        <select value={chosen} onChange={(e) => setWorkspaceId(e.target.value)}>
          {writable.map((ws) => (
            <option key={ws.id} value={ws.id}>
              {ws.name}
            </option>
          ))}
        </select>
      </label>
      {me && writable.length === 0 ? <p className="sync-muted">You have no workspace you can edit. Create one in Workspaces.</p> : null}
      {progress ? <ProgressLine value={progress.value} label={progress.label} /> : null}
      {error ? <p role="alert" className="sync-error">{error}</p> : null}
      <button type="button" className="btn btn--primary" disabled={progress !== null || !chosen} onClick={share}>
        Share
      </button>
    </Dialog>
  );
}
