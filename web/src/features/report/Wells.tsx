/**
 * The field wells of the selected visual ("Axis", "Values", "Legend" …): drop fields from the
 * Fields pane or from another well, reorder by dragging, remove, and for aggregated columns choose
 * the aggregation and "Show as % of total".
 */
import { AGGREGATES, bindField, isMeasureRef, moveField, roleKind, unbindField, type Aggregate, type FieldRef, type Measure, type Visual } from '@tessera/shared';
import { useRef, type ReactNode } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { DND, type FieldItem, type WellFieldItem } from './dnd';
import { AGGREGATE_LABELS, columnKind, fieldLabel, fieldName, findColumn, type ColumnKind } from './field-kinds';
import { bindInto } from './report-actions';
import { bindHierarchy, isHierarchyItem } from './drill/HierarchyFields';
import { useEdit } from './use-edit';
import { useWorkbookSnapshot } from '../../workbook';
import { rolesOf, roleLabel, singleFieldRole, wellAccepts } from './visual-types';
import { RenameField } from './extras';

const AGG_CHOICES = ['sum', 'avg', 'min', 'max', 'count', 'distinctCount', 'median'].filter((a) => (AGGREGATES as readonly string[]).includes(a)) as Aggregate[];

function kindOf(ref: FieldRef, visualDatasets: Parameters<typeof findColumn>[0], calculated: Parameters<typeof findColumn>[2]): ColumnKind | 'measure' {
  if (isMeasureRef(ref)) return 'measure';
  const column = findColumn(visualDatasets, ref, calculated);
  return column ? columnKind(column.type) : 'text';
}

function WellItem({ visual, role, index, refr, measures, kind }: { visual: Visual; role: string; index: number; refr: FieldRef; measures: Measure[]; kind: ColumnKind | 'measure' }): ReactNode {
  const edit = useEdit();
  const element = useRef<HTMLLIElement | null>(null);
  const name = fieldName(refr, measures);
  const defaultLabel = fieldLabel(refr, measures);
  const label = refr.label ?? defaultLabel;
  const [{ dragging }, drag] = useDrag<WellFieldItem, void, { dragging: boolean }>(
    () => ({ type: DND.wellField, item: { visualId: visual.id, role, index, field: refr, kind }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [visual.id, role, index, refr, kind],
  );
  const [{ over }, drop] = useDrop<WellFieldItem | FieldItem, { handled: true }, { over: boolean }>(
    () => ({
      accept: [DND.wellField, DND.field],
      canDrop: (item) => wellAccepts(visual.type, role, item.kind),
      drop: (item, monitor) => {
        // upper half of an item: before it; lower half: after it
        const rect = element.current?.getBoundingClientRect();
        const point = monitor.getClientOffset();
        const at = rect && point && point.y > rect.top + rect.height / 2 ? index + 1 : index;
        if ('visualId' in item && item.visualId === visual.id) {
          const to = item.role === role && item.index < at ? at - 1 : at;
          if (item.role !== role || item.index !== to) edit((doc) => moveField(doc, visual.id, item.role, item.index, role, to));
        } else if (isHierarchyItem(item)) edit((doc) => bindHierarchy(doc, visual, role, item, at));
        else edit((doc) => bindInto(doc, visual, role, item.field, item.kind, at));
        return { handled: true };
      },
      collect: (m) => ({ over: m.isOver() && m.canDrop() }),
    }),
    [visual, role, index, edit],
  );
  const measureWell = roleKind(visual.type, role) === 'measure';
  const column = isMeasureRef(refr) ? undefined : refr;
  const pct = column?.showAs === 'percentOfTotal';

  const setAggregate = (aggregate: Aggregate) => {
    if (column) replace({ ...column, aggregate });
  };
  const replace = (next: FieldRef) =>
    edit((doc) => {
      unbindField(doc, visual.id, role, index);
      bindField(doc, visual.id, role, next, index);
    });
  const togglePct = (on: boolean) => {
    if (!column) return;
    const { showAs: _old, ...rest } = column;
    replace(on ? { ...rest, showAs: 'percentOfTotal' } : rest);
  };

  return (
    <li
      ref={(el) => {
        element.current = el;
        drag(drop(el));
      }}
      className={`well__item${over ? ' well__item--over' : ''}${dragging ? ' well__item--dragging' : ''}`}>
      <span className="well__item-name" title={label}>
        {label}
      </span>
      <RenameField visualId={visual.id} role={role} index={index} refr={refr} name={name} defaultLabel={defaultLabel} />
      <button type="button" className="well__remove" aria-label={`Remove ${name}`} title={`Remove ${name}`} onClick={() => edit((doc) => unbindField(doc, visual.id, role, index))}>
        ×
      </button>
      {measureWell && column ? (
        <span className="well__options">
          <select aria-label={`Aggregation of ${name}`} value={column.aggregate ?? 'sum'} onChange={(e) => setAggregate(e.target.value as Aggregate)}>
            {AGG_CHOICES.map((a) => (
              <option key={a} value={a}>
                {AGGREGATE_LABELS[a] ?? a}
              </option>
            ))}
          </select>
          <label className="well__pct">
            <input type="checkbox" role="switch" aria-label={`Show ${name} as % of total`} checked={pct} onChange={(e) => togglePct(e.target.checked)} /> Show as % of total
          </label>
        </span>
      ) : null}
    </li>
  );
}

function Well({ visual, role }: { visual: Visual; role: string }): ReactNode {
  const edit = useEdit();
  const snapshot = useWorkbookSnapshot();
  const datasets = Object.values(snapshot.datasets);
  const measures = Object.values(snapshot.model.measures);
  const refs = visual.fields[role] ?? [];
  const label = roleLabel(visual.type, role);
  const full = singleFieldRole(visual.type, role) && refs.length >= 1;
  const [{ over, can }, drop] = useDrop<WellFieldItem | FieldItem, void, { over: boolean; can: boolean }>(
    () => ({
      accept: [DND.wellField, DND.field],
      canDrop: (item) => wellAccepts(visual.type, role, item.kind) && (!full || ('visualId' in item && item.role === role)),
      drop: (item, monitor) => {
        if (monitor.didDrop()) return;
        if ('visualId' in item && item.visualId === visual.id) {
          if (item.role !== role) edit((doc) => moveField(doc, visual.id, item.role, item.index, role, refs.length));
        } else if (isHierarchyItem(item)) edit((doc) => bindHierarchy(doc, visual, role, item));
        else edit((doc) => bindInto(doc, visual, role, item.field, item.kind));
      },
      collect: (m) => ({ over: m.isOver({ shallow: false }) && m.canDrop(), can: m.canDrop() }),
    }),
    [visual, role, refs.length, full, edit],
  );
  return (
    <section ref={(el) => void drop(el)} className={`well${over ? ' well--over' : ''}${can ? ' well--can' : ''}`}>
      <h3 className="well__label" id={`well-${visual.id}-${role}`}>
        {label}
      </h3>
      <ul className="well__list" aria-label={label}>
        {refs.map((ref, i) => (
          <WellItem key={`${i}:${JSON.stringify(ref)}`} visual={visual} role={role} index={i} refr={ref} measures={measures} kind={kindOf(ref, datasets, Object.values(snapshot.model.columns))} />
        ))}
        {refs.length === 0 ? <li className="well__hint">Add data fields here</li> : null}
      </ul>
    </section>
  );
}

export function Wells({ visual }: { visual: Visual }): ReactNode {
  return (
    <div className="wells">
      {rolesOf(visual.type).map((role) => (
        <Well key={role} visual={visual} role={role} />
      ))}
    </div>
  );
}
