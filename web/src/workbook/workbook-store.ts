/**
 * Plain, cached projections of the workbook Y.Doc for useSyncExternalStore: recomputed after a
 * transaction that changed the workbook, otherwise the same object (referentially stable).
 */
import { listDatasets, observeWorkbook, readWorkbook, type DatasetEntry, type WorkbookSnapshot } from '@tessera/shared';
import type * as Y from 'yjs';

export class WorkbookStore {
  private snapshot: WorkbookSnapshot | undefined;
  private datasets: DatasetEntry[] | undefined;
  private datasetsJson = '';
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | undefined;

  constructor(readonly doc: Y.Doc) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.stop ??= observeWorkbook(this.doc, () => {
      this.snapshot = undefined;
      this.refreshDatasets();
      for (const l of [...this.listeners]) l();
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.stop) {
        this.stop();
        this.stop = undefined;
        this.snapshot = undefined;
        this.datasets = undefined;
      }
    };
  };

  getSnapshot = (): WorkbookSnapshot => {
    this.snapshot ??= readWorkbook(this.doc);
    return this.snapshot;
  };

  getDatasets = (): DatasetEntry[] => {
    if (!this.datasets) this.refreshDatasets();
    return this.datasets as DatasetEntry[];
  };

  /** Keeps the previous array when the datasets did not change (other edits do not re-render their readers). */
  private refreshDatasets(): void {
    const next = listDatasets(this.doc);
    const json = JSON.stringify(next);
    if (this.datasets && json === this.datasetsJson) return;
    this.datasets = next;
    this.datasetsJson = json;
  }
}
