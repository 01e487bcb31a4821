import { useState, type ReactNode } from 'react';
import { useDatasetStore } from '../../engine/EngineProvider';
import { useWorkbookDoc, useWorkbookInfo } from '../../workbook';
import { localWorkbookRegistry } from '../home';
import { purgeWorkbook } from '../home/local-workbooks';
import { readDirty } from '../files/files-store';
import { readUnsynced, serverLinkOf } from '../sync/server-links';
import { formatBytes, snapshotDeleteWarning, usageRatio, workbookDeleteWarning, type SnapshotRow } from './storage-report';
import { useStorageReport } from './use-storage-report';
import type { WorkbookSize } from './workbook-uses';

type Pending = { kind: 'snapshot'; row: SnapshotRow } | { kind: 'workbook'; workbook: WorkbookSize };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Settings › Storage: persistence, usage against quota, stored dataset snapshots and workbooks. */
export function StorageSection(): ReactNode {
  const store = useDatasetStore();
  const doc = useWorkbookDoc();
  const { id } = useWorkbookInfo();
  const { report, error, refresh } = useStorageReport(store, { id, doc });
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const persist = async (): Promise<void> => {
    const granted = await store.requestPersistence();
    setNotice(
      granted
        ? 'The browser will keep Tessera’s data on this device.'
        : 'The browser did not agree to keep the data for good (it decides from how often you use Tessera, or whether it is installed). Save your workbooks to files to be safe.',
    );
    refresh();
  };

  const confirmDelete = async (): Promise<void> => {
    if (!pending) return;
    setBusy(true);
    try {
      if (pending.kind === 'snapshot') {
        await store.delete(pending.row.id, pending.row.version);
        setNotice(`Deleted the snapshot of ${pending.row.name ?? pending.row.id}.`);
      } else {
        await purgeWorkbook(localWorkbookRegistry(), store, pending.workbook.id, { id, doc });
        setNotice(`Deleted the workbook “${pending.workbook.name}”.`);
      }
    } catch (caught) {
      setNotice(`Nothing was deleted: ${messageOf(caught)}`);
    } finally {
      setBusy(false);
      setPending(null);
      refresh();
    }
  };

  if (error) return <p role="alert">{error}</p>;
  if (!report) return <p role="status">Reading storage…</p>;
  const ratio = usageRatio(report.usage, report.quota);

  return (
    <section className="settings__section" aria-labelledby="settings-storage">
      <h3 id="settings-storage">Storage</h3>
      <p>
        {report.persisted ? (
          <span data-testid="persistence">Persistent storage granted: the browser will not evict Tessera’s data.</span>
        ) : (
          <>
            <span data-testid="persistence">Not persistent: the browser may clear Tessera’s data when space runs low. </span>
            <button type="button" className="btn btn--small" onClick={() => void persist()}>
              Keep data on this device
            </button>
          </>
        )}
      </p>
      <div className="settings__usage">
        <meter aria-label="Storage used" min={0} max={1} value={ratio} low={0.7} high={0.9} optimum={0} />
        <span data-testid="storage-usage" data-bytes={report.usage}>
          {formatBytes(report.usage)} used of {report.quota > 0 ? formatBytes(report.quota) : 'an unknown quota'} ({Math.round(ratio * 100)}%)
        </span>
      </div>
      {notice ? <p role="status">{notice}</p> : null}
      {pending ? <ConfirmDelete pending={pending} busy={busy} onConfirm={() => void confirmDelete()} onCancel={() => setPending(null)} /> : null}

      <h4>Datasets ({store.kind === 'opfs' ? 'Origin Private File System' : 'IndexedDB'})</h4>
      {report.snapshots.length === 0 ? (
        <p className="muted">No dataset snapshots are stored.</p>
      ) : (
        <table className="settings__table" aria-label="Stored datasets">
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col">Version</th>
              <th scope="col">Size</th>
              <th scope="col">Used by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {report.snapshots.map((row) => {
              const label = row.name ?? row.id;
              return (
                <tr key={`${row.id}@${row.version}`} aria-label={`${label} ${row.version}`}>
                  <th scope="row" title={row.id}>
                    {label}
                  </th>
                  <td title={row.version}>{row.version.slice(0, 12)}</td>
                  <td data-bytes={row.bytes}>{formatBytes(row.bytes)}</td>
                  <td>{row.usedBy.length === 0 ? 'unused' : [...new Set(row.usedBy.map((u) => u.workbookName))].join(', ')}</td>
                  <td>
                    <button type="button" className="btn btn--small" aria-label={`Delete dataset ${label} ${row.version}`} onClick={() => setPending({ kind: 'snapshot', row })}>
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h4>Workbooks</h4>
      <table className="settings__table" aria-label="Stored workbooks">
        <thead>
          <tr>
            <th scope="col">Workbook</th>
            <th scope="col">Size (estimate)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.workbooks.map((wb) => (
            <tr key={wb.id} aria-label={wb.name}>
              <th scope="row">
                {wb.name}
                {wb.open ? ' (open)' : ''}
              </th>
              <td data-bytes={wb.bytes}>{formatBytes(wb.bytes)}</td>
              <td>
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={`Delete workbook ${wb.name}`}
                  disabled={wb.open}
                  title={wb.open ? 'The open workbook cannot be deleted: open another one first (Home).' : undefined}
                  onClick={() => setPending({ kind: 'workbook', workbook: wb })}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ConfirmDelete({ pending, busy, onConfirm, onCancel }: { pending: Pending; busy: boolean; onConfirm: () => void; onCancel: () => void }): ReactNode {
  let title: string;
  let warning: string;
  if (pending.kind === 'snapshot') {
    title = `Delete the stored data of ${pending.row.name ?? pending.row.id} (${formatBytes(pending.row.bytes)})?`;
    warning = snapshotDeleteWarning(pending.row, readDirty(pending.row.openUses[0]?.workbookId ?? '')) || 'No workbook uses this snapshot.';
  } else {
    title = `Delete the workbook “${pending.workbook.name}” from this device?`;
    const id = pending.workbook.id;
    warning = workbookDeleteWarning({ dirtyToFile: readDirty(id), shared: serverLinkOf(id) !== undefined, unsyncedEdits: readUnsynced(id) });
  }
  return (
    <div className="settings__confirm" role="group" aria-label="Confirm deletion">
      <p>
        <strong>{title}</strong> {warning} This cannot be undone.
      </p>
      <button type="button" className="btn btn--danger btn--small" disabled={busy} onClick={onConfirm}>
        Delete for good
      </button>
      <button type="button" className="btn btn--small" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
