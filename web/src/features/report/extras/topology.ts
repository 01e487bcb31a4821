/**
 * TopoJSON shapes of the filled map, loaded on demand with a dynamic import() — Vite emits each atlas
 * as its own chunk, which the service worker precaches, so maps draw offline too.
 */
import { useEffect, useState } from 'react';

export const MAP_KINDS = ['world', 'us'] as const;
export type MapKind = (typeof MAP_KINDS)[number];
export const MAP_KIND_LABELS: Readonly<Record<MapKind, string>> = { world: 'World countries', us: 'US states' };

/** `format.mapKind` read safely: 'world' unless it says 'us'. */
export function mapKindOf(format: Record<string, unknown>): MapKind {
  return format.mapKind === 'us' ? 'us' : 'world';
}

const cache = new Map<MapKind, Promise<unknown>>();

/** The topology of a map kind (world-atlas countries-110m or us-atlas states-10m), loaded once. */
export function loadTopology(kind: MapKind): Promise<unknown> {
  let pending = cache.get(kind);
  if (!pending) {
    pending = (kind === 'us' ? import('us-atlas/states-10m.json') : import('world-atlas/countries-110m.json')).then((m: { default: unknown }) => m.default);
    pending.catch(() => cache.delete(kind));
    cache.set(kind, pending);
  }
  return pending;
}

export type TopologyState = { status: 'idle' | 'loading' } | { status: 'ready'; topology: unknown } | { status: 'error'; message: string };

/** Loads the topology when `kind` is set (a map visual); idle otherwise. */
export function useTopology(kind: MapKind | null): TopologyState {
  const [state, setState] = useState<{ kind: MapKind; value: TopologyState } | null>(null);
  useEffect(() => {
    if (!kind) return;
    let live = true;
    loadTopology(kind).then(
      (topology) => live && setState({ kind, value: { status: 'ready', topology } }),
      (error: unknown) => live && setState({ kind, value: { status: 'error', message: `The map shapes could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the app and try again.` } }),
    );
    return () => {
      live = false;
    };
  }, [kind]);
  if (!kind) return { status: 'idle' };
  return state && state.kind === kind ? state.value : { status: 'loading' };
}
