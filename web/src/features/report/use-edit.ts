/**
 * Runs one user gesture's edits (one or more shared commands) as ONE undo step, and turns a
 * CommandError into a notice the report view shows instead of losing the gesture silently.
 */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useWorkbookDoc } from '../../workbook';
import { useReportStore } from './report-store';
import { useUndoManager } from './undo';
import { isReadOnly, READ_ONLY_REASON } from '../sync/sync-store';

export function useEdit(): <T>(fn: (doc: Y.Doc) => T) => T | undefined {
  const doc = useWorkbookDoc();
  const undo = useUndoManager();
  const notify = useReportStore((s) => s.notify);
  return useCallback(
    <T,>(fn: (doc: Y.Doc) => T): T | undefined => {
      if (isReadOnly()) {
        notify(READ_ONLY_REASON);
        return undefined;
      }
      undo.stopCapturing();
      try {
        const out = fn(doc);
        undo.stopCapturing();
        return out;
      } catch (error) {
        notify(error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
    [doc, undo, notify],
  );
}
