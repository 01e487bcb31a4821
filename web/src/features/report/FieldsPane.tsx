/**
 * The Fields pane: each dataset with its columns (Σ numbers, calendar dates, Abc text), its
 * calculated columns (the same icons, marked "calculated") and its measures, filtered by "Search fields". Fields drag (react-dnd) into wells or onto the canvas;
 * ticking a field adds it to the selected visual's first suitable well (or makes a new visual).
 * Right-click a field for "Add to the selected visual" and "New visual from this field".
 */
import { unbindField, type CalculatedColumn, type DatasetEntry, type FieldRef, type Measure, type Visual } from '@tessera/shared';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useDrag } from 'react-dnd';
import { useDatasets, useWorkbookSnapshot } from '../../workbook';
import { DND, type FieldItem } from './dnd';
import { columnKind, modelColumns, sameField, type ColumnKind } from './field-kinds';
import { addToFirstWell, addVisualForField } from './report-actions';
import { useReportStore } from './report-store';
import { useEdit } from './use-edit';
import { useCurrentPage } from './use-current-page';
import { HierarchyFields } from './drill/HierarchyFields';
import { Menu } from './canvas-ops/Menu';

function KindIcon({ kind }: { kind: ColumnKind | 'measure' }): ReactNode {
  if (kind === 'date')
    return (
      <svg viewBox="0 0 16 16" className="field__icon" aria-hidden="true">
        <path d="M3 2h1V1h1.5v1h5V1H12v1h1a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm0 3.5V13h10V5.5H3zM4.5 7h2v2h-2V7zm3 0h2v2h-2V7z" />
      </svg>
    );
  const text = kind === 'numeric' ? 'Σ' : kind === 'measure' ? 'ƒx' : kind === 'boolean' ? '✓✗' : 'Abc';
  return (
    <span className={`field__icon field__icon--${kind}`} aria-hidden="true">
      {text}
    </span>
  );
}

const KIND_NAMES: Record<ColumnKind | 'measure', string> = { numeric: 'number', date: 'date', text: 'text', boolean: 'true/false', measure: 'measure' };

function FieldRow({
  field,
  kind,
  name,
  type,
  usedIn,
  selected,
  calculated = false,
}: {
  field: FieldRef;
  kind: ColumnKind | 'measure';
  name: string;
  type: string;
  usedIn: Visual | undefined;
  selected: Visual | undefined;
  /** A calculated column (marked as such). */
  calculated?: boolean;
}): ReactNode {
  const edit = useEdit();
  const page = useCurrentPage();
  const [{ dragging }, drag] = useDrag<FieldItem, void, { dragging: boolean }>(
    () => ({ type: DND.field, item: { field, kind }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [field, kind],
  );
  const checked = usedIn !== undefined;
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const addToSelected = (visual: Visual) => {
    const ok = edit((doc) => addToFirstWell(doc, visual, field, kind));
    if (ok === false) useReportStore.getState().notify(`${visual.type} has no well for ${name}. Drag it onto a well instead.`);
  };
  const newVisual = () => {
    if (!page) return;
    const id = edit((doc) => addVisualForField(doc, page.id, field, kind, { x: page.size.width / 2, y: page.size.height / 2 }, page.size));
    if (id) useReportStore.getState().select([id]);
  };

  const toggle = (on: boolean) => {
    if (!page) return;
    const visual = selected;
    if (on) {
      if (visual) addToSelected(visual);
      else newVisual();
      return;
    }
    if (!visual) return;
    edit((doc) => {
      for (const [role, refs] of Object.entries(visual.fields)) {
        for (let i = refs.length - 1; i >= 0; i--) if (sameField(refs[i], field)) unbindField(doc, visual.id, role, i);
      }
    });
  };

  return (
    <li>
      <label
        ref={(el) => void drag(el)}
        className={`field${dragging ? ' field--dragging' : ''}`}
        title={`${name} (${calculated ? 'calculated, ' : ''}${type})`}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY });
        }}
      >
        <input type="checkbox" checked={checked} onChange={(e) => toggle(e.target.checked)} aria-label={name} aria-description={calculated ? `${KIND_NAMES[kind]}, calculated column` : KIND_NAMES[kind]} />
        <KindIcon kind={kind} />
        <span className="field__name">{name}</span>
        {calculated ? (
          <span className="field__calc badge badge--small" aria-hidden="true" title="Calculated column">
            calc
          </span>
        ) : null}
      </label>
      {menu ? (
        <Menu
          label={`Field ${name}`}
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          items={[
            { label: 'Add to the selected visual', disabled: !selected || !page, onSelect: () => selected && addToSelected(selected) },
            { label: 'New visual from this field', disabled: !page, onSelect: newVisual },
          ]}
        />
      ) : null}
    </li>
  );
}

function DatasetFields({
  dataset,
  measures,
  calculated,
  query,
  selected,
}: {
  dataset: DatasetEntry;
  measures: Measure[];
  /** Every calculated column of the workbook (this dataset's are listed; the others type them when they use RELATED). */
  calculated: CalculatedColumn[];
  query: string;
  selected: Visual | undefined;
}): ReactNode {
  const [open, setOpen] = useState(true);
  const allHierarchies = useWorkbookSnapshot().model.hierarchies;
  const hierarchies = useMemo(() => Object.values(allHierarchies).filter((h) => h.datasetId === dataset.id), [allHierarchies, dataset.id]);
  const q = query.trim().toLowerCase();
  const columns = modelColumns(dataset, calculated).filter((c) => !q || c.name.toLowerCase().includes(q) || dataset.name.toLowerCase().includes(q));
  const ms = measures.filter((m) => !q || m.name.toLowerCase().includes(q));
  if (q && columns.length === 0 && ms.length === 0) return null;
  const used = (ref: FieldRef): Visual | undefined =>
    selected && Object.values(selected.fields).some((refs) => refs.some((r) => sameField(r, ref))) ? selected : undefined;
  return (
    <li className="fields__dataset">
      <button type="button" className="fields__dataset-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {dataset.name}
      </button>
      {open ? (
        <ul className="fields__list" aria-label={`Fields of ${dataset.name}`}>
          {ms.map((m) => {
            const ref: FieldRef = { measureId: m.id };
            return <FieldRow key={m.id} field={ref} kind="measure" name={m.name} type="measure" usedIn={used(ref)} selected={selected} />;
          })}
          {columns.map((c) => {
            const ref: FieldRef = { datasetId: dataset.id, column: c.name };
            return <FieldRow key={c.name} field={ref} kind={columnKind(c.type)} name={c.name} type={c.type} usedIn={used(ref)} selected={selected} calculated={c.calculated !== undefined} />;
          })}
          {q ? null : <HierarchyFields dataset={dataset} columns={modelColumns(dataset, calculated)} hierarchies={hierarchies} />}
        </ul>
      ) : null}
    </li>
  );
}

export function FieldsPane(): ReactNode {
  const datasets = useDatasets();
  const snapshot = useWorkbookSnapshot();
  const [query, setQuery] = useState('');
  const selection = useReportStore((s) => s.selection);
  const selected = selection.length === 1 ? snapshot.visuals[selection[0]] : undefined;
  const measuresByDataset = useMemo(() => {
    const map = new Map<string, Measure[]>();
    for (const m of Object.values(snapshot.model.measures)) map.set(m.datasetId, [...(map.get(m.datasetId) ?? []), m]);
    return map;
  }, [snapshot.model.measures]);
  const calculated = useMemo(() => Object.values(snapshot.model.columns), [snapshot.model.columns]);

  return (
    <section className="pane report-pane" role="complementary" aria-labelledby="pane-fields">
      <h2 id="pane-fields" className="pane__title">
        Fields
      </h2>
      <input type="search" className="fields__search" placeholder="Search" aria-label="Search fields" value={query} onChange={(e) => setQuery(e.target.value)} />
      {datasets.length === 0 ? (
        <p className="pane__placeholder">No data yet. Import a file to see its fields here.</p>
      ) : (
        <ul className="fields__datasets" aria-label="Datasets and fields">
          {datasets.map((d) => (
            <DatasetFields key={d.id} dataset={d} measures={measuresByDataset.get(d.id) ?? []} calculated={calculated} query={query} selected={selected} />
          ))}
        </ul>
      )}
    </section>
  );
}
