/**
 * Keeps DuckDB's tables in step with the workbook's datasets: every dataset's stored snapshot is
 * registered with the engine (after a reload too, without re-import), renamed datasets get their
 * view renamed, removed ones are unregistered. Runs one reconciliation at a time.
 */
import type { DatasetEntry } from '@tessera/shared';
import type { LocalEngine } from '../engine/local-engine';
import type { DatasetStore } from '../engine/storage/dataset-store';
import type { AttachStates } from './attach-state';

type Attached = { version: string; name: string };

export class DatasetReconciler {
  private readonly attached = new Map<string, Attached>();
  private chain: Promise<void> = Promise.resolve();
  private latest: DatasetEntry[] = [];
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: LocalEngine,
    private readonly store: DatasetStore,
    private readonly states: AttachStates,
  ) {
    // A dataset registered by the import pipeline after the doc changed (shown 'missing' or
    // 'loading' meanwhile) becomes 'ready' here.
    this.unsubscribe = engine.subscribeDatasets(() => {
      const versions = engine.datasetVersions;
      const arrived = this.latest.some((d) => this.states.get(d.id)?.state !== 'ready' && versions.get(d.id) === d.version);
      if (arrived) void this.update(this.latest);
    });
  }

  /** Schedules a reconciliation against `datasets`; resolves when it has run. */
  update(datasets: DatasetEntry[]): Promise<void> {
    this.latest = datasets;
    this.chain = this.chain.then(() => this.reconcile()).catch(() => undefined);
    return this.chain;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const wanted = this.latest;
    const ids = new Set(wanted.map((d) => d.id));
    for (const [id] of this.attached) {
      if (ids.has(id)) continue;
      this.attached.delete(id);
      this.states.delete(id);
      await this.engine.unregisterDataset(id).catch(() => undefined);
    }
    for (const dataset of wanted) {
      if (this.stopped) return;
      await this.attach(dataset);
    }
  }

  private async attach(dataset: DatasetEntry): Promise<void> {
    const current = this.attached.get(dataset.id);
    const info = this.states.get(dataset.id);
    if (current && current.version === dataset.version && info?.state === 'ready') {
      if (current.name !== dataset.name) {
        await this.engine.renameDataset(dataset.id, dataset.name).catch(() => undefined);
        current.name = dataset.name;
      }
      return;
    }
    // Registered by someone else (the import pipeline) at this very version: nothing to load.
    if (this.engine.datasetVersions.get(dataset.id) === dataset.version) {
      if (this.engine.tableNameOf(dataset.id) !== undefined && current?.name !== dataset.name) {
        await this.engine.renameDataset(dataset.id, dataset.name).catch(() => undefined);
      }
      this.attached.set(dataset.id, { version: dataset.version, name: dataset.name });
      this.states.set(dataset.id, { state: 'ready' });
      return;
    }
    this.states.set(dataset.id, { state: 'loading' });
    let snapshot: Blob | undefined;
    try {
      snapshot = await this.store.get(dataset.id, dataset.version);
    } catch {
      snapshot = undefined;
    }
    if (!snapshot) {
      this.states.set(dataset.id, {
        state: 'missing',
        message: `The stored data of “${dataset.name}” is not in this browser (it may have been cleared). Import the file again or refresh the dataset to bring it back; its design is kept.`,
      });
      return;
    }
    try {
      await this.engine.registerDataset({ id: dataset.id, name: dataset.name, version: dataset.version }, snapshot);
      this.attached.set(dataset.id, { version: dataset.version, name: dataset.name });
      this.states.set(dataset.id, { state: 'ready' });
    } catch (error) {
      this.states.set(dataset.id, { state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
}
