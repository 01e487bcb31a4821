/**
 * The Model view's toolbar: Undo, Redo, New measure, New relationship, Autodetect. Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z
 * (⌘ on macOS) undo and redo here as in the report: measures and relationships alike, one step per edit.
 */
import { useEffect, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { useUndoManager, useUndoState } from '../report/undo';
import { isEditableTarget } from '../report/use-report-keys';
import { useReadOnly } from '../sync/sync-store';
import './model.css';

/** Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z while the Model view is shown (not in a text field, not under a dialog). */
function useUndoKeys(): void {
  const undo = useUndoManager();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditableTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo.undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) undo.redo();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo]);
}

export interface ModelToolbarProps {
  onNewMeasure: () => void;
  onNewRelationship: () => void;
  onAutodetect: () => void;
  /** Autodetect is running: its button waits. */
  detecting: boolean;
}

export function ModelToolbar({ onNewMeasure, onNewRelationship, onAutodetect, detecting }: ModelToolbarProps): ReactNode {
  const undo = useUndoManager();
  const { canUndo, canRedo } = useUndoState();
  const readOnly = useReadOnly();
  const tables = Object.keys(useWorkbookSnapshot().datasets).length;
  useUndoKeys();
  const twoTables = tables >= 2 ? undefined : 'Import at least two tables first';
  return (
    <div className="model__toolbar" role="toolbar" aria-label="Model">
      <button type="button" className="btn" onClick={() => undo.undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button type="button" className="btn" onClick={() => undo.redo()} disabled={!canRedo} title="Redo (Ctrl+Y)">
        <span aria-hidden="true">↷</span> Redo
      </button>
      <button type="button" className="btn btn--primary" onClick={onNewMeasure} disabled={readOnly || tables === 0} title={tables > 0 ? 'New measure' : 'Import data first'}>
        <span aria-hidden="true">ƒx</span> New measure
      </button>
      <button type="button" className="btn" onClick={onNewRelationship} disabled={readOnly || tables < 2} title={twoTables ?? 'Relate a column of one table to a column of another'}>
        <span aria-hidden="true">⇄</span> New relationship
      </button>
      <button
        type="button"
        className="btn"
        onClick={onAutodetect}
        disabled={readOnly || tables < 2 || detecting}
        aria-busy={detecting || undefined}
        title={twoTables ?? 'Relate columns with the same name where one side has unique values'}
      >
        {detecting ? 'Detecting…' : 'Autodetect'}
      </button>
    </div>
  );
}
