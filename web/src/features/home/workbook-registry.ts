/**
 * The list of workbooks kept in this browser (localStorage `tessera.workbooks`): id, name, last
 * modified, dataset count, and `deletedAt` while a deletion can still be undone. The documents
 * themselves live in y-indexeddb databases; this list is what the Home view shows. Maintained by
 * WorkbookHousekeeping (the open workbook) and by the Home view's operations (the others).
 */
export interface WorkbookEntry {
  id: string;
  name: string;
  /** ms since epoch of the last edit */
  updatedAt: number;
  datasetCount?: number;
  /** set while a deletion can be undone; the data goes when UNDO_WINDOW_MS have passed */
  deletedAt?: number;
}

export const REGISTRY_KEY = 'tessera.workbooks';
export const UNDO_WINDOW_MS = 10_000;

function isEntry(value: unknown): value is WorkbookEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.updatedAt === 'number';
}

export class WorkbookRegistry {
  private cache: WorkbookEntry[] | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'>) {}

  /** Every entry (deleted-pending ones too), most recently modified first. */
  getAll = (): WorkbookEntry[] => {
    if (!this.cache) {
      let parsed: unknown = [];
      try {
        parsed = JSON.parse(this.storage.getItem(REGISTRY_KEY) ?? '[]');
      } catch {
        parsed = []; // a damaged list is rebuilt from the databases found (see discoverWorkbooks)
      }
      this.cache = (Array.isArray(parsed) ? parsed.filter(isEntry) : []).sort((a, b) => b.updatedAt - a.updatedAt);
    }
    return this.cache;
  };

  get(id: string): WorkbookEntry | undefined {
    return this.getAll().find((e) => e.id === id);
  }

  /** Adds or updates an entry (fields not given keep their value). */
  upsert(entry: Pick<WorkbookEntry, 'id'> & Partial<WorkbookEntry>): WorkbookEntry {
    const old = this.get(entry.id);
    const next: WorkbookEntry = { name: 'Untitled workbook', updatedAt: Date.now(), ...old, ...entry };
    if (entry.deletedAt === undefined && 'deletedAt' in entry) delete next.deletedAt;
    if (old && JSON.stringify(old) === JSON.stringify(next)) return old;
    this.write([next, ...this.getAll().filter((e) => e.id !== entry.id)]);
    return next;
  }

  remove(id: string): void {
    if (!this.get(id)) return;
    this.write(this.getAll().filter((e) => e.id !== id));
  }

  /** Call when another tab changed the list (the `storage` event). */
  reload(): void {
    this.cache = undefined;
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private write(entries: WorkbookEntry[]): void {
    this.cache = entries.sort((a, b) => b.updatedAt - a.updatedAt);
    this.storage.setItem(REGISTRY_KEY, JSON.stringify(this.cache));
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

let browserRegistry: WorkbookRegistry | undefined;

/** The registry of this browser (localStorage), shared by the tab; follows other tabs' changes. */
export function localWorkbookRegistry(): WorkbookRegistry {
  if (!browserRegistry) {
    const registry = new WorkbookRegistry(globalThis.localStorage);
    globalThis.addEventListener?.('storage', (event: StorageEvent) => {
      if (event.key === REGISTRY_KEY) registry.reload();
    });
    browserRegistry = registry;
  }
  return browserRegistry;
}
