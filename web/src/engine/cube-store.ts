/**
 * The derived tables behind cross-filter cubes: one per (cube build SQL, dataset versions), built in
 * the background at low priority, kept while used (LRU), dropped when a dataset changes. What a cube
 * holds and how a visual reads it is decided in shared/src/query/cube.ts; this only owns the tables.
 */
import type { LocalEngine } from './local-engine';

export interface CubeStoreOptions {
  /** Cubes kept at once; the least recently used is dropped past it. */
  maxCubes?: number;
  /** A cube with more rows than this is not worth keeping (the visual's own query is as fast). */
  maxRows?: number;
}

type Entry = { state: 'building'; promise: Promise<string | undefined> } | { state: 'ready'; rows: number } | { state: 'refused' };

/** 53-bit FNV-1a style hash (two 32-bit lanes) as base-36: a short, stable table name for a long SQL text. */
function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 0) & 0x1fffff).toString(36) + (h1 >>> 0).toString(36);
}

export class CubeStore {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private drops: Promise<void> = Promise.resolve();
  private readonly maxCubes: number;
  private readonly maxRows: number;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: LocalEngine,
    options: CubeStoreOptions = {},
  ) {
    this.maxCubes = options.maxCubes ?? 48;
    this.maxRows = options.maxRows ?? 250_000;
    // a dataset registered, replaced or dropped: every cube may read stale rows
    this.unsubscribe = engine.subscribeDatasets(() => this.clear());
  }

  /** The table name of a cube: its build SQL and the versions of the datasets it reads. */
  nameOf(buildSql: string, versions: string): string {
    return `__cube_${hashText(`${versions}\u0000${buildSql}`)}`;
  }

  /** The cube's table when it is built (and marks it used), else undefined. */
  table(buildSql: string, versions: string): string | undefined {
    const name = this.nameOf(buildSql, versions);
    const entry = this.entries.get(name);
    if (entry?.state !== 'ready') return undefined;
    // re-insert: Map order is the LRU order
    this.entries.delete(name);
    this.entries.set(name, entry);
    return name;
  }

  /** Whether the cube is built, being built, or was found not worth keeping. */
  state(buildSql: string, versions: string): Entry['state'] | 'absent' {
    return this.entries.get(this.nameOf(buildSql, versions))?.state ?? 'absent';
  }

  /** Builds the cube in the background (once); resolves to its table, or undefined when refused or failed. */
  build(buildSql: string, versions: string): Promise<string | undefined> {
    const name = this.nameOf(buildSql, versions);
    const entry = this.entries.get(name);
    if (entry?.state === 'building') return entry.promise;
    if (entry?.state === 'ready') return Promise.resolve(name);
    if (entry?.state === 'refused') return Promise.resolve(undefined);
    const generation = this.generation;
    const promise = this.engine.materialize(name, buildSql, { priority: 'low', maxRows: this.maxRows }).then(
      (rows) => {
        if (generation !== this.generation) {
          // datasets changed while it was built: its rows may be stale
          this.drop([name]);
          return undefined;
        }
        this.entries.set(name, rows === undefined ? { state: 'refused' } : { state: 'ready', rows });
        this.evict();
        return rows === undefined ? undefined : name;
      },
      () => {
        // a cube that cannot be built is never worth retrying: the visual's own query still works
        if (generation === this.generation) this.entries.set(name, { state: 'refused' });
        return undefined;
      },
    );
    this.entries.set(name, { state: 'building', promise });
    return promise;
  }

  private evict(): void {
    const ready = [...this.entries].filter(([, e]) => e.state === 'ready');
    const excess = ready.length - this.maxCubes;
    if (excess <= 0) return;
    const names = ready.slice(0, excess).map(([name]) => name);
    for (const name of names) this.entries.delete(name);
    this.drop(names);
  }

  private drop(names: string[]): void {
    this.drops = this.drops.then(() => this.engine.dropDerived(names)).catch(() => undefined);
  }

  /** Resolves once every drop asked so far is done. */
  dropped(): Promise<void> {
    return this.drops;
  }

  /** Drops every cube (datasets changed). */
  clear(): void {
    this.generation++;
    const names = [...this.entries].filter(([, e]) => e.state === 'ready').map(([name]) => name);
    this.entries.clear();
    this.drop(names);
  }

  dispose(): void {
    this.unsubscribe();
    this.clear();
  }
}

const stores = new WeakMap<LocalEngine, CubeStore>();

/** The one CubeStore of an engine. */
export function cubeStoreOf(engine: LocalEngine): CubeStore {
  let store = stores.get(engine);
  if (!store) {
    store = new CubeStore(engine);
    stores.set(engine, store);
  }
  return store;
}
