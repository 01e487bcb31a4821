import type { ReactNode } from 'react';
import { useDatasets, useWorkbookSnapshot } from '../workbook';
import { formatCount, pluralize } from '../ui/format';
import { TableMeasures, useMeasureEditor } from '../features/model/Measures';
import { ModelToolbar } from '../features/model/ModelToolbar';
import { RelationshipList, useAutodetect, useRelationshipEditor } from '../features/model/Relationships';
import { CalculatedColumnRows, NewColumnButton, useColumnEditor } from '../features/model/CalculatedColumns';

/**
 * The model: its relationships (new, edit, delete, Autodetect), every dataset with its columns and their DuckDB types,
 * and its measures (new, edit, delete).
 */
export function ModelView(): ReactNode {
  const datasets = useDatasets();
  const { model } = useWorkbookSnapshot();
  const measureCount = Object.keys(model.measures).length;
  const relationshipCount = Object.keys(model.relationships).length;
  const editor = useMeasureEditor();
  const relationships = useRelationshipEditor();
  const autodetect = useAutodetect();
  const columns = useColumnEditor();
  return (
    <section className="model" aria-label="Model">
      <header className="view-header">
        <h1 className="view-header__title">Model</h1>
        <span className="muted">
          {pluralize(datasets.length, 'dataset')} · {pluralize(relationshipCount, 'relationship')} · {pluralize(measureCount, 'measure')}
        </span>
        <ModelToolbar
          onNewMeasure={() => editor.open({ kind: 'new' })}
          onNewRelationship={() => relationships.open({ kind: 'new' })}
          onAutodetect={autodetect.run}
          detecting={autodetect.detecting}
        />
      </header>
      {datasets.length > 0 ? <RelationshipList onEdit={(relationshipId) => relationships.open({ kind: 'edit', relationshipId })} note={autodetect.note} /> : null}
      {datasets.length === 0 ? (
        <p className="empty-state">No datasets yet. Import data to see its tables and columns here.</p>
      ) : (
        <div className="model__tables">
          {datasets.map((dataset) => (
            <article key={dataset.id} className="model__table" aria-label={dataset.name}>
              <header className="model__table-header">
                <h2>{dataset.name}</h2>
                <span className="muted">{formatCount(dataset.rowCount)} rows</span>
                <NewColumnButton dataset={dataset} onNew={(datasetId) => columns.open({ kind: 'new', datasetId })} />
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
                  <CalculatedColumnRows dataset={dataset} onEdit={(columnId) => columns.open({ kind: 'edit', columnId })} />
                </tbody>
              </table>
              <TableMeasures dataset={dataset} onEdit={(measureId) => editor.open({ kind: 'edit', measureId })} onNew={(datasetId) => editor.open({ kind: 'new', datasetId })} />
            </article>
          ))}
        </div>
      )}
      {editor.layer}
      {relationships.layer}
      {columns.layer}
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
        Measures: “New measure” writes one in the DAX-like language (SUM, DIVIDE, COUNTROWS …); it then appears under its home table in the report’s Fields pane.
        <br />
        <br />
        Relationships: “New relationship” relates a column of one table to a column of another, Many to one from the table whose values repeat to the one where they are
        unique, so that one visual can use fields of both. “Autodetect” relates columns with the same name. Edit or delete them in the Relationships list; Ctrl+Z undoes.
      </p>
      <p className="pane__placeholder">
        Calculated columns: “+ New column” on a table adds a column computed row by row (IF, SWITCH, RELATED, DATE, FORMAT …); it then works like any column of that table in
        visuals, filters and measures.
      </p>
    </section>
  );
}
