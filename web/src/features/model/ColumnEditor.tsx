/**
 * "New column" / "Edit column": a modal dialog with the calculated column's name, its table and its row-level
 * expression, checked against the model on every keystroke (problems shown with line and column, the faulty part
 * marked). Save asks the engine for the column's type and checks every row evaluates, then writes the column — and
 * the new types of the columns built on it — as one undo step. Ctrl+Enter saves.
 */
import { addCalculatedColumn, modelOfSnapshot, updateCalculatedColumn, type CalculatedColumn, type DatasetEntry } from '@tessera/shared';
import { useMemo, useState, type ReactNode } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import { useAttachStates, useWorkbookSnapshot } from '../../workbook';
import { checkWithEngine, describeColumns } from './column-engine';
import { columnProblems, compiledDraft, draftModel, type ColumnDraft } from './column-check';
import { columnUsage, dependentColumns } from './column-usage';
import { EditorDialog, EditorFooter, NameField, TableSelect } from './editor-parts';
import { ExpressionField } from './ExpressionField';
import { usageText } from './measure-usage';
import { useModelEdit } from './model-edit';

export type ColumnTarget = { kind: 'new'; datasetId: string } | { kind: 'edit'; columnId: string };

/** "Column", "Column 2", … — the first name no column of the table has (names are case-insensitive). */
function freshName(dataset: DatasetEntry | undefined, calcs: CalculatedColumn[]): string {
  const taken = new Set([...(dataset?.columns ?? []), ...calcs.filter((c) => c.datasetId === dataset?.id)].map((c) => c.name.trim().toLocaleLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'Column' : `Column ${i}`;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

const KIND_WORDS = { number: 'number', text: 'text', date: 'date', boolean: 'true/false', blank: 'blank', other: 'other' } as const;

const HELP = (
  <>
    A row-level expression: <code>[column]</code> or <code>Table[column]</code> of this table, <code>RELATED(Other[column])</code> across a many-to-one relationship, numbers,{' '}
    <code>"text"</code>, TRUE, FALSE, BLANK(); + − * / , &amp; (joins text), = &lt;&gt; &lt; &lt;= &gt; &gt;=, &amp;&amp; ||. Functions: IF, SWITCH, AND, OR, NOT, ISBLANK, DIVIDE,
    ROUND, ABS, INT, YEAR, QUARTER, MONTH, DAY, WEEKDAY, DATE, FORMAT, UPPER, LOWER, LEFT, RIGHT, LEN, TRIM, CONCATENATE. BLANK is an empty value: arithmetic with it gives BLANK.
    A division by zero with / gives BLANK (the visual does not fail); DIVIDE(a, b, alternate) gives the alternate.
  </>
);

export function ColumnEditor({ target, onClose }: { target: ColumnTarget; onClose: () => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const edit = useModelEdit();
  const engine = useEngine();
  const attach = useAttachStates();
  const model = useMemo(() => modelOfSnapshot(snapshot), [snapshot]);
  const editing = target.kind === 'edit' ? snapshot.model.columns[target.columnId] : undefined;
  const [draft, setDraft] = useState<ColumnDraft>(() =>
    editing
      ? { id: editing.id, name: editing.name, datasetId: editing.datasetId, expression: editing.expression }
      : { name: freshName(snapshot.datasets[target.kind === 'new' ? target.datasetId : ''], model.calculatedColumns), datasetId: target.kind === 'new' ? target.datasetId : '', expression: '' },
  );
  // problems show once the user has typed into that field or tried to save
  const [touched, setTouched] = useState<{ name: boolean; expression: boolean }>({ name: false, expression: editing !== undefined });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const renameUse = useMemo(() => (editing ? usageText(columnUsage(snapshot, draftModel(model, draft).ctx, editing)) : ''), [editing, snapshot, model, draft]);
  const problems = columnProblems(model, draft);
  const renaming = editing !== undefined && draft.name.trim() !== '' && draft.name.trim() !== editing.name && renameUse !== '';
  const nameProblem = touched.name ? problems.find((p) => p.field === 'name') : undefined;
  const tableProblem = problems.find((p) => p.field === 'datasetId');
  const found = problems.find((p) => p.field === 'expression');
  const exprProblem = touched.expression && found?.field === 'expression' ? found : undefined;
  const compiled = exprProblem ? undefined : compiledDraft(model, draft);
  const home = model.datasets.find((d) => d.id === draft.datasetId);
  const numeric = home?.columns.filter((c) => /INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC/i.test(c.type)) ?? [];
  const example = numeric.length >= 2 ? `e.g. [${numeric[0].name}] * [${numeric[1].name}]` : home?.columns[0] ? `e.g. UPPER([${home.columns[0].name}])` : '';

  const save = async () => {
    setTouched({ name: true, expression: true });
    if (problems.length > 0 || saving) return;
    const { calc, ctx } = draftModel(model, { ...draft, name: draft.name.trim() });
    // the engine types the column when its tables are in DuckDB; otherwise the type inferred from the expression
    const dependents = dependentColumns(ctx, calc);
    const tables = new Set([calc.datasetId, ...(compiled?.related ?? []), ...dependents.map((c) => c.datasetId)]);
    const attached = [...tables].every((id) => attach.get(id)?.state === 'ready');
    let type = compiled?.type;
    let retyped = new Map<string, string>();
    if (attached) {
      setSaving(true);
      const checked = await checkWithEngine(engine, ctx, calc);
      if (!checked.ok) {
        setSaving(false);
        setSaveError(checked.message);
        return;
      }
      type = checked.type;
      retyped = await describeColumns(engine, ctx, dependents);
      setSaving(false);
    }
    const result = edit((doc) => {
      let id = editing?.id;
      if (editing) {
        updateCalculatedColumn(doc, editing.id, {
          ...(calc.name !== editing.name ? { name: calc.name } : {}),
          ...(calc.expression !== editing.expression ? { expression: calc.expression } : {}),
          ...(type && type !== editing.type ? { type } : {}),
        });
      } else id = addCalculatedColumn(doc, { name: calc.name, datasetId: calc.datasetId, expression: calc.expression, ...(type ? { type } : {}) });
      for (const c of dependents) {
        const t = retyped.get(c.id);
        if (t && t !== c.type) updateCalculatedColumn(doc, c.id, { type: t });
      }
      return id;
    });
    if (result.ok) onClose();
    else setSaveError(result.message);
  };

  const title = editing ? `Edit column ${editing.name}` : 'New column';
  return (
    <EditorDialog title={title} onClose={onClose} onSave={() => void save()}>
      {target.kind === 'edit' && !editing ? <p role="alert">This column no longer exists (it was deleted, maybe by someone else).</p> : null}
      <div className="measure-editor__row">
        <NameField
          label="Column name"
          value={draft.name}
          invalid={nameProblem !== undefined}
          onChange={(name) => {
            setDraft({ ...draft, name });
            setTouched((t) => ({ ...t, name: true }));
            setSaveError(null);
          }}
        />
        <label>
          <span>Table</span>
          {editing ? (
            <input type="text" aria-label="Table" value={home?.name ?? ''} readOnly title="A column stays in its table" />
          ) : (
            <TableSelect label="Table" value={draft.datasetId} datasets={model.datasets} onChange={(datasetId) => setDraft({ ...draft, datasetId })} />
          )}
        </label>
      </div>
      {renaming && !nameProblem ? (
        <p className="muted" role="status" aria-label="Rename">
          Saving also renames “{editing.name}” in {renameUse}.
        </p>
      ) : null}
      {[nameProblem, tableProblem].map((p) =>
        p ? (
          <p key={p.field} className="measure-editor__error" role="alert">
            {p.message}
          </p>
        ) : null,
      )}
      <ExpressionField
        value={draft.expression}
        placeholder={example}
        problem={exprProblem}
        help={HELP}
        onChange={(expression) => {
          setDraft({ ...draft, expression });
          setTouched((t) => ({ ...t, expression: true }));
          setSaveError(null);
        }}
      />
      {compiled && draft.expression.trim() !== '' ? (
        <p className="muted calc-editor__type" role="status" aria-label="Column type">
          Type: {KIND_WORDS[compiled.kind]} ({compiled.type}){saving ? ' — checking with the data engine…' : ''}
        </p>
      ) : null}
      <EditorFooter error={saveError} onAction={() => void save()} onCancel={onClose} actionDisabled={(target.kind === 'edit' && !editing) || saving} />
    </EditorDialog>
  );
}
