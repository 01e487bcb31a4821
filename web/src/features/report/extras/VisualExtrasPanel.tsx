/** Extra settings of the selected visual in the Visualizations pane: the map's shapes, the custom visual's spec. */
import { setVisualFormat, type Visual } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useEdit } from '../use-edit';
import { useExtrasStore } from './extras-store';
import { MAP_KINDS, MAP_KIND_LABELS, mapKindOf, type MapKind } from './topology';

export function VisualExtrasPanel({ visual }: { visual: Visual }): ReactNode {
  const edit = useEdit();
  if (visual.type === 'map')
    return (
      <label className="extras__field">
        <span>Map shapes</span>
        <select aria-label="Map shapes" value={mapKindOf(visual.format)} onChange={(e) => edit((doc) => setVisualFormat(doc, visual.id, 'mapKind', e.target.value as MapKind))}>
          {MAP_KINDS.map((k) => (
            <option key={k} value={k}>
              {MAP_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
    );
  if (visual.type === 'custom')
    return (
      <button type="button" className="btn extras__field" onClick={() => useExtrasStore.getState().openSpecEditor(visual.id)}>
        Edit spec
      </button>
    );
  return null;
}
