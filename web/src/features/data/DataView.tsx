import type { ReactNode } from 'react';
import type { DatasetEntry } from '@tessera/shared';
import { useDatasetAttachInfo, useDatasets, useDatasetAttachState } from '../../workbook';
import { DataGrid } from '../../ui/DataGrid';
import { formatCount } from '../../ui/format';
import { CloseIcon, FilterIcon } from '../../ui/icons';
import { ColumnStats } from './ColumnStats';
import { DatasetList } from './DatasetList';
import { useDataViewStore, useDatasetViewState } from './data-store';
import { describeFilter } from './filter-sql';
import { FilterEditor } from './FilterEditor';
import { useDatasetQuery, useDatasetSql } from './use-dataset-query';

function useSelectedDataset(): { datasets: DatasetEntry[]; selected: DatasetEntry | undefined } {
  const datasets = useDatasets();
  const selectedId = useDataViewStore((state) => state.selectedId);
  return { datasets, selected: datasets.find((dataset) => dataset.id === selectedId) ?? datasets[0] };
}

/** Data view: the dataset list and a sortable, filterable grid of the selected dataset. */
export function DataView(): ReactNode {
  const { datasets, selected } = useSelectedDataset();
  return (
    <div className="data-view">
      <DatasetList datasets={datasets} selectedId={selected?.id} />
      <section className="data-view__main" aria-label={selected ? `Dataset ${selected.name}` : 'Dataset'}>
        {selected ? <DatasetPanel key={selected.id} dataset={selected} /> : <p className="empty-state">No datasets yet. Use “Import data” in the top bar, or drop a file on the window.</p>}
      </section>
    </div>
  );
}

function DatasetPanel({ dataset }: { dataset: DatasetEntry }): ReactNode {
  const info = useDatasetAttachInfo(dataset.id);
  const attach = info?.state ?? 'loading';
  if (attach === 'missing') {
    return (
      <div className="message message--error" role="alert">
        <strong>The data of “{dataset.name}” is not stored on this device.</strong> The workbook knows this dataset, but its rows were never
        saved here (or the browser evicted them). Import the file again, or refresh it from its source, to use it.
        {info?.message ? <p className="muted">{info.message}</p> : null}
      </div>
    );
  }
  if (attach === 'error') {
    return (
      <div className="message message--error" role="alert">
        <strong>The stored data of “{dataset.name}” could not be opened.</strong> It may be damaged. Import the file again to replace it; nothing
        else in the workbook is affected.
        {info?.message ? <p className="muted">{info.message}</p> : null}
      </div>
    );
  }
  if (attach === 'loading') return <p className="empty-state">Opening the stored data of “{dataset.name}”…</p>;
  return <DatasetGrid dataset={dataset} />;
}

function DatasetGrid({ dataset }: { dataset: DatasetEntry }): ReactNode {
  const view = useDatasetViewState(dataset.id);
  const update = useDataViewStore((state) => state.update);
  const setFilter = useDataViewStore((state) => state.setFilter);
  const { problem, filteredCount, countError, source, cacheKey } = useDatasetQuery(dataset);
  const editing = view.editing ? dataset.columns.find((column) => column.name === view.editing) : undefined;
  const selectedColumn = view.column ?? dataset.columns[0]?.name;

  return (
    <div className="dataset-grid">
      <header className="view-header">
        <h1 className="view-header__title">{dataset.name}</h1>
        <span className="view-header__count" aria-live="polite">
          {filteredCount === undefined ? 'Counting rows…' : `${formatCount(filteredCount)} of ${formatCount(dataset.rowCount)} rows`}
        </span>
      </header>
      {view.filters.length > 0 ? (
        <ul className="filter-chips" aria-label="Active filters">
          {view.filters.map((filter) => (
            <li key={filter.column} className="filter-chip">
              <button type="button" className="filter-chip__label" onClick={() => update(dataset.id, { editing: filter.column })}>
                {describeFilter(filter)}
              </button>
              <button type="button" className="filter-chip__remove" aria-label={`Remove filter on ${filter.column}`} onClick={() => setFilter(dataset.id, filter.column, null)}>
                <CloseIcon />
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => update(dataset.id, { filters: [] })}>
              Clear all filters
            </button>
          </li>
        </ul>
      ) : null}
      {editing ? (
        <FilterEditor
          key={editing.name}
          column={editing}
          columns={dataset.columns}
          current={view.filters.find((filter) => filter.column === editing.name)}
          onApply={(filter) => {
            setFilter(dataset.id, editing.name, filter);
            update(dataset.id, { editing: undefined });
          }}
          onRemove={() => {
            setFilter(dataset.id, editing.name, null);
            update(dataset.id, { editing: undefined });
          }}
          onClose={() => update(dataset.id, { editing: undefined })}
        />
      ) : null}
      {problem || countError ? (
        <p className="message message--error" role="alert">
          {problem ?? `Could not count the rows: ${countError}`}
        </p>
      ) : null}
      {source ? (
        <DataGrid
          source={source}
          label={`Rows of ${dataset.name}`}
          cacheKey={cacheKey}
          sort={view.sort}
          onSortChange={(sort) => update(dataset.id, { sort })}
          selectedColumn={selectedColumn}
          onSelectColumn={(column) => update(dataset.id, { column })}
          renderHeaderExtra={(column) => {
            const active = view.filters.some((filter) => filter.column === column.name);
            return (
              <button
                type="button"
                className={`data-grid__filter${active ? ' is-active' : ''}`}
                aria-label={`Filter ${column.name}`}
                aria-expanded={view.editing === column.name}
                title={active ? `Filtered: edit the filter on ${column.name}` : `Filter ${column.name}`}
                onClick={() => update(dataset.id, { editing: view.editing === column.name ? undefined : column.name, column: column.name })}
              >
                <FilterIcon />
              </button>
            );
          }}
        />
      ) : null}
    </div>
  );
}

/** Data view's pane: statistics of the selected column. */
export function DataPanes(): ReactNode {
  const { selected } = useSelectedDataset();
  return (
    <section className="pane" aria-labelledby="pane-stats">
      <h2 id="pane-stats" className="pane__title">
        Column statistics
      </h2>
      {selected ? <DatasetStatsPane dataset={selected} /> : <p className="pane__placeholder">Import a dataset to see statistics of its columns.</p>}
    </section>
  );
}

function DatasetStatsPane({ dataset }: { dataset: DatasetEntry }): ReactNode {
  const attach = useDatasetAttachState(dataset.id);
  const view = useDatasetViewState(dataset.id);
  const update = useDataViewStore((state) => state.update);
  const { query } = useDatasetSql(dataset);
  const column = view.column ?? dataset.columns[0]?.name ?? '';
  if (attach !== 'ready') return <p className="pane__placeholder">Statistics appear once the data of “{dataset.name}” is open.</p>;
  return (
    <>
      <label className="stats__picker">
        <span className="muted">Column</span>
        <select className="select" aria-label="Statistics column" value={column} onChange={(event) => update(dataset.id, { column: event.target.value })}>
          {dataset.columns.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      {view.filters.length > 0 ? <p className="muted stats__note">Computed over the filtered rows.</p> : null}
      <ColumnStats datasetId={dataset.id} query={query} column={column} rowCount={dataset.rowCount} />
    </>
  );
}
