/**
 * Workbook-file UI state: the file handle Save writes back to, whether the workbook has changes not
 * yet saved to a file ("•" in the title), the open-file question (merge or copy), errors and notices.
 */
import { create } from 'zustand';
import type { UnpackedWorkbookFile } from './tessera-format';

export interface PendingOpen {
  file: UnpackedWorkbookFile;
  fileName: string;
}

interface FilesState {
  handle: FileSystemFileHandle | null;
  fileName: string | null;
  dirty: boolean;
  busy: string | null;
  error: string | null;
  notice: string | null;
  pending: PendingOpen | null;
}

export const useFilesStore = create<FilesState>(() => ({
  handle: null,
  fileName: null,
  dirty: false,
  busy: null,
  error: null,
  notice: null,
  pending: null,
}));

const dirtyKey = (workbookId: string): string => `tessera.fileDirty.${workbookId}`;

/** Remembered per workbook across reloads (localStorage). */
export function readDirty(workbookId: string): boolean {
  return localStorage.getItem(dirtyKey(workbookId)) === '1';
}

export function writeDirty(workbookId: string, dirty: boolean): void {
  if (dirty) localStorage.setItem(dirtyKey(workbookId), '1');
  else localStorage.removeItem(dirtyKey(workbookId));
}
