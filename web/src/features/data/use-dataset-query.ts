import { useEffect, useMemo, useState } from 'react';
import type { DatasetEntry } from '@tessera/shared';
import { useEngine } from '../../engine/EngineProvider';
import type { GridDataSource } from '../../ui/DataGrid';
import { compileOrderBy, compileWhere, countSql, pageSql, type DatasetQuery } from './filter-sql';
import { useDatasetViewState } from './data-store';

export interface DatasetQueryState {
  /** null when the filters or sort cannot be compiled (see `problem`) */
  query: DatasetQuery | null;
  problem: string | null;
  /** rows passing the filters; undefined while counting */
  filteredCount: number | undefined;
  countError: string | null;
  source: GridDataSource | null;
  cacheKey: string;
}

/** The dataset's table with its current filters and sort, compiled-checked; no queries run. */
export function useDatasetSql(dataset: DatasetEntry | undefined): Pick<DatasetQueryState, 'query' | 'problem' | 'cacheKey'> & { unfiltered: boolean } {
  const view = useDatasetViewState(dataset?.id);
  const id = dataset?.id;
  // The internal table (engine contract: `ds_<datasetId>`), stable when the dataset is renamed.
  const table = id ? `ds_${id}` : '';
  const columns = dataset?.columns;

  const { query, problem } = useMemo(() => {
    if (!columns || !table) return { query: null, problem: null };
    const candidate: DatasetQuery = { table, columns, filters: view.filters, sort: view.sort };
    try {
      compileWhere(candidate.filters, columns);
      compileOrderBy(candidate.sort, columns);
      return { query: candidate, problem: null };
    } catch (caught) {
      return { query: null, problem: caught instanceof Error ? caught.message : String(caught) };
    }
  }, [columns, table, view.filters, view.sort]);

  const cacheKey = `${id ?? ''}:${dataset?.version ?? ''}:${table}:${JSON.stringify(view.filters)}:${JSON.stringify(view.sort)}`;
  return { query, problem, cacheKey, unfiltered: view.filters.length === 0 };
}

/** The SQL side of the Data view for one dataset: its table, filters, sort, counts and grid source. */
export function useDatasetQuery(dataset: DatasetEntry | undefined): DatasetQueryState {
  const engine = useEngine();
  const id = dataset?.id;
  const { query, problem, cacheKey, unfiltered } = useDatasetSql(dataset);
  const [counted, setCounted] = useState<{ key: string; count: number } | null>(null);
  const [countError, setCountError] = useState<string | null>(null);

  useEffect(() => {
    if (!query || !id || unfiltered) return;
    const controller = new AbortController();
    setCountError(null);
    engine.query(countSql(query), { priority: 'high', key: `count:${id}`, signal: controller.signal }).then(
      (result) => setCounted({ key: cacheKey, count: Number(result.rows[0]?.n ?? 0) }),
      (caught: unknown) => {
        if (controller.signal.aborted || (caught instanceof Error && caught.name === 'QueryCancelledError')) return;
        setCountError(caught instanceof Error ? caught.message : String(caught));
      },
    );
    return () => controller.abort();
  }, [engine, query, id, unfiltered, cacheKey]);

  const filteredCount = unfiltered ? dataset?.rowCount : counted?.key === cacheKey ? counted.count : undefined;

  const source = useMemo<GridDataSource | null>(() => {
    if (!query || !id) return null;
    return {
      columns: query.columns.map((column) => ({ name: column.name, type: column.type })),
      rowCount: filteredCount,
      fetchRows: async (offset, limit, signal) => (await engine.query(pageSql(query, offset, limit), { priority: 'normal', key: `grid:${id}`, signal })).rows,
    };
  }, [engine, query, id, filteredCount]);

  return { query, problem, filteredCount, countError, source, cacheKey };
}
