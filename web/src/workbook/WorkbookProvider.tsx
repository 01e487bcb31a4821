/**
 * Opens the current local workbook (id in localStorage `tessera.currentWorkbook`, created on first
 * run as "Untitled workbook") and hands its Y.Doc and projections down through context.
 */
import type { DatasetEntry, WorkbookSnapshot } from '@tessera/shared';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { AttachStates, type AttachInfo, type AttachState } from './attach-state';
import { currentWorkbookId, openLocalWorkbook, type LocalWorkbook } from './open-local-workbook';
import { WorkbookStore } from './workbook-store';

interface WorkbookContextValue {
  workbook: LocalWorkbook;
  store: WorkbookStore;
  attach: AttachStates;
}

const WorkbookContext = createContext<WorkbookContextValue | null>(null);

// One open per workbook id per tab: StrictMode's double mount must not open (and initialise) twice.
const opening = new Map<string, Promise<LocalWorkbook>>();

function openOnce(id: string): Promise<LocalWorkbook> {
  let promise = opening.get(id);
  if (!promise) {
    promise = openLocalWorkbook(id);
    promise.catch(() => opening.delete(id));
    opening.set(id, promise);
  }
  return promise;
}

export function WorkbookProvider({ children, workbook, workbookId }: { children: ReactNode; workbook?: LocalWorkbook; workbookId?: string }) {
  const [opened, setOpened] = useState<LocalWorkbook | undefined>(workbook);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (workbook) return;
    let live = true;
    openOnce(workbookId ?? currentWorkbookId()).then(
      (wb) => live && setOpened(wb),
      (e: unknown) =>
        live && setError(`Tessera could not open this workbook: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`),
    );
    return () => {
      live = false;
    };
  }, [workbook, workbookId]);

  const value = useMemo<WorkbookContextValue | undefined>(
    () => (opened ? { workbook: opened, store: new WorkbookStore(opened.doc), attach: new AttachStates() } : undefined),
    [opened],
  );

  if (error) return <p role="alert">{error}</p>;
  if (!value) return <p className="app-loading" role="status">Opening workbook…</p>;
  return (
    <WorkbookContext.Provider value={value}>
      {opened?.message ? <p role="status" className="workbook-notice">{opened.message}</p> : null}
      {children}
    </WorkbookContext.Provider>
  );
}

function useWorkbookContext(): WorkbookContextValue {
  const value = useContext(WorkbookContext);
  if (!value) throw new Error('workbook hooks must be used inside <WorkbookProvider>');
  return value;
}

export function useWorkbookDoc(): Y.Doc {
  return useWorkbookContext().workbook.doc;
}

/** id, read-only flag and the open message of the current workbook. */
export function useWorkbookInfo(): { id: string; readOnly: boolean; message?: string } {
  const { workbook } = useWorkbookContext();
  return { id: workbook.id, readOnly: workbook.readOnly, message: workbook.message };
}

export function useWorkbookSnapshot(): WorkbookSnapshot {
  const { store } = useWorkbookContext();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useDatasets(): DatasetEntry[] {
  const { store } = useWorkbookContext();
  return useSyncExternalStore(store.subscribe, store.getDatasets);
}

/** The attach states store (used by DatasetAttacher). */
export function useAttachStates(): AttachStates {
  return useWorkbookContext().attach;
}

export function useDatasetAttachInfo(id: string): AttachInfo | undefined {
  const attach = useAttachStates();
  return useSyncExternalStore(attach.subscribe, () => attach.get(id));
}

/** 'loading' | 'ready' | 'missing' | 'error' for one dataset ('loading' until the attacher has looked at it). */
export function useDatasetAttachState(id: string): AttachState {
  return useDatasetAttachInfo(id)?.state ?? 'loading';
}
