import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import type { DatasetEntry } from '@tessera/shared';
import { useDatasetAttachState, useDatasets } from '../../workbook';
import { DataGrid, type GridDataSource } from '../../ui/DataGrid';
import { formatCount, pluralize } from '../../ui/format';
import { DownloadIcon, PlayIcon } from '../../ui/icons';
import { downloadBytes } from './download';
import { SqlEditor } from './SqlEditor';
import { useSqlLabStore, type SqlResultState } from './sql-store';
import { DISPLAY_ROW_CAP } from './sql-text-utils';
import { useRunSql } from './use-run-sql';

/** SQL Lab: an editor, Run, the result in the shared grid, errors pointed at their line. */
export function SqlLab(): ReactNode {
  const { run, cancel } = useRunSql();
  const running = useSqlLabStore((state) => state.running);
  const result = useSqlLabStore((state) => state.result);
  const error = useSqlLabStore((state) => state.error);
  const notice = useSqlLabStore((state) => state.notice);

  return (
    <div className="sql-lab">
      <div className="sql-lab__toolbar">
        <button type="button" className="btn btn--primary" onClick={run} disabled={running} title="Run (Ctrl+Enter): the selection if any, else everything">
          <PlayIcon />
          Run
        </button>
        {running ? (
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
        ) : null}
        <ExportCsvButton result={result} />
        <span className="sql-lab__summary" aria-live="polite">
          {running ? 'Running…' : result ? summary(result) : ''}
        </span>
      </div>
      <SqlEditor onRun={run} />
      {error ? (
        <div className="message message--error sql-lab__error" role="alert">
          <strong>DuckDB error{error.line !== undefined ? ` at line ${error.line}, column ${error.column}` : ''}:</strong>
          <pre>{error.message}</pre>
        </div>
      ) : null}
      {notice ? <p className="muted">{notice}</p> : null}
      {result ? <ResultGrid result={result} /> : <p className="empty-state">Run a query to see its result here. Tables are listed in the pane on the right.</p>}
    </div>
  );
}

function summary(result: SqlResultState): string {
  const rows = result.truncated ? `${formatCount(result.rows.length)}+ rows` : pluralize(result.rows.length, 'row');
  return `${rows} · ${Math.round(result.elapsedMs)} ms`;
}

function ResultGrid({ result }: { result: SqlResultState }): ReactNode {
  const source = useMemo<GridDataSource>(
    () => ({
      columns: result.columns,
      rowCount: result.rows.length,
      fetchRows: (offset, limit) => Promise.resolve(result.rows.slice(offset, offset + limit)),
    }),
    [result],
  );
  return (
    <div className="sql-lab__result">
      {result.truncated ? (
        <p className="sql-lab__note" role="note">
          Showing the first {formatCount(DISPLAY_ROW_CAP)} rows; the query returns more. Export CSV writes every row.
        </p>
      ) : null}
      {result.columns.length === 0 ? <p className="muted">The statement ran and returned no columns.</p> : <DataGrid source={source} label="Query result" cacheKey={`run:${result.runId}`} />}
    </div>
  );
}

function ExportCsvButton({ result }: { result: SqlResultState | undefined }): ReactNode {
  const engine = useEngine();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const exportCsv = (): void => {
    if (!result) return;
    setBusy(true);
    setFailure(null);
    engine.copyQueryToFile(result.sql, 'csv').then(
      (bytes) => {
        downloadBytes(bytes, 'query-result.csv', 'text/csv');
        setBusy(false);
      },
      (error: unknown) => {
        setFailure(error instanceof Error ? error.message : String(error));
        setBusy(false);
      },
    );
  };
  return (
    <>
      <button type="button" className="btn" onClick={exportCsv} disabled={!result || busy} title="Download the full result of the last query as CSV">
        <DownloadIcon />
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {failure ? (
        <span className="sql-lab__export-error" role="alert">
          Export failed: {failure}
        </span>
      ) : null}
    </>
  );
}

/** SQL Lab's panes: the tables to query and the run history. */
export function SqlPanes(): ReactNode {
  const datasets = useDatasets();
  const insert = useSqlLabStore((state) => state.insert);
  const load = useSqlLabStore((state) => state.load);
  const history = useSqlLabStore((state) => state.history);
  const historyError = useSqlLabStore((state) => state.historyError);
  const loadHistory = useSqlLabStore((state) => state.loadHistory);
  const clearHistory = useSqlLabStore((state) => state.clearHistory);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  return (
    <>
      <section className="pane" aria-labelledby="pane-tables">
        <h2 id="pane-tables" className="pane__title">
          Tables
        </h2>
        {datasets.length === 0 ? <p className="pane__placeholder">No tables yet: import data first.</p> : null}
        <ul className="sql-tables">
          {datasets.map((dataset) => (
            <TableItem key={dataset.id} dataset={dataset} onInsert={insert} />
          ))}
        </ul>
      </section>
      <section className="pane pane--grow" aria-labelledby="pane-history">
        <div className="pane__title-row">
          <h2 id="pane-history" className="pane__title">
            History
          </h2>
          <button type="button" className="btn btn--quiet btn--small" onClick={() => void clearHistory()} disabled={history.length === 0}>
            Clear history
          </button>
        </div>
        {historyError ? <p className="message message--error">{historyError}</p> : null}
        {history.length === 0 ? <p className="pane__placeholder">Queries you run are remembered here.</p> : null}
        <ul className="sql-history" aria-label="History">
          {history.map((entry) => (
            <li key={entry.id ?? entry.at}>
              <button type="button" className={`sql-history__item${entry.ok ? '' : ' is-error'}`} title="Load into the editor" onClick={() => load(entry.sql)}>
                <code className="sql-history__sql">{entry.sql}</code>
                <span className="sql-history__meta">
                  {new Date(entry.at).toLocaleTimeString('en-GB')} · {entry.ok ? `${pluralize(entry.rowCount ?? 0, 'row')} · ${entry.elapsedMs ?? 0} ms` : 'error'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** One table of SQL Lab's list; re-renders when its dataset is attached, which names its view. */
function TableItem({ dataset, onInsert }: { dataset: DatasetEntry; onInsert(text: string): void }): ReactNode {
  const engine = useEngine();
  const attach = useDatasetAttachState(dataset.id);
  const table = engine.tableNameOf(dataset.id);
  if (!table) return <li className="muted sql-tables__meta">{dataset.name} ({attach === 'loading' ? 'opening…' : 'data not available'})</li>;
  return (
    <li>
      <button type="button" className="sql-tables__item" title={`Insert ${table} into the editor`} onClick={() => onInsert(table)}>
        {table}
      </button>
      <span className="muted sql-tables__meta">{formatCount(dataset.rowCount)} rows</span>
    </li>
  );
}
