/** Whether the Settings dialog is open (opened from the top bar and from the write-failure banner). */
import { create } from 'zustand';

interface SettingsState {
  open: boolean;
  setOpen(open: boolean): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  open: false,
  setOpen(open) {
    set({ open });
  },
}));
