/**
 * "New measure" / "Edit measure": a modal dialog with the measure's name, its home table and its expression. The
 * expression is checked against the model on every keystroke; a problem is shown under it with its line and column and
 * the faulty part marked, and Save refuses until it is fixed. Saving is one shared command (one undo step).
 */
import { addMeasure, updateMeasure, type Measure } from '@tessera/shared';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { lineAndColumn, measureProblems, type MeasureDraft, type MeasureProblem } from './measure-check';
import { ModalDialog } from '../../ui/ModalDialog';
import { useModelEdit } from './model-edit';

export type EditorTarget = { kind: 'new'; datasetId?: string } | { kind: 'edit'; measureId: string };

/** "Measure", "Measure 2", … — the first name no measure has (names are case-insensitive). */
function freshName(measures: Measure[]): string {
  const taken = new Set(measures.map((m) => m.name.trim().toLocaleLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'Measure' : `Measure ${i}`;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

/** The expression with the faulty part marked (an empty part at the end shows as a marked space). */
function MarkedExpression({ text, problem }: { text: string; problem: Extract<MeasureProblem, { field: 'expression' }> }): ReactNode {
  const end = Math.min(text.length, problem.position + problem.length);
  const bad = text.slice(problem.position, end);
  return (
    <pre className="measure-editor__marked" aria-hidden="true">
      {text.slice(0, problem.position)}
      <mark>{bad === '' ? '\u00a0' : bad}</mark>
      {text.slice(end)}
    </pre>
  );
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

  const problems = measureProblems({ datasets, relationships, measures }, draft);
  const nameProblem = touched.name ? problems.find((p) => p.field === 'name') : undefined;
  const tableProblem = problems.find((p) => p.field === 'datasetId');
  const found = problems.find((p) => p.field === 'expression');
  const exprProblem = touched.expression && found?.field === 'expression' ? found : undefined;
  const where = exprProblem ? lineAndColumn(draft.expression, exprProblem.position) : undefined;
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
    <ModalDialog
      label={title}
      className="measure-editor"
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
    >
      <h2 className="measure-editor__title">{title}</h2>
      {target.kind === 'edit' && !editing ? <p role="alert">This measure no longer exists (it was deleted, maybe by someone else).</p> : null}
      <div className="measure-editor__row">
        <label>
          <span>Name</span>
          <input
            type="text"
            aria-label="Measure name"
            value={draft.name}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? `${ids}-name` : undefined}
            onChange={(e) => {
              setDraft({ ...draft, name: e.target.value });
              setTouched((t) => ({ ...t, name: true }));
            }}
          />
        </label>
        <label>
          <span>Home table</span>
          <select aria-label="Home table" value={draft.datasetId} onChange={(e) => setDraft({ ...draft, datasetId: e.target.value })}>
            {tableProblem ? <option value={draft.datasetId}>(choose a table)</option> : null}
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
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
      <label className="measure-editor__expr">
        <span>Expression</span>
        <textarea
          aria-label="Expression"
          spellCheck={false}
          rows={5}
          value={draft.expression}
          placeholder={example}
          aria-invalid={exprProblem ? true : undefined}
          aria-describedby={exprProblem ? `${ids}-expr` : `${ids}-help`}
          onChange={(e) => {
            setDraft({ ...draft, expression: e.target.value });
            setTouched((t) => ({ ...t, expression: true }));
            setSaveError(null);
          }}
        />
      </label>
      {exprProblem && where ? (
        <div className="measure-editor__problem">
          <MarkedExpression text={draft.expression} problem={exprProblem} />
          <p className="measure-editor__error" id={`${ids}-expr`} role="alert">
            Line {where.line}, column {where.column}: {exprProblem.message}
          </p>
        </div>
      ) : (
        <p className="muted measure-editor__help" id={`${ids}-help`}>
          Functions: SUM, AVERAGE, MIN, MAX, MEDIAN, COUNT, DISTINCTCOUNT of a column (Table[column]), COUNTROWS(Table), DIVIDE(a, b[, alternate]), + − × ÷ and other measures as
          [Name].
        </p>
      )}
      {saveError ? (
        <p className="measure-editor__error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="measure-editor__actions">
        <button type="button" className="btn btn--primary" onClick={save} disabled={target.kind === 'edit' && !editing}>
          Save
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
