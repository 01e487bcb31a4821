/**
 * Drill-through controls: the "Back" button on a page opened by a drill-through, and the page's
 * "Drill-through fields" well (shown in the Visualizations pane when no visual is selected).
 */
import { isMeasureRef, setPageDrillThrough, type ColumnFieldRef, type Page } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useDrop } from 'react-dnd';
import { DND, type FieldItem } from '../dnd';
import { useReportStore } from '../report-store';
import { useCurrentPage } from '../use-current-page';
import { useEdit } from '../use-edit';
import { useDrillStore } from './drill-store';

export function DrillThroughBack(): ReactNode {
  const page = useCurrentPage();
  const back = useDrillStore((s) => s.back);
  if (!page || !back || back.toPageId !== page.id) return null;
  return (
    <button
      type="button"
      title="Back to the page you drilled through from"
      onClick={() => {
        useDrillStore.getState().setBack(null);
        useReportStore.getState().setPage(back.fromPageId);
      }}
    >
      <span aria-hidden="true">←</span> Back
    </button>
  );
}

export function DrillThroughWell(): ReactNode {
  const page = useCurrentPage();
  const edit = useEdit();
  const fields = page?.drillThrough ?? [];
  const save = (p: Page, next: ColumnFieldRef[]) => edit((doc) => setPageDrillThrough(doc, p.id, next));
  const [{ over }, drop] = useDrop<FieldItem, void, { over: boolean }>(
    () => ({
      accept: [DND.field],
      canDrop: (item) => !isMeasureRef(item.field),
      drop: (item) => {
        if (!page || isMeasureRef(item.field)) return;
        const ref = { datasetId: item.field.datasetId, column: item.field.column };
        if (fields.some((f) => f.datasetId === ref.datasetId && f.column === ref.column)) return;
        save(page, [...fields, ref]);
      },
      collect: (m) => ({ over: m.isOver() && m.canDrop() }),
    }),
    [page, fields],
  );
  if (!page) return null;
  return (
    <section ref={(el) => void drop(el)} className={`well drill-through-well${over ? ' well--over' : ''}`}>
      <h3 className="well__label">Drill-through fields</h3>
      <ul className="well__list" aria-label="Drill-through fields">
        {fields.map((f, i) => (
          <li key={`${f.datasetId}:${f.column}`} className="well__item">
            <span className="well__item-name">{f.column}</span>
            <button type="button" className="well__remove" aria-label={`Remove ${f.column} from drill-through`} onClick={() => save(page, fields.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
        {fields.length === 0 ? <li className="well__hint">Add fields here to make this page a drill-through target</li> : null}
      </ul>
    </section>
  );
}
