/**
 * The slicer: a list of the field's values with checkboxes. The selection is stored as a page
 * filter with id `slicer_<visualId>` through `setPageFilters` (so it is saved with the report,
 * synced and undoable); an empty selection removes that filter. The slicer's own query ignores it.
 */
import { isMeasureRef, type Filter, type Scalar, type Visual } from '@tessera/shared';
import { type ResultField } from '@tessera/shared';
import { formatValue } from '@tessera/shared';
import { numberFormatOf } from './field-format';
import { setPageFilters } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../workbook';
import { slicerFilterId } from './report-actions';
import { useEdit } from './use-edit';
import { columnKind } from './field-kinds';
import { slicerStyleOf } from './filters/slicer-style';
import { SlicerVariant } from './filters/SlicerVariants';

const asScalar = (value: unknown): Scalar => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null);

export function SlicerVisual({ visual, fields, rows }: { visual: Visual; fields: ResultField[]; rows: Record<string, unknown>[] }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const edit = useEdit();
  const field = fields.find((f) => f.kind === 'dimension') ?? fields[0];
  const page = snapshot.pages[visual.pageId];
  const filterId = slicerFilterId(visual.id);
  const current = page?.filters.find((f) => f.id === filterId);
  const selected = current && current.kind === 'values' ? current.values : [];
  if (!field || !page) return null;
  const ref = field.ref;
  const style = slicerStyleOf(visual.format, columnKind(field.sqlType));
  if (style !== 'list') return <SlicerVariant style={style} visual={visual} page={page} field={field} fields={fields} rows={rows} />;

  const toggle = (value: Scalar, on: boolean): void => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    const others = page.filters.filter((f) => f.id !== filterId);
    if (isMeasureRef(ref)) return;
    const filter: Filter = { id: filterId, kind: 'values', field: { datasetId: ref.datasetId, column: ref.column }, values: next };
    edit((doc) => setPageFilters(doc, page.id, next.length === 0 ? others : [...others, filter]));
  };

  return (
    <fieldset className="visual__slicer">
      <legend className="visually-hidden">{field.label}</legend>
      {rows.map((row, i) => {
        const value = asScalar(row[field.key]);
        const text = value === null ? '(Blank)' : formatValue(value, field, numberFormatOf(field));
        const checked = selected.some((v) => v === value);
        return (
          <label key={i} className="visual__slicer-item">
            <input type="checkbox" checked={checked} onChange={(e) => toggle(value, e.target.checked)} />
            {text}
          </label>
        );
      })}
      {selected.length > 0 ? (
        <button type="button" className="link-button" onClick={() => edit((doc) => setPageFilters(doc, page.id, page.filters.filter((f) => f.id !== filterId)))}>
          Clear selection
        </button>
      ) : null}
    </fieldset>
  );
}
