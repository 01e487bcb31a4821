/**
 * User-defined hierarchies in the Fields pane: each an expandable entry (its levels listed) that drags
 * as a whole into a well (all its levels' columns are bound; the visual shows the top level and
 * drills down through the others); and "New hierarchy": a name and ordered levels from the dataset's
 * columns, stored and calculated.
 */
import { addHierarchy, bindField, removeHierarchy, roleKind, type ColumnFieldRef, type DatasetColumn, type DatasetEntry, type Hierarchy, type Visual } from '@tessera/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useDrag } from 'react-dnd';
import type * as Y from 'yjs';
import { DND, type FieldItem } from '../dnd';
import { columnKind, type ColumnKind } from '../field-kinds';
import { useEdit } from '../use-edit';
import { wellAccepts } from '../visual-types';

/** A hierarchy dragged from the Fields pane: a field item (its top level) that carries every level. */
export interface HierarchyItem extends FieldItem {
  levels: ColumnFieldRef[];
  /** The kind of each level's column. */
  kinds: ColumnKind[];
}

export function isHierarchyItem(item: unknown): item is HierarchyItem {
  return typeof item === 'object' && item !== null && Array.isArray((item as { levels?: unknown }).levels);
}

/** Binds every level of a dropped hierarchy into a dimension well (from `index`, or at the end). */
export function bindHierarchy(doc: Y.Doc, visual: Visual, role: string, item: HierarchyItem, index?: number): void {
  if (roleKind(visual.type, role) !== 'dimension') throw new Error(`A hierarchy goes into a grouping well such as Axis, not into "${role}".`);
  item.levels.forEach((ref, i) => {
    if (!wellAccepts(visual.type, role, item.kinds[i] ?? 'text')) return;
    bindField(doc, visual.id, role, { datasetId: ref.datasetId, column: ref.column }, index === undefined ? undefined : index + i);
  });
}

/** The dataset's columns as the model sees them (stored, then calculated: `modelColumns`), each with its type. */
type ModelColumns = readonly (DatasetColumn & { calculated?: unknown })[];

function HierarchyEntry({ dataset, columns, hierarchy }: { dataset: DatasetEntry; columns: ModelColumns; hierarchy: Hierarchy }): ReactNode {
  const [open, setOpen] = useState(false);
  const edit = useEdit();
  const levels = hierarchy.levels.map((column) => ({ datasetId: dataset.id, column }));
  const kinds = hierarchy.levels.map((l) => columnKind(columns.find((c) => c.name === l)?.type ?? 'VARCHAR'));
  const kind = kinds[0] ?? 'text';
  const [{ dragging }, drag] = useDrag<HierarchyItem, void, { dragging: boolean }>(
    () => ({ type: DND.field, item: { field: levels[0], kind, levels, kinds }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [hierarchy, kind],
  );
  return (
    <li className="fields__hierarchy">
      <span ref={(el) => void drag(el)} className={`field${dragging ? ' field--dragging' : ''}`} title={`${hierarchy.name}: ${hierarchy.levels.join(' › ')}`}>
        <button type="button" className="fields__dataset-toggle" aria-expanded={open} aria-label={`Hierarchy ${hierarchy.name}`} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'} ⋔</span> {hierarchy.name}
        </button>
        <button type="button" className="well__remove" aria-label={`Delete hierarchy ${hierarchy.name}`} onClick={() => edit((doc) => removeHierarchy(doc, hierarchy.id))}>
          ×
        </button>
      </span>
      {open ? (
        <ol className="fields__levels" aria-label={`Levels of ${hierarchy.name}`}>
          {hierarchy.levels.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function NewHierarchyForm({ dataset, columns, onDone }: { dataset: DatasetEntry; columns: ModelColumns; onDone: () => void }): ReactNode {
  const edit = useEdit();
  const [name, setName] = useState('');
  const [levels, setLevels] = useState<string[]>([]);
  const toggle = (column: string, on: boolean) => setLevels(on ? [...levels, column] : levels.filter((l) => l !== column));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = edit((doc) => addHierarchy(doc, { datasetId: dataset.id, name, levels }));
    if (ok) onDone();
  };
  return (
    <form className="fields__new-hierarchy" aria-label={`New hierarchy in ${dataset.name}`} onSubmit={submit}>
      <input aria-label="Hierarchy name" placeholder="Hierarchy name" value={name} onChange={(e) => setName(e.target.value)} />
      <fieldset>
        <legend>Levels, in the order you tick them</legend>
        {columns.map((c) => {
          const at = levels.indexOf(c.name);
          return (
            <label key={c.name} className="fields__level-choice">
              <input type="checkbox" aria-label={`Level ${c.name}`} checked={at >= 0} onChange={(e) => toggle(c.name, e.target.checked)} />
              {at >= 0 ? <span className="muted">{at + 1}.</span> : null} {c.name}
              {c.calculated ? <span className="badge badge--small">calculated</span> : null}
            </label>
          );
        })}
      </fieldset>
      <button type="submit" disabled={!name.trim() || levels.length === 0}>
        Create hierarchy
      </button>
      <button type="button" className="link-button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** The hierarchies of one dataset, and its "New hierarchy" action. */
export function HierarchyFields({ dataset, columns, hierarchies }: { dataset: DatasetEntry; columns: ModelColumns; hierarchies: Hierarchy[] }): ReactNode {
  const [creating, setCreating] = useState(false);
  return (
    <>
      {hierarchies.map((h) => (
        <HierarchyEntry key={h.id} dataset={dataset} columns={columns} hierarchy={h} />
      ))}
      <li>
        {creating ? (
          <NewHierarchyForm dataset={dataset} columns={columns} onDone={() => setCreating(false)} />
        ) : (
          <button type="button" className="link-button" aria-label={`New hierarchy in ${dataset.name}`} onClick={() => setCreating(true)}>
            + New hierarchy
          </button>
        )}
      </li>
    </>
  );
}
