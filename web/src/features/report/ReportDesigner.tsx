/**
 * The report designer: toolbar (Undo / Redo), the canvas of the current page, the page tabs; and
 * its right-hand panes (Fields, Visualizations). Both halves share one react-dnd manager (the
 * HTML5 backend's global singleton) and one undo manager per workbook.
 */
import { type Page } from '@tessera/shared';
import { useEffect, useMemo, type ReactNode } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useWorkbookSnapshot } from '../../workbook';
import { Canvas } from './Canvas';
import { FieldsPane } from './FieldsPane';
import { FiltersPane } from './filters/FiltersPane';
import { PageTabs } from './PageTabs';
import { useReportStore } from './report-store';
import { pruneSelection } from './selection';
import { useUndoManager, useUndoState } from './undo';
import { useCurrentPage } from './use-current-page';
import { useReportKeys } from './use-report-keys';
import { VisualizationsPane } from './VisualizationsPane';
import { FocusLayer } from './focus/FocusLayer';
import { CustomSpecLayer } from './extras';
import { FormatPane } from './format/FormatPane';
import { ArrangeMenu } from './canvas-ops';
import { DrillThroughBack } from './drill/DrillThroughControls';
import { EditInteractionsButton } from './interactions/EditInteractions';
import './report.css';

function UndoRedo(): ReactNode {
  const undo = useUndoManager();
  const page = useCurrentPage();
  const { canUndo, canRedo } = useUndoState();
  return (
    <div className="report__toolbar" role="toolbar" aria-label="Report">
      <button type="button" onClick={() => undo.undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button type="button" onClick={() => undo.redo()} disabled={!canRedo} title="Redo (Ctrl+Y)">
        <span aria-hidden="true">↷</span> Redo
      </button>
      {page ? <ArrangeMenu page={page} /> : null}
      <EditInteractionsButton />
      <DrillThroughBack />
      <CrossFilterStatus />
    </div>
  );
}

function CrossFilterStatus(): ReactNode {
  const page = useCurrentPage();
  const filter = useReportStore((s) => (page ? s.crossFilters[page.id] : undefined));
  const clear = useReportStore((s) => s.setCrossFilter);
  if (!page || !filter) return null;
  return (
    <span className="report__xfilter" role="status">
      Filtered by {filter.predicate.field.column} = {filter.predicate.values.map(String).join(', ')}
      <button type="button" className="link-button" onClick={() => clear(page.id, undefined)}>
        Clear
      </button>
    </span>
  );
}

function Notice(): ReactNode {
  const notice = useReportStore((s) => s.notice);
  const notify = useReportStore((s) => s.notify);
  if (!notice) return null;
  return (
    <div className="report__notice" role="alert">
      <span>{notice}</span>
      <button type="button" className="link-button" onClick={() => notify(null)}>
        Dismiss
      </button>
    </div>
  );
}

export function ReportDesigner(): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const page = useCurrentPage();
  const pages = useMemo(() => snapshot.pageOrder.map((id) => snapshot.pages[id]).filter((p): p is Page => p !== undefined), [snapshot]);
  useReportKeys(page);

  // Keep the selection to visuals of the current page that still exist (undo, remote edits).
  useEffect(() => {
    const store = useReportStore.getState();
    const onPage = new Set(Object.values(snapshot.visuals).filter((v) => v.pageId === page?.id).map((v) => v.id));
    const pruned = pruneSelection(store.selection, onPage);
    if (pruned !== store.selection) store.select(pruned);
  }, [snapshot, page?.id]);

  return (
    <DndProvider backend={HTML5Backend}>
      <section className="report" aria-label="Report">
        <UndoRedo />
        <Notice />
        {page ? (
          <FocusLayer page={page} snapshot={snapshot}>
            <Canvas page={page} snapshot={snapshot} />
          </FocusLayer>
        ) : (
          <p className="empty-state">This workbook has no pages.</p>
        )}
        <PageTabs pages={pages} currentId={page?.id} />
        <CustomSpecLayer />
      </section>
    </DndProvider>
  );
}

export function ReportDesignerPanes(): ReactNode {
  return (
    <DndProvider backend={HTML5Backend}>
      <FieldsPane />
      <VisualizationsPane />
      <FormatPane />
      <FiltersPane />
    </DndProvider>
  );
}
