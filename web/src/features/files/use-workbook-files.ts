/**
 * The workbook file commands for the UI: save, save as, open (picker or a given file, e.g. from the
 * OS launch queue), resolve the merge/copy question, export the definition, start a new workbook.
 */
import { newId, readMeta, readWorkbook } from '@tessera/shared';
import { useMemo } from 'react';
import * as Y from 'yjs';
import { useDatasetStore } from '../../engine/EngineProvider';
import { useWorkbookDoc, useWorkbookInfo } from '../../workbook';
import { chooseFile, downloadBlob, isPickerAbort, safeFileName, saveWithPicker, writeToHandle, type SaveFileType } from './file-io';
import { ensureWritable, rememberFileHandle } from './file-handles';
import { useFilesStore, writeDirty } from './files-store';
import { TESSERA_EXTENSION, TESSERA_MIME, unpackWorkbookFile } from './tessera-format';
import { buildWorkbookFile, storeFileDatasets, switchToWorkbook, workbookExistsLocally, writeWorkbookLocally } from './workbook-files';

export const TESSERA_FILE_TYPE: SaveFileType = { description: 'Tessera workbook', mime: TESSERA_MIME, extension: TESSERA_EXTENSION };

/** Origin of the transaction that merges a file into the open workbook. */
export const FILE_MERGE_ORIGIN = Symbol('tessera.file-merge');

export interface WorkbookFiles {
  save(): Promise<void>;
  saveAs(): Promise<void>;
  open(): Promise<void>;
  openFile(file: File, handle?: FileSystemFileHandle): Promise<void>;
  resolvePending(choice: 'merge' | 'copy' | 'cancel'): Promise<void>;
  exportDefinition(): void;
  newWorkbook(): void;
}

const set = useFilesStore.setState;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useWorkbookFiles(): WorkbookFiles {
  const doc = useWorkbookDoc();
  const { id: workbookId } = useWorkbookInfo();
  const store = useDatasetStore();

  return useMemo<WorkbookFiles>(() => {
    const guarded = async (busy: string, run: () => Promise<void>): Promise<void> => {
      if (useFilesStore.getState().busy) return;
      set({ busy, error: null, notice: null });
      try {
        await run();
      } catch (error) {
        if (!isPickerAbort(error)) set({ error: messageOf(error) });
      } finally {
        set({ busy: null });
      }
    };

    const saveTo = (asNew: boolean): Promise<void> =>
      guarded('Saving…', async () => {
        const { bytes, missing } = await buildWorkbookFile(doc, workbookId, store);
        const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: TESSERA_MIME });
        const suggested = `${safeFileName(readMeta(doc).name)}${TESSERA_EXTENSION}`;
        const current = asNew ? null : useFilesStore.getState().handle;
        let handle: FileSystemFileHandle | null = current;
        if (current) {
          await ensureWritable(current);
          await writeToHandle(current, blob);
        } else handle = (await saveWithPicker(blob, suggested, TESSERA_FILE_TYPE)) ?? null;
        writeDirty(workbookId, false);
        await rememberFileHandle(workbookId, handle).catch(() => undefined);
        set({
          handle,
          fileName: handle?.name ?? suggested,
          dirty: false,
          notice: missing.length > 0 ? `Saved without the data of ${missing.join(', ')}: it is not stored in this browser. Re-import it, then save again.` : `Saved ${handle?.name ?? suggested}.`,
        });
      });

    const openFile = (file: File, handle?: FileSystemFileHandle): Promise<void> =>
      guarded('Opening…', async () => {
        let unpacked;
        try {
          unpacked = await unpackWorkbookFile(new Uint8Array(await file.arrayBuffer()));
        } catch (error) {
          throw new Error(`Could not open “${file.name}”. ${messageOf(error)} Nothing was changed.`);
        }
        if (await workbookExistsLocally(unpacked.workbookId, workbookId)) {
          set({ pending: { file: unpacked, fileName: file.name } });
          return;
        }
        await writeWorkbookLocally(unpacked, unpacked.workbookId, store);
        writeDirty(unpacked.workbookId, false);
        await rememberFileHandle(unpacked.workbookId, handle ?? null).catch(() => undefined);
        set({ handle: handle ?? null, fileName: file.name });
        switchToWorkbook(unpacked.workbookId);
      });

    const resolvePending = async (choice: 'merge' | 'copy' | 'cancel'): Promise<void> => {
      const pending = useFilesStore.getState().pending;
      set({ pending: null });
      if (!pending || choice === 'cancel') return;
      const { file } = pending;
      await guarded(choice === 'merge' ? 'Merging…' : 'Opening…', async () => {
        if (choice === 'merge' && file.workbookId === workbookId) {
          await storeFileDatasets(file, store);
          Y.applyUpdate(doc, file.update, FILE_MERGE_ORIGIN);
          set({ notice: `Merged “${pending.fileName}” into this workbook.` });
          return;
        }
        const target = choice === 'merge' ? file.workbookId : newId('wb_');
        await writeWorkbookLocally(file, target, store, choice === 'copy' ? `${file.name} (copy)` : undefined);
        writeDirty(target, choice === 'copy');
        switchToWorkbook(target);
      });
    };

    return {
      save: () => saveTo(false),
      saveAs: () => saveTo(true),
      open: async () => {
        let chosen;
        try {
          chosen = await chooseFile(TESSERA_FILE_TYPE);
        } catch (error) {
          set({ error: messageOf(error) });
          return;
        }
        if (chosen) await openFile(chosen.file, chosen.handle);
      },
      openFile,
      resolvePending,
      exportDefinition: () => {
        const snapshot = readWorkbook(doc);
        const json = `${JSON.stringify(snapshot, null, 2)}\n`;
        downloadBlob(new Blob([json], { type: 'application/json' }), `${safeFileName(snapshot.meta.name)}.definition.json`);
      },
      newWorkbook: () => switchToWorkbook(newId('wb_')),
    };
  }, [doc, workbookId, store]);
}
