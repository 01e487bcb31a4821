import { addDataset, initWorkbook, listDatasets, removeDataset, renameDataset, updateDatasetSnapshot } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalEngine } from '../engine/local-engine';
import { createMemoryDatasetStore } from '../engine/testing/memory-dataset-store';
import { nodeDuckDBFactory } from '../engine/testing/duckdb-node';
import { AttachStates } from './attach-state';
import { DatasetReconciler } from './dataset-attacher';

describe('DatasetReconciler (real DuckDB-wasm)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory, { connections: 1 });
    await engine.ready();
  });
  afterAll(() => engine?.dispose());

  it('attaches stored snapshots, follows renames, updates and removals, and reports missing data', async () => {
    const store = createMemoryDatasetStore();
    const doc = new Y.Doc();
    initWorkbook(doc, { name: 'Test' });
    const v1 = await engine.copyQueryToFile('SELECT range AS n FROM range(10)', 'arrow');
    await store.save('ds_a', 'v1', v1);
    const source = { kind: 'file' as const, fileName: 'orders.csv', format: 'csv' as const };
    addDataset(doc, { id: 'ds_a', name: 'Orders', source, columns: [{ name: 'n', type: 'BIGINT' }], rowCount: 10, version: 'v1' });
    addDataset(doc, { id: 'ds_b', name: 'Lost', source, columns: [], rowCount: 0, version: 'gone' });

    const states = new AttachStates();
    const reconciler = new DatasetReconciler(engine, store, states);
    await reconciler.update(listDatasets(doc));
    expect(states.get('ds_a')?.state).toBe('ready');
    expect(states.get('ds_b')).toMatchObject({ state: 'missing', message: expect.stringContaining('Import the file again') });
    expect((await engine.query('SELECT count(*) AS c FROM Orders')).rows).toEqual([{ c: 10 }]);

    renameDataset(doc, 'ds_a', 'Sales orders');
    await reconciler.update(listDatasets(doc));
    expect(engine.tableNameOf('ds_a')).toBe('Sales_orders');

    const v2 = await engine.copyQueryToFile('SELECT range AS n FROM range(25)', 'arrow');
    await store.save('ds_a', 'v2', v2);
    updateDatasetSnapshot(doc, 'ds_a', { columns: [{ name: 'n', type: 'BIGINT' }], rowCount: 25, version: 'v2' });
    await reconciler.update(listDatasets(doc));
    expect((await engine.query('SELECT count(*) AS c FROM Sales_orders')).rows).toEqual([{ c: 25 }]);

    removeDataset(doc, 'ds_a');
    await reconciler.update(listDatasets(doc));
    expect(engine.tableNameOf('ds_a')).toBeUndefined();
    expect(states.get('ds_a')).toBeUndefined();

    // A dataset registered later by someone else (the import pipeline) turns 'missing' into 'ready'.
    const late = await engine.copyQueryToFile('SELECT 1 AS x', 'arrow');
    await engine.registerDataset({ id: 'ds_b', name: 'Lost', version: 'gone' }, late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await reconciler.update(listDatasets(doc));
    expect(states.get('ds_b')?.state).toBe('ready');
    reconciler.stop();
  });
});
