/**
 * "Basic filtering": search box + "Select all" + a checkbox per distinct value with its row count. The list shows the
 * first DISTINCT_LIMIT values; the search runs in SQL, so any value of the column can be found and ticked. Ticked values
 * the list does not show (found by an earlier search) stay listed on top so they can be unticked.
 */
import { type Scalar } from '@tessera/shared';
import { useState, type ReactNode } from 'react';
import { formatCount } from '../../../ui/format';
import { BLANK_LABEL } from './distinct-values';
import { isAllSelected, isChecked, selectAll, toggleValue, type ValuesFilter } from './filter-model';
import { useDistinctValues } from './use-distinct-values';

const valueText = (v: Scalar): string => (v === null ? BLANK_LABEL : String(v));

function ValueRow({ filter, value, count, disabled, onChange }: { filter: ValuesFilter; value: Scalar; count?: number; disabled: boolean; onChange: (f: ValuesFilter) => void }): ReactNode {
  const text = valueText(value);
  return (
    <li>
      <label className="filter-card__value">
        <input type="checkbox" aria-label={text} checked={isChecked(filter, value)} disabled={disabled} onChange={(e) => onChange(toggleValue(filter, value, e.target.checked))} />
        <span className="filter-card__value-text">{text}</span>
        {count !== undefined ? (
          <span className="filter-card__count" aria-label={`${count} rows`}>
            {count}
          </span>
        ) : null}
      </label>
    </li>
  );
}

export function BasicFilter({ filter, version, disabled, onChange }: { filter: ValuesFilter; version: string; disabled: boolean; onChange: (f: ValuesFilter) => void }): ReactNode {
  const field = filter.field as { datasetId: string; column: string };
  const [query, setQuery] = useState('');
  const distinct = useDistinctValues(field, version, query);
  const q = query.trim().toLowerCase();
  // while the search query runs, the previous answer is narrowed here so the list follows the typing
  const shown = distinct.status === 'ready' ? distinct.values.filter((d) => q === '' || valueText(d.value).toLowerCase().includes(q)) : [];
  const capped = distinct.status === 'ready' && distinct.search.toLowerCase() === q && distinct.total > distinct.values.length;
  // ticked values outside the list (filter.values are the ticked ones, or the unticked ones after "Select all")
  const offList = distinct.status === 'ready' && q === '' ? filter.values.filter((v) => !distinct.values.some((d) => d.value === v)) : [];
  return (
    <div className="filter-card__basic">
      <input type="search" className="filter-card__search" placeholder="Search" aria-label="Search values" value={query} onChange={(e) => setQuery(e.target.value)} disabled={disabled} />
      {distinct.status === 'loading' ? <p className="muted">Loading values…</p> : null}
      {distinct.status === 'error' ? <p role="alert">{distinct.message}</p> : null}
      {distinct.status === 'ready' ? (
        <ul className="filter-card__values" aria-label={`Values of ${field.column}`} aria-busy={distinct.search.toLowerCase() !== q}>
          {q === '' ? (
            <li>
              <label className="filter-card__value">
                <input type="checkbox" checked={isAllSelected(filter)} disabled={disabled} onChange={(e) => onChange(selectAll(filter, e.target.checked))} />
                <span>Select all</span>
              </label>
            </li>
          ) : null}
          {offList.map((v) => (
            <ValueRow key={`off:${typeof v}:${String(v)}`} filter={filter} value={v} disabled={disabled} onChange={onChange} />
          ))}
          {shown.map((d) => (
            <ValueRow key={`${typeof d.value}:${String(d.value)}`} filter={filter} value={d.value} count={d.count} disabled={disabled} onChange={onChange} />
          ))}
          {q !== '' && distinct.search.toLowerCase() === q && shown.length === 0 ? <li className="muted">No value contains “{query.trim()}”.</li> : null}
          {capped ? (
            <li className="muted filter-card__capped">
              Showing first {formatCount(distinct.values.length)} of {formatCount(distinct.total)} {q === '' ? 'values — search to find more' : 'matching values — search for more of the value'}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
