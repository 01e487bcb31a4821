/**
 * One visual on the canvas: absolutely positioned (page pixels × scale), a header that moves it
 * when dragged, resize handles when it is the only selection, click / shift- / ctrl-click selection.
 * Moves and resizes snap to the grid live and are committed as ONE command batch on release.
 */
import { moveVisual, resizeVisual, type Visual, type WorkbookSnapshot } from '@tessera/shared';
import { memo, useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { HANDLES, movedRect, resizedRect, type Handle, type Rect, type Size } from './geometry';
import { useReportStore } from './report-store';
import { useEdit } from './use-edit';
import { VisualBody } from './VisualBody';
import { deleteVisuals } from './report-actions';
import { openVisualMenu, withGuides } from './canvas-ops';
import { DrillButtons } from './drill/DrillButtons';
import { InteractionIcons } from './interactions/EditInteractions';
import { VisualHeaderActions } from './focus/VisualHeaderActions';
import { EditSpecButton } from './extras';
import { visualFrameStyle } from './format/frame-style';
import { useChartTheme } from './format/use-chart-theme';
import { PeerOutline } from '../sync/PeerOutline';

const HEADER_H = 28;
const DRAG_THRESHOLD = 3;

interface VisualContainerProps {
  visual: Visual;
  snapshot: WorkbookSnapshot;
  label: string;
  heading: string;
  scale: number;
  page: Size;
  selected: boolean;
  onlySelected: boolean;
  liveRect: Rect | undefined;
}

function VisualContainerImpl({ visual, snapshot, label, heading, scale, page, selected, onlySelected, liveRect }: VisualContainerProps): ReactNode {
  const edit = useEdit();
  const chartTheme = useChartTheme();
  const gesture = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const rect = liveRect ?? visual;

  const startGesture = (event: ReactPointerEvent, compute: (starts: Record<string, Rect>, dx: number, dy: number) => Record<string, Rect>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const store = useReportStore.getState();
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    if (!store.selection.includes(visual.id) || additive) store.clickVisual(visual.id, additive);
    const ids = useReportStore.getState().selection.includes(visual.id) ? useReportStore.getState().selection : [];
    const visuals = snapshot.visuals;
    const starts: Record<string, Rect> = {};
    for (const id of ids) {
      const v = visuals[id];
      if (v) starts[id] = { x: v.x, y: v.y, w: v.w, h: v.h };
    }
    if (Object.keys(starts).length === 0) return;
    gesture.current = { x: event.clientX, y: event.clientY, moved: false };
    let latest: Record<string, Rect> = starts;
    const move = (e: PointerEvent) => {
      const g = gesture.current;
      if (!g) return;
      const dx = (e.clientX - g.x) / scale;
      const dy = (e.clientY - g.y) / scale;
      if (!g.moved && Math.hypot(e.clientX - g.x, e.clientY - g.y) < DRAG_THRESHOLD) return;
      g.moved = true;
      latest = compute(starts, dx, dy);
      useReportStore.getState().setDrag({ rects: latest });
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      const g = gesture.current;
      gesture.current = null;
      useReportStore.getState().setDrag(null);
      if (!g?.moved) return;
      edit((doc) => {
        for (const [id, r] of Object.entries(latest)) {
          const s = starts[id];
          if (r.x !== s.x || r.y !== s.y) moveVisual(doc, id, r.x, r.y);
          if (r.w !== s.w || r.h !== s.h) resizeVisual(doc, id, r.w, r.h);
        }
      });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const onHeaderDown = (event: ReactPointerEvent) =>
    startGesture(event, (starts, dx, dy) =>
      withGuides(
        Object.fromEntries(Object.entries(starts).map(([id, r]) => [id, movedRect(r, dx, dy, page)])),
        Object.values(snapshot.visuals).filter((v) => v.pageId === visual.pageId),
        page,
      ),
    );

  const onHandleDown = (handle: Handle) => (event: ReactPointerEvent) =>
    startGesture(event, (starts, dx, dy) => {
      const start = starts[visual.id];
      return start ? { [visual.id]: resizedRect(start, handle, dx, dy, page) } : starts;
    });

  const onBodyDown = (event: ReactPointerEvent) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    const store = useReportStore.getState();
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    if (additive || !store.selection.includes(visual.id) || store.selection.length > 1) store.clickVisual(visual.id, additive);
  };

  const width = rect.w * scale;
  const height = rect.h * scale;
  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      className={`visual${selected ? ' visual--selected' : ''}${liveRect ? ' visual--dragging' : ''}`}
      style={{ ...visualFrameStyle(visual.format, chartTheme), left: rect.x * scale, top: rect.y * scale, width, height, zIndex: visual.z }}
      onPointerDown={onBodyDown}
      onContextMenu={(e) => openVisualMenu(e, visual.id)}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          useReportStore.getState().clickVisual(visual.id, e.shiftKey || e.ctrlKey || e.metaKey);
        }
      }}
      data-visual-id={visual.id}
      data-x={rect.x}
      data-y={rect.y}
      data-z={visual.z}
    >
      <PeerOutline visualId={visual.id} />
      <div className="visual__header" onPointerDown={onHeaderDown} title="Drag to move">
        <span className="visual__title">{heading}</span>
        <InteractionIcons visual={visual} snapshot={snapshot} />
        <DrillButtons visual={visual} snapshot={snapshot} />
        {visual.type === 'custom' ? <EditSpecButton visualId={visual.id} label={label} /> : null}
        <VisualHeaderActions visualId={visual.id} label={label} />
        {selected ? (
          <button
            type="button"
            className="visual__remove"
            aria-label={`Remove ${label}`}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => edit((doc) => deleteVisuals(doc, [visual.id]))}
          >
            ×
          </button>
        ) : null}
      </div>
      <div className="visual__body">
        <VisualBody visual={visual} snapshot={snapshot} label={label} width={width - 10} height={height - HEADER_H - 6} />
      </div>
      {onlySelected
        ? HANDLES.map((h) => <span key={h} className={`visual__handle visual__handle--${h}`} onPointerDown={onHandleDown(h)} aria-hidden="true" />)
        : null}
    </div>
  );
}

export const VisualContainer = memo(VisualContainerImpl);
