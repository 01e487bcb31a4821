/**
 * The page canvas: the page at its size, scaled to fit the view (positions are scaled, not
 * CSS-transformed, so Vega's pointer maths stays right), white with an 8-px grid. Accepts visual
 * types and fields dropped from the panes (react-dnd); a click on empty canvas clears the selection.
 */
import { visualsOnPage, type Page, type WorkbookSnapshot } from '@tessera/shared';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useDrop } from 'react-dnd';
import { DND, type FieldItem, type VisualTypeItem } from './dnd';
import { fitScale, GRID } from './geometry';
import { addVisualAt, addVisualForField } from './report-actions';
import { useReportStore } from './report-store';
import { useEdit } from './use-edit';
import { VisualContainer } from './VisualContainer';
import { CanvasOverlay, startMarquee, VisualContextMenu } from './canvas-ops';
import { visualHeading, visualLabels } from './visual-labels';
import { pageBackground } from './format/frame-style';
import { useChartTheme } from './format/use-chart-theme';

const MARGIN = 24;

export function Canvas({ page, snapshot }: { page: Page; snapshot: WorkbookSnapshot }): ReactNode {
  const backdrop = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement | null>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });
  const selection = useReportStore((s) => s.selection);
  const drag = useReportStore((s) => s.drag);
  const edit = useEdit();
  const chartTheme = useChartTheme();
  const size = page.size;

  useLayoutEffect(() => {
    const el = backdrop.current;
    if (!el) return;
    const measure = () => setBox({ width: el.clientWidth - 2 * MARGIN, height: el.clientHeight - 2 * MARGIN });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Fit the width (Power BI's "fit to width"); a tall page scrolls.
  const scale = box.width > 0 ? fitScale(size, { width: box.width, height: Number.POSITIVE_INFINITY }) : 1;
  const visuals = useMemo(() => visualsOnPage(snapshot, page.id), [snapshot, page.id]);
  const labels = useMemo(() => visualLabels(visuals), [visuals]);

  const [{ over }, drop] = useDrop<VisualTypeItem | FieldItem, void, { over: boolean }>(
    () => ({
      accept: [DND.visualType, DND.field],
      drop(item, monitor) {
        if (monitor.didDrop()) return;
        const offset = monitor.getClientOffset();
        const el = canvas.current;
        if (!offset || !el) return;
        const r = el.getBoundingClientRect();
        const point = { x: (offset.x - r.left) / scale, y: (offset.y - r.top) / scale };
        const id = edit((doc) =>
          'type' in item ? addVisualAt(doc, page.id, item.type, point, size) : addVisualForField(doc, page.id, item.field, item.kind, point, size),
        );
        if (id) useReportStore.getState().select([id]);
      },
      collect: (monitor) => ({ over: monitor.isOver({ shallow: true }) }),
    }),
    [page.id, scale, size, edit],
  );

  const setCanvas = (el: HTMLDivElement | null) => {
    canvas.current = el;
    drop(el);
  };

  return (
    <div className="report__backdrop" ref={backdrop}>
      <div
        ref={setCanvas}
        role="region"
        aria-label={`Canvas of page ${page.name}`}
        className={`report__canvas${over ? ' report__canvas--over' : ''}`}
        style={{ width: size.width * scale, height: size.height * scale, backgroundSize: `${GRID * scale}px ${GRID * scale}px`, backgroundColor: pageBackground(page, chartTheme) }}
        onPointerDown={(e) => {
          if (canvas.current) startMarquee(e, canvas.current, scale, visuals);
        }}
      >
        {visuals.map((v) => (
          <VisualContainer
            key={v.id}
            visual={v}
            snapshot={snapshot}
            label={labels.get(v.id) ?? v.id}
            heading={visualHeading(v, snapshot)}
            scale={scale}
            page={size}
            selected={selection.includes(v.id)}
            onlySelected={selection.length === 1 && selection[0] === v.id}
            liveRect={drag?.rects[v.id]}
          />
        ))}
        {visuals.length === 0 ? (
          <div className="report__empty">
            <p className="report__empty-title">Build visuals on this page</p>
            <p className="muted">
              {Object.keys(snapshot.datasets).length === 0
                ? 'Import data first (“Import data” in the top bar), then drag fields here.'
                : 'Drag a visual type from Visualizations, or a field from Fields, onto the canvas.'}
            </p>
          </div>
        ) : null}
        <CanvasOverlay scale={scale} />
      </div>
      <VisualContextMenu page={page} />
    </div>
  );
}
