/**
 * Edits of the Model view: each gesture runs its shared commands as ONE step on the workbook's one undo manager (the
 * report's), and answers the CommandError message instead of throwing, so the editor can show it where it applies.
 */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useWorkbookDoc } from '../../workbook';
import { useUndoManager } from '../report/undo';
import { isReadOnly, READ_ONLY_REASON } from '../sync/sync-store';

export type EditResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function useModelEdit(): <T>(fn: (doc: Y.Doc) => T) => EditResult<T> {
  const doc = useWorkbookDoc();
  const undo = useUndoManager();
  return useCallback(
    <T,>(fn: (doc: Y.Doc) => T): EditResult<T> => {
      if (isReadOnly()) return { ok: false, message: READ_ONLY_REASON };
      undo.stopCapturing();
      try {
        const value = fn(doc);
        undo.stopCapturing();
        return { ok: true, value };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    [doc, undo],
  );
}
