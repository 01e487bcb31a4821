import type { ReactNode } from 'react';
import { useDatasets, useWorkbookSnapshot } from '../workbook';
import { formatCount, pluralize } from '../ui/format';
import { ModelToolbar, TableMeasures, useMeasureEditor } from '../features/model/Measures';

/** The model: every dataset with its columns and their DuckDB types, and its measures (new, edit, delete). */
export function ModelView(): ReactNode {
  const datasets = useDatasets();
  const measureCount = Object.keys(useWorkbookSnapshot().model.measures).length;
  const editor = useMeasureEditor();
  return (
    <section className="model" aria-label="Model">
      <header className="view-header">
        <h1 className="view-header__title">Model</h1>
        <span className="muted">
          {pluralize(datasets.length, 'dataset')} · {pluralize(measureCount, 'measure')}
        </span>
        <ModelToolbar onNewMeasure={() => editor.open({ kind: 'new' })} />
      </header>
      {datasets.length === 0 ? (
        <p className="empty-state">No datasets yet. Import data to see its tables and columns here.</p>
      ) : (
        <div className="model__tables">
          {datasets.map((dataset) => (
            <article key={dataset.id} className="model__table" aria-label={dataset.name}>
              <header className="model__table-header">
                <h2>{dataset.name}</h2>
                <span className="muted">{formatCount(dataset.rowCount)} rows</span>
              </header>
              <table>
                <caption className="visually-hidden">Columns of {dataset.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Type</th>
                  </tr>
                </thead>
                <tbody>
                  {dataset.columns.map((column) => (
                    <tr key={column.name}>
                      <td>{column.name}</td>
                      <td className="model__type">{column.type}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <TableMeasures dataset={dataset} onEdit={(measureId) => editor.open({ kind: 'edit', measureId })} onNew={(datasetId) => editor.open({ kind: 'new', datasetId })} />
            </article>
          ))}
        </div>
      )}
      {editor.layer}
    </section>
  );
}

export function ModelPanes(): ReactNode {
  return (
    <section className="pane" aria-labelledby="pane-properties">
      <h2 id="pane-properties" className="pane__title">
        Properties
      </h2>
      <p className="pane__placeholder">
        Measures: “New measure” writes one in the DAX-like language (SUM, DIVIDE, COUNTROWS …); it then appears under its home table in the report’s Fields pane. Relationships
        cannot be edited in this version.
      </p>
    </section>
  );
}
