/** Whether "Edit interactions" mode is on (ephemeral, like Power BI's Format › Edit interactions toggle). */
import { create } from 'zustand';

interface InteractionsStore {
  editing: boolean;
  setEditing(on: boolean): void;
}

export const useInteractionsStore = create<InteractionsStore>()((set) => ({
  editing: false,
  setEditing(on) {
    set({ editing: on });
  },
}));
