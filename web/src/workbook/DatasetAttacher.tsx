import { useEffect, useState } from 'react';
import { useDatasetStore, useEngine } from '../engine/EngineProvider';
import { DatasetReconciler } from './dataset-attacher';
import { useAttachStates, useDatasets } from './WorkbookProvider';

/** Renders nothing; registers the workbook's datasets with the engine on open and on every change. */
export function DatasetAttacher() {
  const engine = useEngine();
  const store = useDatasetStore();
  const states = useAttachStates();
  const datasets = useDatasets();
  const [reconciler, setReconciler] = useState<DatasetReconciler>();

  useEffect(() => {
    const r = new DatasetReconciler(engine, store, states);
    setReconciler(r);
    return () => r.stop();
  }, [engine, store, states]);

  useEffect(() => {
    void reconciler?.update(datasets);
  }, [reconciler, datasets]);

  return null;
}
