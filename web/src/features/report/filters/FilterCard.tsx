/**
 * One filter card of the Filters pane: the field's name and a summary, "Type of filter", the type's editor, and the
 * card's tools: Lock filter (its controls are disabled), Hide filter (kept as `hidden`: not shown in reading view),
 * Clear filter and Remove filter. Every change is written through `putFilter` / `removeFilter` (shared commands).
 */
import { isMeasureRef, type Filter, type WorkbookSnapshot } from '@tessera/shared';
import { useState, type ReactNode } from 'react';
import { columnKind, findColumn, type ColumnKind } from '../field-kinds';
import { useEdit } from '../use-edit';
import { AdvancedFilter } from './AdvancedFilter';
import { BasicFilter } from './BasicFilter';
import { FILTER_TYPE_LABELS, changeType, clearFilter, filterSummary, filterTypesFor, putFilter, removeFilter, toggleFlag, type FilterLevel, type FilterType } from './filter-model';
import { RelativeDateFilter } from './RelativeDateFilter';
import { TopNFilter, rankOptions } from './TopNFilter';

function LockIcon({ locked }: { locked: boolean }): ReactNode {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
      <rect x="3" y="7" width="10" height="7" rx="1" fill={locked ? 'currentColor' : 'none'} />
      <path d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 5.8-1'} />
    </svg>
  );
}

function EyeIcon({ hidden }: { hidden: boolean }): ReactNode {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
      <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
      <circle cx="8" cy="8" r="2" />
      {hidden ? <path d="M2 14L14 2" /> : null}
    </svg>
  );
}

function RangeSummary({ filter }: { filter: Extract<Filter, { kind: 'range' }> }): ReactNode {
  return <p className="muted">{filterSummary(filter)}</p>;
}

export function FilterCard({ filter, level, snapshot }: { filter: Filter; level: FilterLevel; snapshot: WorkbookSnapshot }): ReactNode {
  const edit = useEdit();
  const [open, setOpen] = useState(true);
  const datasets = Object.values(snapshot.datasets);
  const column = isMeasureRef(filter.field) ? undefined : findColumn(datasets, filter.field, Object.values(snapshot.model.columns));
  const kind: ColumnKind = column ? columnKind(column.type) : 'text';
  const name = isMeasureRef(filter.field) ? (snapshot.model.measures[filter.field.measureId]?.name ?? 'Missing measure') : filter.field.column;
  const version = isMeasureRef(filter.field) ? '' : (snapshot.datasets[filter.field.datasetId]?.version ?? '');
  const locked = filter.locked === true;
  const save = (next: Filter) => edit((doc) => putFilter(doc, level, next));
  const types = filterTypesFor(kind);
  const defaultRank = rankOptions(snapshot).find((o) => !('measureId' in o.ref) && o.ref.aggregate === 'sum')?.ref;

  let body: ReactNode = null;
  if (!column) body = <p role="alert">The column "{name}" is no longer in the data. Remove this filter.</p>;
  else if (filter.kind === 'values') body = <BasicFilter filter={filter} version={version} disabled={locked} onChange={save} />;
  else if (filter.kind === 'advanced') body = <AdvancedFilter filter={filter} kind={kind} disabled={locked} onChange={save} />;
  else if (filter.kind === 'relativeDate') body = <RelativeDateFilter filter={filter} disabled={locked} onChange={save} />;
  else if (filter.kind === 'topN') body = <TopNFilter filter={filter} snapshot={snapshot} disabled={locked} onChange={save} />;
  else body = <RangeSummary filter={filter} />;

  return (
    <li className={`filter-card${filter.hidden ? ' filter-card--hidden' : ''}${locked ? ' filter-card--locked' : ''}`}>
      <div role="group" aria-label={`${name} filter`}>
      <div className="filter-card__head">
        <button type="button" className="filter-card__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> <span className="filter-card__name">{name}</span>
        </button>
        <span className="filter-card__tools">
          <button type="button" aria-label="Lock filter" aria-pressed={locked} title={locked ? 'Unlock filter' : 'Lock filter'} onClick={() => save(toggleFlag(filter, 'locked'))}>
            <LockIcon locked={locked} />
          </button>
          <button type="button" aria-label="Hide filter" aria-pressed={filter.hidden === true} title={filter.hidden ? 'Show filter in reading view' : 'Hide filter in reading view'} onClick={() => save(toggleFlag(filter, 'hidden'))}>
            <EyeIcon hidden={filter.hidden === true} />
          </button>
          <button type="button" aria-label="Clear filter" title="Clear filter" disabled={locked} onClick={() => save(clearFilter(filter, kind))}>
            ⌫
          </button>
          <button type="button" aria-label="Remove filter" title="Remove filter" disabled={locked} onClick={() => edit((doc) => removeFilter(doc, level, filter.id))}>
            ×
          </button>
        </span>
      </div>
      <p className="filter-card__summary">{filterSummary(filter)}</p>
      {open ? (
        <div className="filter-card__body">
          <label className="filter-card__type">
            <span>Filter type</span>
            <select aria-label="Filter type" value={filter.kind} disabled={locked || !column} onChange={(e) => save(changeType(filter, e.target.value as FilterType, kind, defaultRank))}>
              {(types.includes(filter.kind) ? types : [filter.kind, ...types]).map((t) => (
                <option key={t} value={t}>
                  {FILTER_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          {body}
        </div>
      ) : null}
      </div>
    </li>
  );
}
