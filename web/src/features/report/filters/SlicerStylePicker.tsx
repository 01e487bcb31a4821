/** "Slicer style" in the Visualizations pane: List / Dropdown / Between / Relative date / Date range for the field's kind. */
import { isMeasureRef, readWorkbook, setPageFilters, setVisualFormat, type Visual } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useDatasets, useWorkbookSnapshot } from '../../../workbook';
import { columnKind, findColumn } from '../field-kinds';
import { slicerFilterId } from '../report-actions';
import { useEdit } from '../use-edit';
import { SLICER_STYLE_LABELS, slicerStyleOf, slicerStylesFor, type SlicerStyle } from './slicer-style';

export function SlicerStylePicker({ visual }: { visual: Visual }): ReactNode {
  const edit = useEdit();
  const datasets = useDatasets();
  const calculated = useWorkbookSnapshot().model.columns;
  const ref = visual.fields.field?.[0];
  if (visual.type !== 'slicer' || !ref || isMeasureRef(ref)) return null;
  const column = findColumn(datasets, ref, Object.values(calculated));
  const kind = column ? columnKind(column.type) : 'text';
  const style = slicerStyleOf(visual.format, kind);
  const choose = (next: SlicerStyle) =>
    edit((doc) => {
      setVisualFormat(doc, visual.id, 'slicerStyle', next);
      // the old selection has another shape (values / range / relative): start the new style with none
      const page = readWorkbook(doc).pages[visual.pageId];
      const id = slicerFilterId(visual.id);
      if (page?.filters.some((f) => f.id === id)) setPageFilters(doc, page.id, page.filters.filter((f) => f.id !== id));
    });
  return (
    <label className="viz__title">
      <span>Slicer style</span>
      <select aria-label="Slicer style" value={style} onChange={(e) => choose(e.target.value as SlicerStyle)}>
        {slicerStylesFor(kind).map((s) => (
          <option key={s} value={s}>
            {SLICER_STYLE_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
