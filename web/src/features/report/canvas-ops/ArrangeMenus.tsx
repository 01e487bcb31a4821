/**
 * The visual context menu (right-click: Copy, Paste, Duplicate, Delete, Bring to front, Send to
 * back) and the toolbar's "Arrange" menu (stacking order, align, distribute). Every edit goes
 * through shared commands in one undo step (useEdit).
 */
import type { Page } from '@tessera/shared';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { deleteVisuals, duplicateVisuals } from '../report-actions';
import { useReportStore } from '../report-store';
import { useEdit } from '../use-edit';
import { ALIGN_MODES, type AlignMode } from './arrange';
import { alignVisuals, distributeVisuals, restackVisuals, type ZOrderOp } from './arrange-actions';
import { useCanvasOps } from './canvas-ops-store';
import { Menu, type MenuItem } from './Menu';
import './canvas-ops.css';

const Z_LABELS: Record<ZOrderOp, string> = { front: 'Bring to front', forward: 'Bring forward', backward: 'Send backward', back: 'Send to back' };
const ALIGN_LABELS: Record<AlignMode, string> = {
  left: 'Align left',
  center: 'Align center',
  right: 'Align right',
  top: 'Align top',
  middle: 'Align middle',
  bottom: 'Align bottom',
};

function useCanvasCommands(page: Page) {
  const edit = useEdit();
  const selection = useReportStore((s) => s.selection);
  const clipboard = useReportStore((s) => s.clipboard);
  return {
    selection,
    clipboard,
    copy: () => useReportStore.getState().copy(selection),
    paste: () => {
      const store = useReportStore.getState();
      const times = store.bumpPaste();
      const ids = edit((doc) => duplicateVisuals(doc, store.clipboard, page.id, page.size, times));
      if (ids) store.select(ids);
    },
    duplicate: () => {
      const ids = edit((doc) => duplicateVisuals(doc, selection, page.id, page.size));
      if (ids) useReportStore.getState().select(ids);
    },
    remove: () => {
      edit((doc) => deleteVisuals(doc, selection));
      useReportStore.getState().clearSelection();
    },
    restack: (op: ZOrderOp) => edit((doc) => restackVisuals(doc, selection, op)),
    align: (mode: AlignMode) => edit((doc) => alignVisuals(doc, selection, mode)),
    distribute: (axis: 'horizontal' | 'vertical') => edit((doc) => distributeVisuals(doc, selection, axis)),
  };
}

/** Right-click menu of the selected visual(s); rendered once by the canvas. */
export function VisualContextMenu({ page }: { page: Page }): ReactNode {
  const menu = useCanvasOps((s) => s.menu);
  const close = useCanvasOps((s) => s.closeMenu);
  const c = useCanvasCommands(page);
  if (!menu || c.selection.length === 0) return null;
  const items: MenuItem[] = [
    { label: 'Copy', shortcut: 'Ctrl+C', onSelect: c.copy },
    { label: 'Paste', shortcut: 'Ctrl+V', onSelect: c.paste, disabled: c.clipboard.length === 0 },
    { label: 'Duplicate', shortcut: 'Ctrl+D', onSelect: c.duplicate },
    { label: 'Delete', shortcut: 'Del', onSelect: c.remove },
    { label: Z_LABELS.front, onSelect: () => c.restack('front'), separated: true },
    { label: Z_LABELS.back, onSelect: () => c.restack('back') },
  ];
  return <Menu label="Visual" items={items} x={menu.x} y={menu.y} onClose={close} />;
}

/** The toolbar's "Arrange" button and menu. */
export function ArrangeMenu({ page }: { page: Page }): ReactNode {
  const button = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const c = useCanvasCommands(page);
  const close = useCallback(() => {
    setAt(null);
    button.current?.focus();
  }, []);
  const n = c.selection.length;
  const items: MenuItem[] = [
    ...(['front', 'forward', 'backward', 'back'] as const).map((op) => ({ label: Z_LABELS[op], onSelect: () => c.restack(op), disabled: n === 0 })),
    ...ALIGN_MODES.map((mode, i) => ({ label: ALIGN_LABELS[mode], onSelect: () => c.align(mode), disabled: n < 2, separated: i === 0 })),
    { label: 'Distribute horizontally', onSelect: () => c.distribute('horizontal'), disabled: n < 3, separated: true },
    { label: 'Distribute vertically', onSelect: () => c.distribute('vertical'), disabled: n < 3 },
  ];
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        title="Stacking order, align and distribute the selected visuals"
        onClick={() => {
          if (at) return close();
          const r = button.current?.getBoundingClientRect();
          setAt({ x: r?.left ?? 0, y: r?.bottom ?? 0 });
        }}
      >
        Arrange <span aria-hidden="true">▾</span>
      </button>
      {at ? <Menu label="Arrange" items={items} x={at.x} y={at.y} onClose={close} /> : null}
    </>
  );
}
