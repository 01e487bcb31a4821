/**
 * "Show data": a modal dialog with exactly the rows behind a visual (its last query result, the one
 * it draws) — field labels as headers, values formatted like the visual — and "Export data" (CSV of
 * those rows, raw values).
 */
import type { Visual } from '@tessera/shared';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DataGrid, type GridDataSource, type GridSort } from '../../../ui/DataGrid';
import { downloadBytes } from '../../sql/download';
import { useVisualResults } from '../format/visual-results';
import { csvFileName, rowsToCsv } from './csv';
import { showDataColumns, showDataRows } from './show-data-table';

export function ShowDataDialog({ visual, title, onClose }: { visual: Visual; title: string; onClose: () => void }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const result = useVisualResults((s) => s.results[visual.id]);
  const [sort, setSort] = useState<GridSort | null>(null);
  const columns = useMemo(() => (result ? showDataColumns(result.fields) : []), [result]);
  const rows = useMemo(
    () => (result ? showDataRows(columns, result.rows, visual.format, sort ? { column: sort.column, direction: sort.direction } : null) : []),
    [result, columns, visual.format, sort],
  );
  const source = useMemo<GridDataSource>(
    () => ({ columns: columns.map((c) => ({ name: c.name, type: c.type })), rowCount: rows.length, fetchRows: (offset, limit) => Promise.resolve(rows.slice(offset, offset + limit)) }),
    [columns, rows],
  );

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const heading = `Data of ${title}`;
  const exportCsv = () => {
    if (!result) return;
    downloadBytes(new TextEncoder().encode(rowsToCsv(result.fields, result.rows)), csvFileName(title), 'text/csv');
  };

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-label={heading}
      className="show-data"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // events inside the dialog must not reach the canvas (selection, drag) through React's tree
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="show-data__header">
        <h2 className="show-data__title">{heading}</h2>
        <span className="muted">{result ? `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'row' : 'rows'}` : ''}</span>
        <span className="show-data__spacer" />
        <button type="button" className="btn" onClick={exportCsv} disabled={!result}>
          Export data
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </header>
      {result ? (
        <div className="show-data__grid">
          <DataGrid source={source} label={heading} cacheKey={`${visual.id}:${result.sql}:${sort?.column ?? ''}:${sort?.direction ?? ''}:${JSON.stringify(visual.format.numberFormat ?? null)}`} sort={sort} onSortChange={setSort} />
        </div>
      ) : (
        <p className="muted">This visual shows no data yet: add fields to it, or wait until it has loaded.</p>
      )}
    </dialog>
  );
}
