/** "Basic filtering": search box + "Select all" + a checkbox per distinct value with its row count. */
import { type Scalar } from '@tessera/shared';
import { useState, type ReactNode } from 'react';
import { isAllSelected, isChecked, selectAll, toggleValue, type ValuesFilter } from './filter-model';
import { useDistinctValues } from './use-distinct-values';

const valueText = (v: Scalar): string => (v === null ? '(Blank)' : String(v));

export function BasicFilter({ filter, version, disabled, onChange }: { filter: ValuesFilter; version: string; disabled: boolean; onChange: (f: ValuesFilter) => void }): ReactNode {
  const field = filter.field as { datasetId: string; column: string };
  const distinct = useDistinctValues(field, version);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  return (
    <div className="filter-card__basic">
      <input type="search" className="filter-card__search" placeholder="Search" aria-label="Search values" value={query} onChange={(e) => setQuery(e.target.value)} disabled={disabled} />
      {distinct.status === 'loading' ? <p className="muted">Loading values…</p> : null}
      {distinct.status === 'error' ? <p role="alert">{distinct.message}</p> : null}
      {distinct.status === 'ready' ? (
        <ul className="filter-card__values" aria-label={`Values of ${field.column}`}>
          {q === '' ? (
            <li>
              <label className="filter-card__value">
                <input type="checkbox" checked={isAllSelected(filter)} disabled={disabled} onChange={(e) => onChange(selectAll(filter, e.target.checked))} />
                <span>Select all</span>
              </label>
            </li>
          ) : null}
          {distinct.values
            .filter((d) => q === '' || valueText(d.value).toLowerCase().includes(q))
            .map((d) => {
              const text = valueText(d.value);
              return (
                <li key={`${typeof d.value}:${String(d.value)}`}>
                  <label className="filter-card__value">
                    <input type="checkbox" aria-label={text} checked={isChecked(filter, d.value)} disabled={disabled} onChange={(e) => onChange(toggleValue(filter, d.value, e.target.checked))} />
                    <span className="filter-card__value-text">{text}</span>
                    <span className="filter-card__count" aria-label={`${d.count} rows`}>
                      {d.count}
                    </span>
                  </label>
                </li>
              );
            })}
          {distinct.truncated ? <li className="muted">Only the first values are listed: search to narrow them.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
