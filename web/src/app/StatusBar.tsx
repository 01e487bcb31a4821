import { useEffect, useState, type ReactNode } from 'react';
import { useDatasetStore, useEngineStatus } from '../engine/EngineProvider';
import { useDatasets } from '../workbook';
import { SyncStatusItem } from '../features/sync';
import { pluralize } from '../ui/format';
import { engineStatusText, storageText } from './status-text';

interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
}

const STORAGE_REFRESH_MS = 30_000;

/** Bottom bar: engine state, local storage use, dataset count. */
export function StatusBar(): ReactNode {
  const status = useEngineStatus();
  const store = useDatasetStore();
  const datasets = useDatasets();
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [persistNote, setPersistNote] = useState<string | null>(null);
  const datasetCount = datasets.length;
  const versions = datasets.map((dataset) => dataset.version).join(',');

  useEffect(() => {
    let cancelled = false;
    const refresh = (): void => {
      store.estimate().then(
        (estimate) => {
          if (cancelled) return;
          setStorage(estimate);
          setStorageError(null);
        },
        (error: unknown) => {
          if (!cancelled) setStorageError(error instanceof Error ? error.message : String(error));
        },
      );
    };
    refresh();
    const timer = setInterval(refresh, STORAGE_REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [store, versions]);

  const askPersistence = (): void => {
    store.requestPersistence().then(
      (granted: unknown) => {
        setPersistNote(granted === false ? 'The browser declined; keep a copy of your files.' : null);
        return store.estimate().then(setStorage);
      },
      (error: unknown) => setPersistNote(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <div className="statusbar" role="status" aria-label="Status bar">
      <span className={`statusbar__item statusbar__engine statusbar__engine--${status.state}`}>
        <span className="statusbar__dot" aria-hidden="true" />
        {engineStatusText(status)}
      </span>
      <span className="statusbar__item">
        {storage ? (
          <>
            {storageText(storage)}
            {!storage.persisted ? (
              <button type="button" className="statusbar__link" onClick={askPersistence}>
                Keep data on this device
              </button>
            ) : null}
          </>
        ) : storageError ? (
          `Storage: unknown (${storageError})`
        ) : (
          'Storage: measuring…'
        )}
        {persistNote ? <span className="statusbar__note"> {persistNote}</span> : null}
      </span>
      <SyncStatusItem />
      <span className="statusbar__item statusbar__right">{pluralize(datasetCount, 'dataset')}</span>
    </div>
  );
}
