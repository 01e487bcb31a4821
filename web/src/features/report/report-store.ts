/**
 * Ephemeral UI state of the report designer (DESIGN §2: nothing of the design itself lives here —
 * that is the Y.Doc): the current page, the selected visuals, the cross-filter selection of each
 * page, the clipboard and what is being dragged on the canvas.
 */
import { type Predicate } from '@tessera/shared';
import { type Scalar } from '@tessera/shared';
import { create } from 'zustand';
import { clickSelection } from './selection';
import type { Rect } from './geometry';

/** A datum clicked in a chart: the other visuals of the page filter by it, the source highlights it. */
export interface CrossFilter {
  sourceVisualId: string;
  predicate: Extract<Predicate, { kind: 'in' }>;
}

/** A live move/resize on the canvas: the visuals show this rect until the pointer is released. */
export interface CanvasDrag {
  rects: Record<string, Rect>;
}

interface ReportState {
  pageId: string | undefined;
  selection: string[];
  crossFilters: Record<string, CrossFilter | undefined>;
  clipboard: string[];
  pasteCount: number;
  drag: CanvasDrag | null;
  /** The last edit that failed (shown as an alert until dismissed). */
  notice: string | null;
  notify(message: string | null): void;
  setPage(pageId: string | undefined): void;
  select(ids: string[]): void;
  clickVisual(id: string, additive: boolean): void;
  clearSelection(): void;
  setCrossFilter(pageId: string, filter: CrossFilter | undefined): void;
  /** Ctrl/cmd-click: adds the value to the source's predicate, or removes it when it is already there. */
  toggleCrossFilterValue(pageId: string, filter: CrossFilter): void;
  copy(ids: string[]): void;
  bumpPaste(): number;
  setDrag(drag: CanvasDrag | null): void;
}

const sameValue = (a: Scalar, b: Scalar): boolean => a === b;

export const useReportStore = create<ReportState>()((set, get) => ({
  pageId: undefined,
  selection: [],
  crossFilters: {},
  clipboard: [],
  pasteCount: 0,
  drag: null,
  notice: null,
  notify(message) {
    set({ notice: message });
  },
  setPage(pageId) {
    if (get().pageId === pageId) return;
    set({ pageId, selection: [], drag: null });
  },
  select(ids) {
    set({ selection: ids });
  },
  clickVisual(id, additive) {
    set({ selection: clickSelection(get().selection, id, additive) });
  },
  clearSelection() {
    if (get().selection.length > 0) set({ selection: [] });
  },
  setCrossFilter(pageId, filter) {
    set({ crossFilters: { ...get().crossFilters, [pageId]: filter } });
  },
  toggleCrossFilterValue(pageId, filter) {
    const current = get().crossFilters[pageId];
    const sameSource =
      current &&
      current.sourceVisualId === filter.sourceVisualId &&
      current.predicate.field.datasetId === filter.predicate.field.datasetId &&
      current.predicate.field.column === filter.predicate.field.column;
    if (!sameSource) {
      get().setCrossFilter(pageId, filter);
      return;
    }
    const values = [...current.predicate.values];
    for (const value of filter.predicate.values) {
      const at = values.findIndex((v) => sameValue(v, value));
      if (at >= 0) values.splice(at, 1);
      else values.push(value);
    }
    get().setCrossFilter(pageId, values.length === 0 ? undefined : { ...current, predicate: { ...current.predicate, values } });
  },
  copy(ids) {
    set({ clipboard: [...ids], pasteCount: 0 });
  },
  bumpPaste() {
    const next = get().pasteCount + 1;
    set({ pasteCount: next });
    return next;
  },
  setDrag(drag) {
    set({ drag });
  },
}));
