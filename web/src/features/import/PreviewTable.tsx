import type { ReactNode } from 'react';
import { IMPORT_COLUMN_TYPES, type PreviewColumn } from '../../engine/import';

function cell(value: unknown): ReactNode {
  if (value === null || value === undefined) return <span className="import-preview__null">NULL</span>;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The first rows, with each column's name and type editable in its header. */
export function PreviewTable(props: {
  columns: PreviewColumn[];
  rows: unknown[][];
  disabled: boolean;
  onEdit: (index: number, change: Partial<PreviewColumn>) => void;
}): ReactNode {
  const { columns, rows, disabled, onEdit } = props;
  return (
    <div className="import-preview" tabIndex={0} aria-label="Preview of the first rows">
      <table>
        <thead>
          <tr>
            {columns.map((column, i) => {
              const types: string[] = [...IMPORT_COLUMN_TYPES];
              if (!types.includes(column.type)) types.push(column.type);
              return (
                <th key={i} scope="col">
                  <input
                    type="text"
                    className="import-preview__name"
                    aria-label={`Name of column ${i + 1}`}
                    value={column.name}
                    disabled={disabled}
                    onChange={(event) => onEdit(i, { name: event.currentTarget.value })}
                  />
                  <select
                    className="import-preview__type"
                    aria-label={`Type of column ${i + 1}`}
                    value={column.type}
                    disabled={disabled}
                    onChange={(event) => onEdit(i, { type: event.currentTarget.value })}
                  >
                    {types.map((type) => (
                      <option key={type} value={type}>
                        {type}
                      </option>
                    ))}
                  </select>
                  {column.sourceName !== column.name && <span className="import-preview__source">from “{column.sourceName}”</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((_, c) => (
                <td key={c}>{cell(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
