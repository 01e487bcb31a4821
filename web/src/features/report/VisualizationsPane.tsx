/**
 * The Visualizations pane: the gallery of visual types (each a draggable button; a click changes
 * the selected visuals' type, or adds a new visual when none is selected) and the wells of the
 * selected visual.
 */
import { setVisualTitle, setVisualType, type VisualType } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useDrag } from 'react-dnd';
import { useWorkbookSnapshot } from '../../workbook';
import { DND, type VisualTypeItem } from './dnd';
import { addVisualAt } from './report-actions';
import { useReportStore } from './report-store';
import { useCurrentPage } from './use-current-page';
import { useEdit } from './use-edit';
import { TypeIcon } from './TypeIcon';
import { galleryTypes, visualTypeLabel } from './visual-types';
import { Wells } from './Wells';
import { SlicerStylePicker } from './filters/SlicerStylePicker';
import { DrillThroughWell } from './drill/DrillThroughControls';
import { VisualExtrasPanel } from './extras';

function TypeButton({ type, active }: { type: VisualType; active: boolean }): ReactNode {
  const edit = useEdit();
  const page = useCurrentPage();
  const [{ dragging }, drag] = useDrag<VisualTypeItem, void, { dragging: boolean }>(
    () => ({ type: DND.visualType, item: { type }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [type],
  );
  const label = visualTypeLabel(type);
  const onClick = () => {
    const selection = useReportStore.getState().selection;
    if (selection.length > 0) {
      edit((doc) => {
        for (const id of selection) setVisualType(doc, id, type);
      });
      return;
    }
    if (!page) return;
    const id = edit((doc) => addVisualAt(doc, page.id, type, { x: page.size.width / 2, y: page.size.height / 2 }, page.size));
    if (id) useReportStore.getState().select([id]);
  };
  return (
    <button
      ref={(el) => void drag(el)}
      type="button"
      className={`gallery__type${active ? ' gallery__type--active' : ''}${dragging ? ' gallery__type--dragging' : ''}`}
      aria-label={label}
      aria-pressed={active}
      title={label}
      onClick={onClick}
    >
      <TypeIcon type={type} />
    </button>
  );
}

function TitleBox({ id, title }: { id: string; title: string }): ReactNode {
  const edit = useEdit();
  const [value, setValue] = useState(title);
  useEffect(() => setValue(title), [title, id]);
  const commit = () => {
    if (value !== title) edit((doc) => setVisualTitle(doc, id, value));
  };
  return (
    <label className="viz__title">
      <span>Title</span>
      <input aria-label="Visual title" value={value} placeholder="Automatic" onChange={(e) => setValue(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </label>
  );
}

export function VisualizationsPane(): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const selection = useReportStore((s) => s.selection);
  const selected = selection.map((id) => snapshot.visuals[id]).filter((v) => v !== undefined);
  const single = selected.length === 1 ? selected[0] : undefined;
  const activeTypes = new Set(selected.map((v) => v.type));
  return (
    <section className="pane report-pane" role="complementary" aria-labelledby="pane-visualizations">
      <h2 id="pane-visualizations" className="pane__title">
        Visualizations
      </h2>
      <div className="gallery" role="group" aria-label="Visual types">
        {galleryTypes().map((type) => (
          <TypeButton key={type} type={type} active={activeTypes.has(type)} />
        ))}
      </div>
      {single ? (
        <div className="viz__selected">
          <TitleBox id={single.id} title={single.title} />
          <Wells visual={single} />
          <SlicerStylePicker visual={single} />
          <VisualExtrasPanel visual={single} />
        </div>
      ) : (
        <>
          <p className="pane__hint muted">{selected.length > 1 ? `${selected.length} visuals selected. Pick a type to change them all.` : 'Select a visual to see its fields, or drag a type onto the canvas.'}</p>
          {selected.length === 0 ? <DrillThroughWell /> : null}
        </>
      )}
    </section>
  );
}
