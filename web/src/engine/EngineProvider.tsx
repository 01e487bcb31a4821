/**
 * One LocalEngine (DuckDB-wasm worker) and one DatasetStore per tab, handed down through React
 * context. Tests pass their own `engine` / `store`.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { browserDuckDBFactory } from './duckdb-browser';
import { LocalEngine } from './local-engine';
import { createDatasetStore, type DatasetStore } from './storage/dataset-store';
import type { EngineStatus } from './types';

interface EngineContextValue {
  engine: LocalEngine;
  store: DatasetStore;
}

const EngineContext = createContext<EngineContextValue | null>(null);

// Created on first use and kept for the life of the tab (StrictMode mounts twice; the worker must not start twice).
let tabEngine: LocalEngine | undefined;
let tabStore: Promise<DatasetStore> | undefined;

function engineOfTab(): LocalEngine {
  tabEngine ??= new LocalEngine(browserDuckDBFactory);
  return tabEngine;
}

function storeOfTab(): Promise<DatasetStore> {
  tabStore ??= createDatasetStore().then((store) => {
    // Ask once that the browser does not evict our data; the answer shows in the status bar.
    void store.requestPersistence();
    return store;
  });
  return tabStore;
}

export function EngineProvider({ children, engine, store }: { children: ReactNode; engine?: LocalEngine; store?: DatasetStore }) {
  const [resolvedEngine] = useState(() => engine ?? engineOfTab());
  const [resolvedStore, setStore] = useState<DatasetStore | undefined>(store);
  const [storeError, setStoreError] = useState<string>();

  useEffect(() => {
    if (resolvedStore) return;
    let live = true;
    storeOfTab().then(
      (s) => live && setStore(s),
      (error: unknown) =>
        live &&
        setStoreError(
          `Tessera cannot open your browser's storage (${error instanceof Error ? error.message : String(error)}). Leave private browsing or allow site data for this page, then reload.`,
        ),
    );
    return () => {
      live = false;
    };
  }, [resolvedStore]);

  if (storeError) return <p role="alert">{storeError}</p>;
  if (!resolvedStore) return null;
  return <EngineContext.Provider value={{ engine: resolvedEngine, store: resolvedStore }}>{children}</EngineContext.Provider>;
}

function useEngineContext(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngine/useDatasetStore must be used inside <EngineProvider>');
  return value;
}

export function useEngine(): LocalEngine {
  return useEngineContext().engine;
}

export function useDatasetStore(): DatasetStore {
  return useEngineContext().store;
}

export function useEngineStatus(): EngineStatus {
  const engine = useEngine();
  return useSyncExternalStore(
    (onChange) => engine.subscribe(onChange),
    () => engine.status,
  );
}
