/**
 * Ephemeral state of the Data view: which dataset is open and, per dataset, its sort, filters and
 * the column whose statistics are shown. Not part of the workbook design, so not in the Y.Doc.
 */
import { create } from 'zustand';
import type { GridSort } from '../../ui/grid-geometry';
import type { ColumnFilter } from './filter-sql';

export interface DatasetViewState {
  sort: GridSort | null;
  filters: ColumnFilter[];
  column?: string;
  /** the column whose filter editor is open */
  editing?: string;
}

export const EMPTY_VIEW: DatasetViewState = { sort: null, filters: [] };

interface DataViewStore {
  selectedId?: string;
  byDataset: Record<string, DatasetViewState>;
  select(id: string | undefined): void;
  update(id: string, change: Partial<DatasetViewState>): void;
  /** Sets (or with `null` removes) the filter of one column. */
  setFilter(id: string, column: string, filter: ColumnFilter | null): void;
  forget(id: string): void;
}

export const useDataViewStore = create<DataViewStore>()((set) => ({
  byDataset: {},
  select: (id) => set({ selectedId: id }),
  update: (id, change) => set((state) => ({ byDataset: { ...state.byDataset, [id]: { ...(state.byDataset[id] ?? EMPTY_VIEW), ...change } } })),
  setFilter: (id, column, filter) =>
    set((state) => {
      const current = state.byDataset[id] ?? EMPTY_VIEW;
      const others = current.filters.filter((entry) => entry.column !== column);
      return { byDataset: { ...state.byDataset, [id]: { ...current, filters: filter ? [...others, filter] : others } } };
    }),
  forget: (id) =>
    set((state) => {
      const rest = { ...state.byDataset };
      delete rest[id];
      return { byDataset: rest, selectedId: state.selectedId === id ? undefined : state.selectedId };
    }),
}));

export function useDatasetViewState(id: string | undefined): DatasetViewState {
  return useDataViewStore((state) => (id ? (state.byDataset[id] ?? EMPTY_VIEW) : EMPTY_VIEW));
}
