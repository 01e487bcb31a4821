/**
 * "Sort by" in a visual's "More options" menu: the visual's fields (a checkmark on the current one)
 * and "Sort descending" / "Sort ascending". Each choice is one `setVisualSort` command.
 */
import { setVisualSort, type FieldRef } from '@tessera/shared';
import { useState, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../../workbook';
import { useEdit } from '../use-edit';
import { effectiveSort, isSortedBy, sortOptions } from './sort-options';

const NO_SORT_TYPES = new Set(['card', 'multiRowCard', 'kpi', 'slicer', 'histogram']);

export function SortMenu({ visualId, onDone }: { visualId: string; onDone: () => void }): ReactNode {
  const snapshot = useWorkbookSnapshot();
  const edit = useEdit();
  const [open, setOpen] = useState(false);
  const visual = snapshot.visuals[visualId];
  if (!visual || NO_SORT_TYPES.has(visual.type)) return null;
  const options = sortOptions(visual, Object.values(snapshot.model.measures));
  if (options.length === 0) return null;
  const current = effectiveSort(visual, options);

  const apply = (field: FieldRef, direction: 'asc' | 'desc') => {
    edit((doc) => setVisualSort(doc, visualId, { field, direction }));
    onDone();
  };
  const check = (on: boolean) => (
    <span className="extras__check" aria-hidden="true">
      {on ? '✓' : ''}
    </span>
  );

  return (
    <>
      <button type="button" role="menuitem" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Sort by <span aria-hidden="true">▸</span>
      </button>
      {open ? (
        <div role="menu" aria-label="Sort by" className="extras__submenu">
          {options.map((o) => {
            const on = isSortedBy(current, o.field);
            return (
              <button key={JSON.stringify(o.field)} type="button" role="menuitemradio" aria-checked={on} onClick={() => apply(o.field, current?.direction ?? 'desc')}>
                {check(on)}
                {o.label}
              </button>
            );
          })}
          <hr role="separator" className="extras__separator" />
          {(['desc', 'asc'] as const).map((direction) => {
            const on = current?.direction === direction;
            return (
              <button
                key={direction}
                type="button"
                role="menuitemradio"
                aria-checked={on}
                disabled={!current}
                onClick={() => current && apply(current.field, direction)}
              >
                {check(on)}
                {direction === 'asc' ? 'Sort ascending' : 'Sort descending'}
              </button>
            );
          })}
        </div>
      ) : null}
    </>
  );
}
