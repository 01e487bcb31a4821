/**
 * "New measure" / "Edit measure": a modal dialog with the measure's name, its home table and its expression. The
 * expression is checked against the model on every keystroke; a problem is shown under it with its line and column and
 * the faulty part marked, and Save refuses until it is fixed. Saving is one shared command (one undo step).
 */
import { addMeasure, updateMeasure, type Measure } from '@tessera/shared';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { measureProblems, type MeasureDraft } from './measure-check';
import { useModelEdit } from './model-edit';
import { EditorDialog, EditorFooter, NameField, TableSelect } from './editor-parts';
import { ExpressionField } from './ExpressionField';

export type EditorTarget = { kind: 'new'; datasetId?: string } | { kind: 'edit'; measureId: string };

/** "Measure", "Measure 2", … — the first name no measure has (names are case-insensitive). */
function freshName(measures: Measure[]): string {
  const taken = new Set(measures.map((m) => m.name.trim().toLocaleLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'Measure' : `Measure ${i}`;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

export function MeasureEditor({ target, onClose }: { target: EditorTarget; onClose: () => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const edit = useModelEdit();
  const datasets = useMemo(() => Object.values(snapshot.datasets), [snapshot.datasets]);
  const measures = useMemo(() => Object.values(snapshot.model.measures), [snapshot.model.measures]);
  const relationships = useMemo(() => Object.values(snapshot.model.relationships), [snapshot.model.relationships]);
  const editing = target.kind === 'edit' ? snapshot.model.measures[target.measureId] : undefined;
  const ids = useId();
  const [draft, setDraft] = useState<MeasureDraft>(() =>
    editing
      ? { id: editing.id, name: editing.name, datasetId: editing.datasetId, expression: editing.expression }
      : { name: freshName(measures), datasetId: (target.kind === 'new' ? target.datasetId : undefined) ?? datasets[0]?.id ?? '', expression: '' },
  );
  // problems show once the user has typed into that field or tried to save
  const [touched, setTouched] = useState<{ name: boolean; expression: boolean }>({ name: false, expression: editing !== undefined });
  const [saveError, setSaveError] = useState<string | null>(null);

  const problems = measureProblems({ datasets, relationships, measures, calculatedColumns: Object.values(snapshot.model.columns) }, draft);
  const nameProblem = touched.name ? problems.find((p) => p.field === 'name') : undefined;
  const tableProblem = problems.find((p) => p.field === 'datasetId');
  const found = problems.find((p) => p.field === 'expression');
  const exprProblem = touched.expression && found?.field === 'expression' ? found : undefined;
  const home = datasets.find((d) => d.id === draft.datasetId);
  const example = home ? `e.g. SUM(${home.name}[${home.columns.find((c) => /INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC/i.test(c.type))?.name ?? home.columns[0]?.name ?? 'column'}])` : '';

  const save = () => {
    setTouched({ name: true, expression: true });
    if (problems.length > 0) return;
    const result = edit((doc) => {
      const name = draft.name.trim();
      if (!editing) return addMeasure(doc, { name, datasetId: draft.datasetId, expression: draft.expression });
      updateMeasure(doc, editing.id, {
        ...(name !== editing.name ? { name } : {}),
        ...(draft.datasetId !== editing.datasetId ? { datasetId: draft.datasetId } : {}),
        ...(draft.expression !== editing.expression ? { expression: draft.expression } : {}),
      });
      return editing.id;
    });
    if (result.ok) onClose();
    else setSaveError(result.message);
  };

  const title = editing ? `Edit measure ${editing.name}` : 'New measure';
  return (
    <EditorDialog title={title} onClose={onClose} onSave={save}>
      {target.kind === 'edit' && !editing ? <p role="alert">This measure no longer exists (it was deleted, maybe by someone else).</p> : null}
      <div className="measure-editor__row">
        <NameField
          label="Measure name"
          value={draft.name}
          invalid={nameProblem !== undefined}
          describedBy={nameProblem ? `${ids}-name` : undefined}
          onChange={(name) => {
            setDraft({ ...draft, name });
            setTouched((t) => ({ ...t, name: true }));
          }}
        />
        <label>
          <span>Home table</span>
          <TableSelect label="Home table" value={draft.datasetId} datasets={datasets} onChange={(datasetId) => setDraft({ ...draft, datasetId })} />
        </label>
      </div>
      {nameProblem ? (
        <p className="measure-editor__error" id={`${ids}-name`} role="alert">
          {nameProblem.message}
        </p>
      ) : null}
      {tableProblem ? (
        <p className="measure-editor__error" role="alert">
          {tableProblem.message}
        </p>
      ) : null}
      <ExpressionField
        value={draft.expression}
        placeholder={example}
        problem={exprProblem}
        help={
          <>
            Functions: SUM, AVERAGE, MIN, MAX, MEDIAN, COUNT, DISTINCTCOUNT of a column (Table[column]), COUNTROWS(Table), DIVIDE(a, b[, alternate]), + − × ÷ and other measures as
            [Name].
          </>
        }
        onChange={(expression) => {
          setDraft({ ...draft, expression });
          setTouched((t) => ({ ...t, expression: true }));
          setSaveError(null);
        }}
      />
      <EditorFooter error={saveError} onAction={save} onCancel={onClose} actionDisabled={target.kind === 'edit' && !editing} />
    </EditorDialog>
  );
}
