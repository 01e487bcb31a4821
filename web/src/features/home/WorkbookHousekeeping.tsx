/**
 * Renders nothing. Keeps the open workbook's registry entry current (name, dataset count, last
 * modified on every edit) and deletes for good the workbooks whose undo window has passed.
 */
import { readWorkbook } from '@tessera/shared';
import { useEffect } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { useDatasetStore } from '../../engine/EngineProvider';
import { useWorkbookDoc, useWorkbookInfo } from '../../workbook';
import { purgeWorkbook } from './local-workbooks';
import { localWorkbookRegistry, UNDO_WINDOW_MS } from './workbook-registry';

const PURGE_EVERY_MS = 1_000;

export function WorkbookHousekeeping(): null {
  const doc = useWorkbookDoc();
  const { id } = useWorkbookInfo();
  const store = useDatasetStore();

  useEffect(() => {
    const registry = localWorkbookRegistry();
    const write = (touched: boolean) => {
      const snap = readWorkbook(doc);
      registry.upsert({
        id,
        name: snap.meta.name,
        datasetCount: Object.keys(snap.datasets).length,
        deletedAt: undefined,
        ...(touched || !registry.get(id) ? { updatedAt: Date.now() } : {}),
      });
    };
    write(false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin instanceof IndexeddbPersistence) return;
      clearTimeout(timer);
      timer = setTimeout(() => write(true), 250);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== undefined) {
        clearTimeout(timer);
        write(true);
      }
    };
  }, [doc, id]);

  useEffect(() => {
    const registry = localWorkbookRegistry();
    let busy = false;
    const tick = async () => {
      if (busy) return;
      const due = registry.getAll().filter((e) => e.deletedAt !== undefined && e.id !== id && Date.now() - e.deletedAt >= UNDO_WINDOW_MS);
      if (due.length === 0) return;
      busy = true;
      try {
        for (const entry of due) {
          try {
            await purgeWorkbook(registry, store, entry.id, { id, doc });
          } catch (error) {
            console.error(`Tessera could not delete workbook ${entry.id}; it will try again.`, error);
          }
        }
      } finally {
        busy = false;
      }
    };
    const interval = setInterval(() => void tick(), PURGE_EVERY_MS);
    return () => clearInterval(interval);
  }, [doc, id, store]);

  return null;
}
