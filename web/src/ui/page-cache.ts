/**
 * A small LRU cache of fixed-size row pages for the DataGrid. Pure: the grid asks which span of rows
 * it still lacks for the visible range, fetches that span in one query, and stores it back.
 */

export type Row = Record<string, unknown>;

export interface RowSpan {
  offset: number;
  limit: number;
}

export class PageCache {
  private readonly pages = new Map<number, Row[]>();

  constructor(
    readonly pageSize = 200,
    readonly maxPages = 24,
  ) {}

  /** The row at `index`, or undefined while its page is not loaded. */
  get(index: number): Row | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  hasPage(page: number): boolean {
    return this.pages.has(page);
  }

  /**
   * The smallest page-aligned span covering every missing page between rows `first` and `last`
   * (inclusive), clipped to `rowCount`; null when all of them are cached.
   */
  missingSpan(first: number, last: number, rowCount: number): RowSpan | null {
    if (rowCount <= 0 || last < first) return null;
    const lastRow = Math.min(last, rowCount - 1);
    const firstPage = Math.floor(Math.max(0, first) / this.pageSize);
    const lastPage = Math.floor(lastRow / this.pageSize);
    let from = -1;
    let to = -1;
    for (let page = firstPage; page <= lastPage; page += 1) {
      if (this.pages.has(page)) continue;
      if (from < 0) from = page;
      to = page;
    }
    if (from < 0) return null;
    const offset = from * this.pageSize;
    const end = Math.min((to + 1) * this.pageSize, rowCount);
    return { offset, limit: end - offset };
  }

  /** Stores rows fetched from `offset` (page-aligned) as pages, evicting the least recently stored. */
  store(offset: number, rows: Row[]): void {
    if (offset % this.pageSize !== 0) throw new Error(`PageCache.store: offset ${offset} is not a multiple of ${this.pageSize}`);
    const first = offset / this.pageSize;
    for (let start = 0, page = first; start < rows.length || (start === 0 && rows.length === 0); start += this.pageSize, page += 1) {
      this.pages.delete(page);
      this.pages.set(page, rows.slice(start, start + this.pageSize));
      if (rows.length === 0) break;
    }
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }

  /** Marks pages as recently used so scrolling back and forth keeps them. */
  touch(first: number, last: number): void {
    for (let page = Math.floor(first / this.pageSize); page <= Math.floor(last / this.pageSize); page += 1) {
      const rows = this.pages.get(page);
      if (!rows) continue;
      this.pages.delete(page);
      this.pages.set(page, rows);
    }
  }

  clear(): void {
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}
