/** Loads the Storage report (estimate, persistence, snapshots, workbooks) and refreshes it on demand. */
import { useCallback, useEffect, useState } from 'react';
import type { DatasetStore } from '../../engine/storage/dataset-store';
import type * as Y from 'yjs';
import { snapshotRows, type SnapshotRow } from './storage-report';
import { collectWorkbookUses, type WorkbookSize } from './workbook-uses';

export interface StorageReport {
  usage: number;
  quota: number;
  persisted: boolean;
  snapshots: SnapshotRow[];
  workbooks: WorkbookSize[];
}

export function useStorageReport(store: DatasetStore, open: { id: string; doc: Y.Doc }): {
  report: StorageReport | null;
  error: string | null;
  refresh: () => void;
} {
  const [report, setReport] = useState<StorageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const { id, doc } = open;

  useEffect(() => {
    let live = true;
    (async () => {
      const [estimate, snapshots, { workbooks, uses }] = await Promise.all([store.estimate(), store.list(), collectWorkbookUses({ id, doc })]);
      return { ...estimate, snapshots: snapshotRows(snapshots, uses, id), workbooks };
    })().then(
      (next) => {
        if (!live) return;
        setReport(next);
        setError(null);
      },
      (caught: unknown) => live && setError(`Tessera could not read this browser's storage (${caught instanceof Error ? caught.message : String(caught)}). Close the dialog and open it again.`),
    );
    return () => {
      live = false;
    };
  }, [store, id, doc, tick]);

  return { report, error, refresh };
}
