/**
 * Ephemeral drill state of each visual (not saved in the workbook, like Power BI Desktop's view
 * state): the level shown, the values drilled into, expanded levels, and whether "Drill down"
 * mode is on (a click on a data point then drills into it).
 */
import { create } from 'zustand';
import { TOP_STATE, type DrillState } from './hierarchy';

interface DrillStore {
  states: Record<string, DrillState | undefined>;
  /** Visuals whose "Drill down" mode is on. */
  drillMode: Record<string, boolean | undefined>;
  set(visualId: string, state: DrillState): void;
  reset(visualId: string): void;
  setDrillMode(visualId: string, on: boolean): void;
  /** After a drill-through: the page to go back to (shown as "Back" on the target page). */
  back: { fromPageId: string; toPageId: string } | null;
  setBack(back: { fromPageId: string; toPageId: string } | null): void;
}

export const useDrillStore = create<DrillStore>()((set, get) => ({
  states: {},
  drillMode: {},
  set(visualId, state) {
    set({ states: { ...get().states, [visualId]: state } });
  },
  reset(visualId) {
    set({ states: { ...get().states, [visualId]: undefined }, drillMode: { ...get().drillMode, [visualId]: false } });
  },
  back: null,
  setBack(back) {
    set({ back });
  },
  setDrillMode(visualId, on) {
    set({ drillMode: { ...get().drillMode, [visualId]: on } });
  },
}));

export const drillStateOf = (visualId: string): DrillState => useDrillStore.getState().states[visualId] ?? TOP_STATE;
