import { useState, type ReactNode } from 'react';
import { compileFilter, FILTER_OPS, FilterInputError, type ColumnFilter, type ColumnInfo, type FilterOp } from './filter-sql';

interface FilterEditorProps {
  column: ColumnInfo;
  columns: readonly ColumnInfo[];
  current: ColumnFilter | undefined;
  onApply(filter: ColumnFilter): void;
  onRemove(): void;
  onClose(): void;
}

/** The filter of one column: operator + value(s), checked by the SQL compiler before it is applied. */
export function FilterEditor({ column, columns, current, onApply, onRemove, onClose }: FilterEditorProps): ReactNode {
  const [op, setOp] = useState<FilterOp>(current?.op ?? 'contains');
  const [value, setValue] = useState(current?.value ?? '');
  const [value2, setValue2] = useState(current?.value2 ?? '');
  const [error, setError] = useState<string | null>(null);
  const arity = FILTER_OPS.find((entry) => entry.op === op)?.values ?? 1;

  const apply = (): void => {
    const filter: ColumnFilter = { column: column.name, op, ...(arity >= 1 ? { value } : {}), ...(arity === 2 ? { value2 } : {}) };
    try {
      compileFilter(filter, columns);
    } catch (caught) {
      if (caught instanceof FilterInputError) {
        setError(caught.message);
        return;
      }
      throw caught;
    }
    setError(null);
    onApply(filter);
  };

  return (
    <form
      className="filter-editor"
      role="dialog"
      aria-label={`Filter ${column.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <span className="filter-editor__column">
        Filter <strong>{column.name}</strong> <span className="muted">({column.type})</span>
      </span>
      <select className="select" aria-label="Operator" value={op} onChange={(event) => setOp(event.target.value as FilterOp)} autoFocus>
        {FILTER_OPS.map((entry) => (
          <option key={entry.op} value={entry.op}>
            {entry.label}
          </option>
        ))}
      </select>
      {arity >= 1 ? (
        <input className="input" aria-label={arity === 2 ? 'From' : 'Value'} placeholder={arity === 2 ? 'from' : 'value'} value={value} onChange={(event) => setValue(event.target.value)} />
      ) : null}
      {arity === 2 ? <input className="input" aria-label="To" placeholder="to" value={value2} onChange={(event) => setValue2(event.target.value)} /> : null}
      <button type="submit" className="btn btn--primary">
        Apply filter
      </button>
      {current ? (
        <button type="button" className="btn" onClick={onRemove}>
          Remove filter
        </button>
      ) : null}
      <button type="button" className="btn btn--quiet" onClick={onClose}>
        Close
      </button>
      {error ? (
        <p className="filter-editor__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
