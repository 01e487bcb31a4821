/**
 * Keyboard of the report designer (while the report view is shown): Delete removes the selection,
 * Ctrl+C / Ctrl+V / Ctrl+D copy, paste, duplicate, arrows nudge 1 px (Shift: one grid step),
 * Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo, Escape clears the selection. Keys typed into a text
 * field, a select or a checkbox list are left alone.
 */
import { useEffect } from 'react';
import { type Page } from '@tessera/shared';
import { nudgeDelta } from './geometry';
import { deleteVisuals, duplicateVisuals, nudgeVisuals } from './report-actions';
import { useReportStore } from './report-store';
import { useEdit } from './use-edit';
import { useUndoManager } from './undo';

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

export function useReportKeys(page: Page | undefined): void {
  const edit = useEdit();
  const undo = useUndoManager();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditableTarget(event.target) || !page) return;
      if (document.querySelector('[role="dialog"]')) return;
      const store = useReportStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const selection = store.selection;
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo.undo();
        return;
      }
      if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
        event.preventDefault();
        undo.redo();
        return;
      }
      if (mod && key === 'c' && selection.length > 0) {
        if (window.getSelection()?.toString()) return; // copying text the user selected
        event.preventDefault();
        store.copy(selection);
        return;
      }
      if (mod && key === 'v' && store.clipboard.length > 0) {
        event.preventDefault();
        const times = store.bumpPaste();
        const ids = edit((doc) => duplicateVisuals(doc, store.clipboard, page.id, page.size, times));
        if (ids) store.select(ids);
        return;
      }
      if (mod && key === 'd' && selection.length > 0) {
        event.preventDefault();
        const ids = edit((doc) => duplicateVisuals(doc, selection, page.id, page.size));
        if (ids) store.select(ids);
        return;
      }
      if ((event.key === 'Delete' || event.key === 'Backspace') && selection.length > 0) {
        event.preventDefault();
        edit((doc) => deleteVisuals(doc, selection));
        store.clearSelection();
        return;
      }
      if (event.key === 'Escape' && selection.length > 0) {
        store.clearSelection();
        return;
      }
      const delta = nudgeDelta(event.key, event.shiftKey);
      if (delta && selection.length > 0 && !mod) {
        event.preventDefault();
        edit((doc) => nudgeVisuals(doc, selection, delta.dx, delta.dy, page.size));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [edit, undo, page]);
}
