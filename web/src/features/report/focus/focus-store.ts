/** Ephemeral state of focus mode (one visual fills the canvas area) and of the "Show data" dialog. */
import { create } from 'zustand';

interface FocusState {
  /** The visual shown in focus mode, or null on the report. */
  focusedId: string | null;
  /** The visual whose data the "Show data" dialog shows, or null when closed. */
  dataOfId: string | null;
  enter(id: string): void;
  leave(): void;
  showData(id: string): void;
  closeData(): void;
}

export const useFocusStore = create<FocusState>()((set) => ({
  focusedId: null,
  dataOfId: null,
  enter(id) {
    set({ focusedId: id });
  },
  leave() {
    set({ focusedId: null });
  },
  showData(id) {
    set({ dataOfId: id });
  },
  closeData() {
    set({ dataOfId: null });
  },
}));
