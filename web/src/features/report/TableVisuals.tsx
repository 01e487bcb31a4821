/** Table and matrix visuals, rendered by React from the grouped result rows. */
import { type ResultField } from '@tessera/shared';
import { formatValue } from '@tessera/shared';
import { numberFormatOf } from './field-format';
import type { ReactNode } from 'react';
import { pivot } from './pivot';

const MAX_TABLE_ROWS = 1000;

const isNumeric = (f: ResultField): boolean => f.vlType === 'quantitative';

export function TableVisual({ fields, rows, label }: { fields: ResultField[]; rows: Record<string, unknown>[]; label: string }): ReactNode {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  return (
    <div className="visual__table-wrap">
      <table className="visual__table" aria-label={label}>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f.key} scope="col" className={isNumeric(f) ? 'num' : undefined}>
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              {fields.map((f) => (
                <td key={f.key} className={isNumeric(f) ? 'num' : undefined}>
                  {formatValue(row[f.key], f, numberFormatOf(f))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_TABLE_ROWS ? <p className="visual__footnote">Showing the first {MAX_TABLE_ROWS.toLocaleString('en-US')} rows.</p> : null}
    </div>
  );
}

export function MatrixVisual({ fields, rows, label }: { fields: ResultField[]; rows: Record<string, unknown>[]; label: string }): ReactNode {
  const table = pivot(rows, fields);
  const rowFields = fields.filter((f) => f.role === 'rows');
  const colFields = fields.filter((f) => f.role === 'columns');
  const values = fields.filter((f) => f.kind === 'measure');
  const fmt = (v: number | null, f: ResultField): string => (v === null ? '' : formatValue(v, f, numberFormatOf(f)));
  const colLabel = (key: string[]): string => (colFields.length === 0 ? '' : key.join(' · '));
  return (
    <div className="visual__table-wrap">
      <table className="visual__table visual__matrix" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{rowFields.map((f) => f.label).join(' / ') || ' '}</th>
            {table.colKeys.map((key) =>
              values.map((v) => (
                <th key={`${key.join('|')}:${v.key}`} scope="col" className="num">
                  {[colLabel(key), values.length > 1 || colFields.length === 0 ? v.label : ''].filter(Boolean).join(' — ')}
                </th>
              )),
            )}
            {colFields.length > 0 ? values.map((v) => <th key={`total:${v.key}`} scope="col" className="num">{values.length > 1 ? `Total ${v.label}` : 'Total'}</th>) : null}
          </tr>
        </thead>
        <tbody>
          {table.rowKeys.map((key, r) => (
            <tr key={key.join('|')}>
              <th scope="row">{key.join(' · ') || 'Total'}</th>
              {table.colKeys.map((_, c) => values.map((v, i) => <td key={`${c}:${v.key}`} className="num">{fmt(table.cells[r][c][i], v)}</td>))}
              {colFields.length > 0 ? values.map((v, i) => <td key={`t:${v.key}`} className="num total">{fmt(table.rowTotals[r][i], v)}</td>) : null}
            </tr>
          ))}
          {rowFields.length > 0 ? (
            <tr className="total">
              <th scope="row">Total</th>
              {table.colKeys.map((_, c) => values.map((v, i) => <td key={`${c}:${v.key}`} className="num">{fmt(table.colTotals[c][i], v)}</td>))}
              {colFields.length > 0 ? values.map((v, i) => <td key={`g:${v.key}`} className="num">{fmt(table.grandTotals[i], v)}</td>) : null}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
