/**
 * The Filters pane (Power BI's): "Filters on this visual" (one visual selected), "Filters on this page" and "Filters on
 * all pages". A field dragged from the Fields pane onto a section, or picked in its "Add filter" list, adds a basic filter
 * there. Report filters live in the workbook's `meta.filters`, page filters on the page, visual filters on the visual.
 */
import { isMeasureRef, type FieldRef, type WorkbookSnapshot } from '@tessera/shared';
import { type ReactNode } from 'react';
import { useDrop } from 'react-dnd';
import { useWorkbookSnapshot } from '../../../workbook';
import { DND, type FieldItem } from '../dnd';
import { modelColumns } from '../field-kinds';
import { useReportStore } from '../report-store';
import { useCurrentPage } from '../use-current-page';
import { useEdit } from '../use-edit';
import { levelFilters, newFilter, putFilter, type FilterLevel } from './filter-model';
import { FilterCard } from './FilterCard';
import './filters.css';

function AddFilter({ title, onAdd, snapshot }: { title: string; onAdd: (field: FieldRef) => void; snapshot: WorkbookSnapshot }): ReactNode {
  const datasets = Object.values(snapshot.datasets);
  return (
    <select
      className="filters__add"
      aria-label={`Add filter to ${title}`}
      value=""
      onChange={(e) => {
        const [datasetId, ...rest] = e.target.value.split('\u0000');
        if (datasetId && rest.length) onAdd({ datasetId, column: rest.join('\u0000') });
      }}
    >
      <option value="">+ Add filter…</option>
      {datasets.map((d) => (
        <optgroup key={d.id} label={d.name}>
          {modelColumns(d, Object.values(snapshot.model.columns)).map((c) => (
            <option key={c.name} value={`${d.id}\u0000${c.name}`}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function Section({ title, level, snapshot }: { title: string; level: FilterLevel; snapshot: WorkbookSnapshot }): ReactNode {
  const edit = useEdit();
  const add = (field: FieldRef) => {
    if (isMeasureRef(field)) {
      useReportStore.getState().notify('Filters on measures are not supported yet: drag a column into the Filters pane.');
      return;
    }
    edit((doc) => putFilter(doc, level, newFilter(field)));
  };
  const [{ over }, drop] = useDrop<FieldItem, void, { over: boolean }>(
    () => ({ accept: DND.field, drop: (item) => add(item.field), collect: (m) => ({ over: m.isOver() && m.canDrop() }) }),
    [level, edit],
  );
  const filters = levelFilters(snapshot, level);
  const id = `filters-${level.kind}`;
  return (
    <section ref={(el) => void drop(el)} className={`filters__section${over ? ' filters__section--over' : ''}`} aria-labelledby={id}>
      <h3 id={id} className="filters__heading">
        {title}
      </h3>
      {filters.length > 0 ? (
        <ul className="filters__cards" aria-label={title}>
          {filters.map((f) => (
            <FilterCard key={f.id} filter={f} level={level} snapshot={snapshot} />
          ))}
        </ul>
      ) : null}
      <p className="filters__drop muted">Add data fields here</p>
      <AddFilter title={title} onAdd={add} snapshot={snapshot} />
    </section>
  );
}

export function FiltersPane(): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const page = useCurrentPage();
  const selection = useReportStore((s) => s.selection);
  const visual = selection.length === 1 ? snapshot.visuals[selection[0]] : undefined;
  return (
    <section className="pane report-pane filters" role="complementary" aria-labelledby="pane-filters">
      <h2 id="pane-filters" className="pane__title">
        Filters
      </h2>
      {visual ? <Section title="Filters on this visual" level={{ kind: 'visual', visualId: visual.id }} snapshot={snapshot} /> : null}
      {page ? <Section title="Filters on this page" level={{ kind: 'page', pageId: page.id }} snapshot={snapshot} /> : null}
      <Section title="Filters on all pages" level={{ kind: 'report' }} snapshot={snapshot} />
    </section>
  );
}
