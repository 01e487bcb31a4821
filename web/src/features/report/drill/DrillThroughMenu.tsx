/**
 * The right-click menu of a data point: "Drill through › <page>" for each drill-through target page;
 * choosing one applies the clicked values as that page's drill-through filters and opens it (a
 * "Back" button in the report toolbar returns).
 */
import { setPageFilters, type Page, type ResultField, type Visual } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useWorkbookSnapshot } from '../../../workbook';
import { useReportStore } from '../report-store';
import { useEdit } from '../use-edit';
import { useDrillStore } from './drill-store';
import { drillThroughFilters, drillThroughTargets, type DrillThroughTarget } from './drill-through';

interface Open {
  x: number;
  y: number;
  targets: DrillThroughTarget[];
}

export function useDrillThroughMenu(visual: Visual, fields: readonly ResultField[]): { open: (datum: unknown, x: number, y: number) => boolean; menu: ReactNode } {
  const snapshot = useWorkbookSnapshot();
  const edit = useEdit();
  const [open, setOpen] = useState<Open | null>(null);
  const pages = snapshot.pageOrder.map((id) => snapshot.pages[id]).filter((p): p is Page => p !== undefined);

  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [open]);

  const go = (target: DrillThroughTarget) => {
    setOpen(null);
    const ok = edit((doc) => {
      setPageFilters(doc, target.page.id, drillThroughFilters(target.page, target.values));
      return true;
    });
    if (!ok) return;
    useDrillStore.getState().setBack({ fromPageId: visual.pageId, toPageId: target.page.id });
    useReportStore.getState().setPage(target.page.id);
  };

  const menu = open
    ? createPortal(
        <div className="drill-menu__backdrop" onPointerDown={() => setOpen(null)} onContextMenu={(e) => e.preventDefault()}>
          <div className="drill-menu" role="menu" aria-label="Drill through" style={{ left: open.x, top: open.y }} onPointerDown={(e) => e.stopPropagation()}>
            <div className="drill-menu__title" aria-hidden="true">
              Drill through ›
            </div>
            {open.targets.map((t) => (
              <button key={t.page.id} type="button" role="menuitem" className="drill-menu__item" aria-label={`Drill through › ${t.page.name}`} onClick={() => go(t)}>
                {t.page.name}
              </button>
            ))}
          </div>
        </div>,
        document.body,
      )
    : null;

  return {
    open: (datum, x, y) => {
      const targets = drillThroughTargets(pages, visual.pageId, fields, datum);
      if (targets.length === 0) return false;
      setOpen({ x, y, targets });
      return true;
    },
    menu,
  };
}
