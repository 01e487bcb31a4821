/**
 * "New relationship" / "Edit relationship …": From table and column, To table and column, cardinality, cross-filter
 * direction, Active. The model checks (two tables, compatible types, not already related) run on every change; then
 * the engine checks in SQL that the "one" side's values are unique, offering to swap the sides when they look chosen
 * the wrong way round. Save writes nothing while a problem is shown; saving is one shared command (one undo step).
 */
import {
  addRelationship,
  relationshipProblem,
  updateRelationship,
  type Cardinality,
  type ColumnRef,
  type DatasetEntry,
  type Relationship,
} from '@tessera/shared';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import { ModalDialog } from '../../ui/ModalDialog';
import { useWorkbookSnapshot } from '../../workbook';
import { useModelEdit } from './model-edit';
import { EditorFooter, TableSelect } from './editor-parts';
import { modelColumns } from '../report/field-kinds';
import { checkCardinality, oneSides, type CardinalityCheck, type CheckModel } from './relationship-check';
import { CARDINALITY_LABELS, CROSS_FILTER_LABELS, relationshipLabel } from './relationship-labels';

export type RelationshipTarget = { kind: 'new' } | { kind: 'edit'; relationshipId: string };

type Draft = Omit<Relationship, 'id'>;
type Side = 'from' | 'to';

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The column of `dataset` named like `like` (case-insensitive), else its first column. */
function columnLike(dataset: DatasetEntry | undefined, like?: string): string {
  if (!dataset) return '';
  return (like === undefined ? undefined : dataset.columns.find((c) => sameName(c.name, like)))?.name ?? dataset.columns[0]?.name ?? '';
}

/** A new relationship starts between the first two tables, on columns with the same name when they have some. */
function newDraft(datasets: readonly DatasetEntry[]): Draft {
  const [a, b = a] = datasets;
  const shared = a?.columns.find((c) => b?.columns.some((d) => sameName(c.name, d.name)));
  const fromColumn = shared?.name ?? columnLike(a);
  return {
    from: { datasetId: a?.id ?? '', column: fromColumn },
    to: { datasetId: b?.id ?? '', column: columnLike(b, shared?.name) },
    cardinality: 'many-to-one',
    crossFilter: 'single',
    active: true,
  };
}

/** The engine's verdict on the draft, or `undefined` while it runs; a new verdict is asked for when the ends change. */
function useCardinalityCheck(model: CheckModel, draft: Draft, enabled: boolean): { result?: CardinalityCheck | { error: string }; retry: () => void } {
  const engine = useEngine();
  const [attempt, setAttempt] = useState(0);
  const key = enabled ? JSON.stringify([draft.from, draft.to, draft.cardinality, attempt]) : '';
  const [check, setCheck] = useState<{ key: string; result: CardinalityCheck | { error: string } } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const [from, to, cardinality] = JSON.parse(key) as [ColumnRef, ColumnRef, Cardinality];
    checkCardinality(engine, model, { from, to, cardinality }, controller.signal).then(
      (result) => setCheck({ key, result }),
      (error: unknown) => {
        if (!controller.signal.aborted) setCheck({ key, result: { error: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => controller.abort();
  }, [engine, model, key]);
  return { result: check?.key === key ? check.result : undefined, retry: () => setAttempt((n) => n + 1) };
}

function EndPicker({ side, draft, model, onChange }: { side: Side; draft: Draft; model: CheckModel; onChange: (ref: ColumnRef) => void }): ReactNode {
  const { datasets } = model;
  const ref = draft[side];
  const other = draft[side === 'from' ? 'to' : 'from'];
  const dataset = datasets.find((d) => d.id === ref.datasetId);
  // stored columns, then calculated ones (a key may be either: the query compiler joins on the expression)
  const columns = dataset ? modelColumns(dataset, model.calculated ?? []) : [];
  const column = columns.find((c) => c.name === ref.column);
  const Name = side === 'from' ? 'From' : 'To';
  const role = draft.cardinality === 'many-to-many' ? 'many' : oneSides(draft.cardinality).includes(side) ? 'one' : 'many';
  return (
    <fieldset className="relationship-editor__end">
      <legend>
        {Name} <span className="muted">({role} side)</span>
      </legend>
      <label>
        <span>Table</span>
        <TableSelect
          label={`${Name} table`}
          value={ref.datasetId}
          datasets={datasets}
          onChange={(datasetId) => onChange({ datasetId, column: columnLike(datasets.find((d) => d.id === datasetId), other.column) })}
        />
      </label>
      <label>
        <span>Column</span>
        <select aria-label={`${Name} column`} value={ref.column} onChange={(e) => onChange({ ...ref, column: e.target.value })}>
          {column || !dataset ? null : <option value={ref.column}>{ref.column} (missing)</option>}
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.calculated ? `${c.name} (calculated)` : c.name}
            </option>
          ))}
        </select>
      </label>
      <span className="model__type">{column?.type ?? ''}</span>
    </fieldset>
  );
}

/** A labelled choice among the keys of `options`, shown by their labels. */
function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Record<T, string>; onChange: (value: T) => void }): ReactNode {
  return (
    <label>
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {(Object.entries(options) as [T, string][]).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RelationshipDialog({ target, onClose }: { target: RelationshipTarget; onClose: () => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const edit = useModelEdit();
  const ids = useId();
  const datasets = useMemo(
    () => Object.values(snapshot.datasets).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
    [snapshot.datasets],
  );
  const relationships = useMemo(() => Object.values(snapshot.model.relationships), [snapshot.model.relationships]);
  const calculated = useMemo(() => Object.values(snapshot.model.columns), [snapshot.model.columns]);
  const model = useMemo((): CheckModel => ({ datasets, relationships, calculated }), [datasets, relationships, calculated]);
  const editing = target.kind === 'edit' ? snapshot.model.relationships[target.relationshipId] : undefined;
  const [draft, setDraft] = useState<Draft>(() => (editing ? { from: editing.from, to: editing.to, cardinality: editing.cardinality, crossFilter: editing.crossFilter, active: editing.active } : newDraft(datasets)));
  const [saveError, setSaveError] = useState<string | null>(null);

  const problem = relationshipProblem({ datasets, relationships, calculated }, draft, editing?.id);
  const { result, retry } = useCardinalityCheck(model, draft, problem === undefined);
  const checking = problem === undefined && result === undefined;
  const engineError = result && 'error' in result ? result.error : undefined;
  const refused = result && 'ok' in result && !result.ok ? result : undefined;
  const message = problem?.message ?? refused?.message;
  const fix = problem ? undefined : refused?.fix;
  const ready = problem === undefined && result !== undefined && 'ok' in result && result.ok;

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaveError(null);
  };

  const save = () => {
    if (!ready) return;
    const written = edit((doc) => {
      if (!editing) return addRelationship(doc, draft);
      const changed = (Object.keys(draft) as (keyof Draft)[]).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(editing[k]));
      updateRelationship(doc, editing.id, Object.fromEntries(changed.map((k) => [k, draft[k]])));
      return editing.id;
    });
    if (written.ok) onClose();
    else setSaveError(written.message);
  };

  const title = editing ? `Edit relationship ${relationshipLabel(datasets, editing)}` : 'New relationship';
  return (
    <ModalDialog label={title} className="measure-editor relationship-editor" onClose={onClose}>
      <h2 className="measure-editor__title">{title}</h2>
      {target.kind === 'edit' && !editing ? <p role="alert">This relationship no longer exists (it was deleted, maybe by someone else).</p> : null}
      <div className="relationship-editor__ends">
        <EndPicker side="from" draft={draft} model={model} onChange={(from) => change({ from })} />
        <span className="relationship-editor__arrow" aria-hidden="true">
          →
        </span>
        <EndPicker side="to" draft={draft} model={model} onChange={(to) => change({ to })} />
      </div>
      <div className="measure-editor__row">
        <Choice label="Cardinality" value={draft.cardinality} options={CARDINALITY_LABELS} onChange={(cardinality) => change({ cardinality })} />
        <Choice label="Cross-filter direction" value={draft.crossFilter} options={CROSS_FILTER_LABELS} onChange={(crossFilter) => change({ crossFilter })} />
        <label className="relationship-editor__active">
          <input type="checkbox" checked={draft.active} onChange={(e) => change({ active: e.target.checked })} />
          <span>Active</span>
        </label>
      </div>
      {message ? (
        <div className="relationship-editor__problem">
          <p className="measure-editor__error" id={`${ids}-problem`} role="alert">
            {message}
          </p>
          {fix ? (
            <button type="button" className="btn" onClick={() => change(fix.draft)}>
              {fix.label}
            </button>
          ) : null}
        </div>
      ) : engineError ? (
        <div className="relationship-editor__problem">
          <p className="measure-editor__error" role="alert">
            The values could not be checked: {engineError}. Wait until both tables have loaded, then check again.
          </p>
          <button type="button" className="btn" onClick={retry}>
            Check again
          </button>
        </div>
      ) : (
        <p className="muted measure-editor__help" role="status">
          {checking ? 'Checking the values…' : hint(draft)}
        </p>
      )}
      <EditorFooter error={saveError} onAction={save} onCancel={onClose} actionDisabled={!ready} describedBy={message ? `${ids}-problem` : undefined} />
    </ModalDialog>
  );
}

/** What the chosen relationship does in visuals, said once its checks have passed. */
function hint(draft: Draft): string {
  if (!draft.active) return 'Inactive: visuals do not join along this relationship until it is made active.';
  if (draft.cardinality === 'many-to-many') return 'Visuals do not join along Many to many relationships (rows would repeat): a visual using both tables shows an error.';
  const both = draft.crossFilter === 'both' ? ' With “Both”, filters on the many side also filter the one side: a visual of the one side shows only the rows that have matching rows on the many side.' : '';
  return `Values match: a visual can use fields of both tables, and filters on the one side filter the many side.${both}`;
}
