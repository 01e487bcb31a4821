/**
 * The latest failure to save the open workbook in this browser (y-indexeddb), shown as a banner
 * until the page is reloaded: the change is still in memory and can be saved to a file.
 */
import { create } from 'zustand';

interface WriteFailureState {
  reason: string | null;
  report(error: unknown): void;
  dismiss(): void;
}

/** A short, human reason for a failed IndexedDB/OPFS write. */
export function writeFailureReason(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error) ? String((error as { message: unknown }).message) : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return "this browser's storage for Tessera is full";
  if (name === 'InvalidStateError') return 'the browser closed the storage of this workbook (another tab may have deleted it)';
  if (name === 'UnknownError') return 'the browser could not write to its storage (the disk may be full or failing)';
  return message.trim() || 'the browser refused the write';
}

export const useWriteFailureStore = create<WriteFailureState>()((set) => ({
  reason: null,
  report(error) {
    set({ reason: writeFailureReason(error) });
  },
  dismiss() {
    set({ reason: null });
  },
}));

export function writeFailureMessage(reason: string): string {
  return `Tessera could not save your latest changes on this device: ${reason}. Free space (Settings › Storage) or save the workbook to a file (Ctrl+S).`;
}
