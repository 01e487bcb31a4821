/**
 * ONE Y.UndoManager per workbook document, shared by every pane (report canvas, fields, wells,
 * and later the format pane). `UndoProvider` may wrap the app to make it explicit; without it,
 * `useUndoManager()` still returns the same per-document instance (cached in a WeakMap).
 */
import { createUndoManager } from '@tessera/shared';
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useWorkbookDoc } from '../../workbook';

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/** The undo manager of a workbook document (created on first use). */
export function workbookUndoManager(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    manager = createUndoManager(doc);
    managers.set(doc, manager);
  }
  return manager;
}

const UndoContext = createContext<Y.UndoManager | null>(null);

export function UndoProvider({ children }: { children: ReactNode }): ReactNode {
  const doc = useWorkbookDoc();
  const manager = useMemo(() => workbookUndoManager(doc), [doc]);
  return <UndoContext.Provider value={manager}>{children}</UndoContext.Provider>;
}

export function useUndoManager(): Y.UndoManager {
  const fromContext = useContext(UndoContext);
  const doc = useWorkbookDoc();
  return fromContext ?? workbookUndoManager(doc);
}

/** Whether undo / redo are possible now (re-renders when the stacks change). */
export function useUndoState(): { canUndo: boolean; canRedo: boolean } {
  const manager = useUndoManager();
  const key = useSyncExternalStore(
    (onChange) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared', 'stack-item-updated'] as const;
      for (const e of events) manager.on(e, onChange);
      return () => {
        for (const e of events) manager.off(e, onChange);
      };
    },
    () => `${manager.canUndo() ? 1 : 0}${manager.canRedo() ? 1 : 0}`,
  );
  return { canUndo: key[0] === '1', canRedo: key[1] === '1' };
}
