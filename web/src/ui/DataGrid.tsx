/**
 * The one virtualized data grid of the app (Data view, SQL Lab). Rows and columns are both
 * virtualized: only the visible cells are in the DOM, and only the visible row pages are fetched from
 * the data source (OFFSET/LIMIT paging), kept in a small LRU page cache. Row heights are fixed, so
 * rows are placed by arithmetic; a capped, scaled spacer keeps 10M+ rows scrollable (see
 * grid-geometry.ts). Columns use @tanstack/react-virtual (variable widths, horizontal scrolling).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { nextSort, rowWindow, scrollGeometry, type GridSort } from './grid-geometry';
import { formatCell, isNumericType } from './format';
import { PageCache, type Row } from './page-cache';

export type { GridSort, SortDirection } from './grid-geometry';
export { nextSort } from './grid-geometry';

export interface GridColumn {
  name: string;
  type: string;
}

/** Where the grid's rows come from. `fetchRows` must honour `signal` (reject when aborted). */
export interface GridDataSource {
  columns: GridColumn[];
  /** undefined while the count is not known yet (the grid shows placeholder rows) */
  rowCount: number | undefined;
  fetchRows(offset: number, limit: number, signal: AbortSignal): Promise<Row[]>;
}

export interface DataGridProps {
  source: GridDataSource;
  /** Accessible name of the grid. */
  label: string;
  /** Changing it drops the cached pages and scrolls to the top (new data, sort or filter). */
  cacheKey: string;
  /** Sorting is enabled when `onSortChange` is given. */
  sort?: GridSort | null;
  onSortChange?: (sort: GridSort | null) => void;
  selectedColumn?: string;
  onSelectColumn?: (column: string) => void;
  /** Extra controls in a column header (e.g. a filter button). */
  renderHeaderExtra?: (column: GridColumn) => ReactNode;
  pageSize?: number;
}

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 44;
const PREFETCH_ROWS = 60;
const FETCH_DELAY_MS = 40;
const PLACEHOLDER_ROWS = 12;

function columnWidth(column: GridColumn): number {
  const base = isNumericType(column.type) ? 120 : /^(DATE|TIME)/i.test(column.type) ? 170 : 180;
  const forName = column.name.length * 8 + 56;
  const forType = column.type.length * 6.5 + 48;
  return Math.min(360, Math.ceil(Math.max(base, forName, forType)));
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'QueryCancelledError');
}

export function DataGrid(props: DataGridProps): ReactNode {
  const { source, label, cacheKey, sort, onSortChange, selectedColumn, onSelectColumn, renderHeaderExtra } = props;
  const pageSize = props.pageSize ?? 200;
  const columns = source.columns;
  const rowCount = source.rowCount;
  const knownRows = rowCount ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [virtualTop, setVirtualTop] = useState(0);
  const lastRealTop = useRef(0);
  const cache = useMemo(() => new PageCache(pageSize), [pageSize]);
  const [, bumpPages] = useReducer((n: number) => n + 1, 0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [retryToken, retry] = useReducer((n: number) => n + 1, 0);
  const sourceRef = useRef(source);
  sourceRef.current = source;

  const geometry = scrollGeometry(knownRows, ROW_HEIGHT, HEADER_HEIGHT, viewportHeight);
  const bodyHeight = Math.max(0, viewportHeight - HEADER_HEIGHT);
  const top = Math.min(virtualTop, geometry.maxVirtualTop);
  const win = rowWindow(top, bodyHeight, ROW_HEIGHT, knownRows);

  // New data, sort or filter: forget pages, go back to the top.
  useLayoutEffect(() => {
    cache.clear();
    setLoadError(null);
    setVirtualTop(0);
    lastRealTop.current = 0;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    bumpPages();
  }, [cache, cacheKey]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = (): void => setViewportHeight(element.clientHeight || 400);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Fetch the missing pages around the visible rows, one query at a time; a newer range aborts it.
  const wantFirst = Math.max(0, win.first - PREFETCH_ROWS);
  const wantLast = win.last + PREFETCH_ROWS;
  useEffect(() => {
    if (rowCount === undefined || rowCount === 0) return;
    cache.touch(wantFirst, Math.min(wantLast, rowCount - 1));
    const span = cache.missingSpan(wantFirst, wantLast, rowCount);
    if (!span) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      sourceRef.current
        .fetchRows(span.offset, span.limit, controller.signal)
        .then((rows) => {
          if (controller.signal.aborted) return;
          cache.store(span.offset, rows);
          setLoadError(null);
          bumpPages();
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return;
          setLoadError(error instanceof Error ? error.message : String(error));
        });
    }, FETCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cache, cacheKey, rowCount, wantFirst, wantLast, retryToken]);

  const gutterWidth = Math.max(48, Math.ceil(knownRows.toLocaleString('en-US').length * 7.5) + 20);
  const widths = useMemo(() => columns.map(columnWidth), [columns]);
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => widths[index] ?? 160,
    paddingStart: gutterWidth,
    overscan: 2,
  });
  useLayoutEffect(() => {
    columnVirtualizer.measure();
  }, [columnVirtualizer, widths, gutterWidth]);
  const totalWidth = columnVirtualizer.getTotalSize();
  const visibleColumns = columnVirtualizer.getVirtualItems();

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const real = element.scrollTop;
    if (Math.abs(real - lastRealTop.current) < 0.5) return; // horizontal scroll or our own keyboard scroll
    lastRealTop.current = real;
    setVirtualTop(real * geometry.scale);
  }, [geometry.scale]);

  const scrollToVirtual = (next: number): void => {
    const element = scrollRef.current;
    const clamped = Math.max(0, Math.min(next, geometry.maxVirtualTop));
    setVirtualTop(clamped);
    if (element) {
      element.scrollTop = clamped / geometry.scale;
      lastRealTop.current = element.scrollTop;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return; // keys inside header buttons keep their meaning
    const page = Math.max(ROW_HEIGHT, bodyHeight - ROW_HEIGHT);
    const element = scrollRef.current;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        scrollToVirtual(top + ROW_HEIGHT);
        break;
      case 'ArrowUp':
        scrollToVirtual(top - ROW_HEIGHT);
        break;
      case 'PageDown':
      case ' ':
        scrollToVirtual(top + (event.shiftKey ? -page : page));
        break;
      case 'PageUp':
        scrollToVirtual(top - page);
        break;
      case 'Home':
        scrollToVirtual(0);
        if (element && !event.ctrlKey) element.scrollLeft = 0;
        break;
      case 'End':
        scrollToVirtual(geometry.maxVirtualTop);
        break;
      case 'ArrowRight':
        if (element) element.scrollLeft += 120;
        break;
      case 'ArrowLeft':
        if (element) element.scrollLeft -= 120;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const rowIndexes: number[] = [];
  for (let index = win.first; index <= win.last; index += 1) rowIndexes.push(index);
  const loading = rowCount === undefined || rowIndexes.some((index) => cache.get(index) === undefined);

  const sortable = Boolean(onSortChange);

  return (
    <div className="data-grid-frame">
      <div
        ref={scrollRef}
        className="data-grid"
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount === undefined ? -1 : rowCount + 1}
        aria-colcount={columns.length}
        aria-busy={loading}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div className="data-grid__spacer" style={{ height: geometry.spacerHeight, width: totalWidth }}>
          <div className="data-grid__viewport" style={{ height: viewportHeight, width: totalWidth }}>
            <div role="rowgroup">
              <div className="data-grid__row data-grid__row--header" role="row" aria-rowindex={1} style={{ top: 0, height: HEADER_HEIGHT, width: totalWidth }}>
                <div className="data-grid__gutter data-grid__gutter--header" style={{ width: gutterWidth }} aria-hidden="true">
                  #
                </div>
                {visibleColumns.map((item) => {
                  const column = columns[item.index];
                  const sorted = sort && sort.column === column.name ? sort.direction : undefined;
                  return (
                    <div
                      key={item.key}
                      role="columnheader"
                      aria-label={column.name}
                      aria-colindex={item.index + 1}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : sortable ? 'none' : undefined}
                      className={`data-grid__header${isNumericType(column.type) ? ' data-grid__cell--number' : ''}${selectedColumn === column.name ? ' is-selected' : ''}`}
                      style={{ left: item.start, width: item.size, height: HEADER_HEIGHT }}
                    >
                      {sortable ? (
                        <button
                          type="button"
                          className="data-grid__sort"
                          aria-label={`Sort by ${column.name}`}
                          title={`Sort by ${column.name} (ascending, descending, none)`}
                          onClick={() => {
                            onSelectColumn?.(column.name);
                            onSortChange?.(nextSort(sort, column.name));
                          }}
                        >
                          <span className="data-grid__header-name">{column.name}</span>
                          <span className="data-grid__sort-mark" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        <span className="data-grid__header-name" onClick={() => onSelectColumn?.(column.name)}>
                          {column.name}
                        </span>
                      )}
                      <span className="data-grid__header-type" aria-hidden="true">
                        {column.type}
                      </span>
                      {renderHeaderExtra ? <span className="data-grid__header-extra">{renderHeaderExtra(column)}</span> : null}
                    </div>
                  );
                })}
              </div>
            </div>
            <div role="rowgroup">
              {rowCount === undefined
                ? Array.from({ length: PLACEHOLDER_ROWS }, (_, index) => (
                    <div key={`placeholder-${index}`} className="data-grid__row" style={{ top: HEADER_HEIGHT + index * ROW_HEIGHT, height: ROW_HEIGHT, width: totalWidth }} aria-hidden="true">
                      <div className="data-grid__gutter" style={{ width: gutterWidth }} />
                      {visibleColumns.map((item) => (
                        <div key={item.key} className="data-grid__cell" style={{ left: item.start, width: item.size }}>
                          <span className="data-grid__placeholder" />
                        </div>
                      ))}
                    </div>
                  ))
                : rowIndexes.map((index, position) => {
                    const row = cache.get(index);
                    return (
                      <div
                        key={index}
                        role="row"
                        aria-rowindex={index + 2}
                        className={`data-grid__row${index % 2 === 1 ? ' data-grid__row--odd' : ''}`}
                        style={{ top: HEADER_HEIGHT + position * ROW_HEIGHT - win.offset, height: ROW_HEIGHT, width: totalWidth }}
                      >
                        <div className="data-grid__gutter" style={{ width: gutterWidth }} aria-hidden="true">
                          {(index + 1).toLocaleString('en-US')}
                        </div>
                        {visibleColumns.map((item) => {
                          const column = columns[item.index];
                          const numeric = isNumericType(column.type);
                          if (!row) {
                            return (
                              <div key={item.key} role="gridcell" aria-colindex={item.index + 1} className="data-grid__cell" style={{ left: item.start, width: item.size }}>
                                <span className="data-grid__placeholder" />
                              </div>
                            );
                          }
                          const value = row[column.name];
                          const text = formatCell(value, column.type);
                          return (
                            <div
                              key={item.key}
                              role="gridcell"
                              aria-colindex={item.index + 1}
                              className={`data-grid__cell${numeric ? ' data-grid__cell--number' : ''}${value === null || value === undefined ? ' data-grid__cell--null' : ''}${selectedColumn === column.name ? ' is-selected' : ''}`}
                              style={{ left: item.start, width: item.size }}
                              title={text.length > 24 ? text : undefined}
                              onClick={onSelectColumn ? () => onSelectColumn(column.name) : undefined}
                            >
                              {text}
                            </div>
                          );
                        })}
                      </div>
                    );
                  })}
            </div>
          </div>
        </div>
      </div>
      {rowCount === 0 ? <p className="data-grid__empty">No rows</p> : null}
      {loadError ? (
        <div className="data-grid__error" role="alert">
          <span>Could not load rows: {loadError}</span>
          <button type="button" onClick={retry}>
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}
