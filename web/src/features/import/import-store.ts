/**
 * Which file the import dialog is open for (ephemeral UI state). The button and the drop zone open
 * it; <ImportHost/> renders it. A fresh `key` per open resets the dialog even for the same file.
 */
import { create } from 'zustand';

interface ImportState {
  file: File | null;
  key: number;
  open: (file: File) => void;
  close: () => void;
}

export const useImportStore = create<ImportState>((set) => ({
  file: null,
  key: 0,
  open: (file) => set((state) => ({ file, key: state.key + 1 })),
  close: () => set({ file: null }),
}));

/** Opens the import dialog for a file. */
export function useImport(): { openImport: (file: File) => void; closeImport: () => void } {
  const openImport = useImportStore((state) => state.open);
  const closeImport = useImportStore((state) => state.close);
  return { openImport, closeImport };
}
