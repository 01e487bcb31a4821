/** Ephemeral UI state of the report extras: which visual's custom spec editor is open. */
import { create } from 'zustand';

interface ExtrasState {
  editingSpecOf: string | null;
  openSpecEditor: (visualId: string) => void;
  closeSpecEditor: () => void;
}

export const useExtrasStore = create<ExtrasState>()((set) => ({
  editingSpecOf: null,
  openSpecEditor: (visualId) => set({ editingSpecOf: visualId }),
  closeSpecEditor: () => set({ editingSpecOf: null }),
}));
