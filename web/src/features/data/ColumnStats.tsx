import { useEffect, useState, type ReactNode } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import { formatCell, formatCount } from '../../ui/format';
import { statsSql, type DatasetQuery } from './filter-sql';

/** Above this many rows, distinct values are estimated (HyperLogLog) instead of counted. */
export const APPROX_DISTINCT_ABOVE = 1_000_000;

interface Stats {
  rows: number;
  nulls: number;
  distinct: number | null;
  min: unknown;
  max: unknown;
}

const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/** Type, rows, nulls, distinct, min and max of one column over the filtered rows (a low-priority query). */
export function ColumnStats({ datasetId, query, column, rowCount }: { datasetId: string; query: DatasetQuery | null; column: string; rowCount: number }): ReactNode {
  const engine = useEngine();
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const info = query?.columns.find((entry) => entry.name === column);
  const approximate = rowCount > APPROX_DISTINCT_ABOVE;
  let sql: string | null = null;
  let sqlError: string | null = null;
  if (query && info) {
    try {
      sql = statsSql(query, column, approximate);
    } catch (caught) {
      sqlError = caught instanceof Error ? caught.message : String(caught);
    }
  }

  useEffect(() => {
    if (!sql) return;
    const controller = new AbortController();
    setStats(null);
    setError(null);
    engine.query(sql, { priority: 'low', key: `stats:${datasetId}`, signal: controller.signal }).then(
      (result) => {
        const row = result.rows[0] ?? {};
        setStats({ rows: toNumber(row.rows), nulls: toNumber(row.nulls), distinct: row.distinct === null ? null : toNumber(row.distinct), min: row.min, max: row.max });
      },
      (caught: unknown) => {
        if (controller.signal.aborted || (caught instanceof Error && caught.name === 'QueryCancelledError')) return;
        setError(caught instanceof Error ? caught.message : String(caught));
      },
    );
    return () => controller.abort();
  }, [engine, sql, datasetId]);

  if (!info) return <p className="pane__placeholder">Select a column (click a header or a cell) to see its statistics.</p>;
  const failure = sqlError ?? error;
  return (
    <div aria-busy={!stats && !failure}>
      <dl className="stats">
        <dt>Type</dt>
        <dd>{info.type}</dd>
        <dt>Rows</dt>
        <dd>{stats ? formatCount(stats.rows) : '…'}</dd>
        <dt>Nulls</dt>
        <dd>{stats ? formatCount(stats.nulls) : '…'}</dd>
        <dt>Distinct</dt>
        <dd>{stats ? (stats.distinct === null ? 'n/a' : `${approximate ? '≈ ' : ''}${formatCount(stats.distinct)}`) : '…'}</dd>
        <dt>Min</dt>
        <dd>{stats ? formatCell(stats.min, info.type) : '…'}</dd>
        <dt>Max</dt>
        <dd>{stats ? formatCell(stats.max, info.type) : '…'}</dd>
      </dl>
      {approximate ? <p className="muted stats__note">Distinct is estimated (approx_count_distinct) on tables over {formatCount(APPROX_DISTINCT_ABOVE)} rows.</p> : null}
      {failure ? (
        <p className="message message--error" role="alert">
          Could not compute statistics: {failure}
        </p>
      ) : null}
    </div>
  );
}
