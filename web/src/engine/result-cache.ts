import type { QueryResult } from './types';

/**
 * LRU of query results, bounded by entry count and by cells (rows × columns) so a few huge
 * results cannot pin memory. Map iteration order is insertion order: re-insert on hit.
 */
export class ResultCache {
  private readonly entries = new Map<string, { result: QueryResult; cells: number }>();
  private cells = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxCells = 2_000_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): QueryResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, result: QueryResult): void {
    const cells = result.rows.length * Math.max(1, result.columns.length);
    if (cells > this.maxCells / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.cells -= old.cells;
      this.entries.delete(key);
    }
    this.entries.set(key, { result, cells });
    this.cells += cells;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.cells <= this.maxCells) break;
      this.entries.delete(oldest);
      this.cells -= entry.cells;
    }
  }

  clear(): void {
    this.entries.clear();
    this.cells = 0;
  }
}
