/**
 * Home: the workbooks stored in this browser — new, open, rename, duplicate, delete (with a 10-s
 * undo), and when each was last modified. Opening a workbook reloads the app on it.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { DEFAULT_WORKBOOK_NAME, useWorkbookDoc, useWorkbookInfo } from '../../workbook';
import { createWorkbook, discoverWorkbooks, duplicateWorkbook, renameStoredWorkbook, switchToWorkbook } from './local-workbooks';
import { localWorkbookRegistry, type WorkbookEntry } from './workbook-registry';
import { lastModifiedText, nextUntitledName } from './home-text';
import './home.css';

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^[a-zA-Z]+: /, '');
}

export function HomeView(): ReactNode {
  const registry = localWorkbookRegistry();
  const entries = useSyncExternalStore(registry.subscribe, registry.getAll);
  const { id: openId } = useWorkbookInfo();
  const doc = useWorkbookDoc();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    discoverWorkbooks(registry).catch((e: unknown) => setError(`Tessera could not list the workbooks stored in this browser: ${message(e)}.`));
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [registry]);

  const run = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(`${what} failed: ${message(e)}. Nothing was changed.`);
    } finally {
      setBusy(false);
    }
  };

  const live = entries.filter((e) => e.deletedAt === undefined);
  const pending = entries.filter((e) => e.deletedAt !== undefined);
  const open = { id: openId, doc };

  return (
    <section className="home" aria-label="Home">
      <header className="home__header">
        <h1>Workbooks</h1>
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy}
          onClick={() =>
            void run('Creating the workbook', async () => {
              const id = await createWorkbook(registry, nextUntitledName(live.map((e) => e.name), DEFAULT_WORKBOOK_NAME));
              switchToWorkbook(id);
            })
          }
        >
          New workbook
        </button>
      </header>
      <p className="muted">Stored in this browser; they work offline. Opening a workbook reloads Tessera on it.</p>
      {error ? (
        <p className="message message--error" role="alert">
          {error}
        </p>
      ) : null}
      {pending.map((entry) => (
        <div key={entry.id} className="home__toast" role="status">
          <span>Workbook “{entry.name}” deleted</span>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => registry.upsert({ id: entry.id, deletedAt: undefined })}
            aria-label={`Undo deleting ${entry.name}`}
          >
            Undo
          </button>
        </div>
      ))}
      <table className="home__table" aria-label="Workbooks">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Datasets</th>
            <th scope="col">Last modified</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {live.map((entry) => (
            <WorkbookRow
              key={entry.id}
              entry={entry}
              isOpen={entry.id === openId}
              now={now}
              busy={busy}
              renaming={renaming === entry.id}
              onRenameStart={() => setRenaming(entry.id)}
              onRenameEnd={(name) => {
                setRenaming(null);
                if (name === undefined || name.trim() === '' || name.trim() === entry.name) return;
                void run('Renaming the workbook', () => renameStoredWorkbook(registry, entry.id, name, open));
              }}
              onOpen={() => switchToWorkbook(entry.id)}
              onDuplicate={() => void run('Duplicating the workbook', () => duplicateWorkbook(registry, entry.id, open))}
              onDelete={() => registry.upsert({ id: entry.id, deletedAt: Date.now() })}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface RowProps {
  entry: WorkbookEntry;
  isOpen: boolean;
  now: number;
  busy: boolean;
  renaming: boolean;
  onRenameStart(): void;
  onRenameEnd(name: string | undefined): void;
  onOpen(): void;
  onDuplicate(): void;
  onDelete(): void;
}

function WorkbookRow({ entry, isOpen, now, busy, renaming, onRenameStart, onRenameEnd, onOpen, onDuplicate, onDelete }: RowProps): ReactNode {
  const [draft, setDraft] = useState(entry.name);
  useEffect(() => setDraft(entry.name), [entry.name, renaming]);
  return (
    <tr aria-current={isOpen ? 'true' : undefined} data-workbook-id={entry.id}>
      <td>
        {renaming ? (
          <input
            className="home__rename"
            aria-label={`New name for ${entry.name}`}
            value={draft}
            maxLength={200}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => onRenameEnd(draft)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onRenameEnd(draft);
              if (e.key === 'Escape') onRenameEnd(undefined);
            }}
          />
        ) : (
          <button type="button" className="link-button home__name" onClick={onOpen} disabled={isOpen} aria-label={`Open ${entry.name}`}>
            {entry.name}
          </button>
        )}
        {isOpen ? <span className="home__badge">Open now</span> : null}
      </td>
      <td>{entry.datasetCount ?? '—'}</td>
      <td>
        <time dateTime={new Date(entry.updatedAt).toISOString()} title={entry.updatedAt ? new Date(entry.updatedAt).toLocaleString() : undefined}>
          {lastModifiedText(entry.updatedAt, now)}
        </time>
      </td>
      <td className="home__actions">
        <button type="button" className="btn btn--small btn--quiet" onClick={onRenameStart} disabled={busy} aria-label={`Rename ${entry.name}`}>
          Rename
        </button>
        <button type="button" className="btn btn--small btn--quiet" onClick={onDuplicate} disabled={busy} aria-label={`Duplicate ${entry.name}`}>
          Duplicate
        </button>
        <button
          type="button"
          className="btn btn--small btn--quiet"
          onClick={onDelete}
          disabled={busy || isOpen}
          aria-label={`Delete ${entry.name}`}
          title={isOpen ? 'This workbook is open: open another one to delete it.' : undefined}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

/** Home has no side panes. */
export function HomePanes(): ReactNode {
  return null;
}
