/**
 * The drill buttons of a visual's header (Power BI's visual header): Drill up, Drill down (a mode:
 * a click on a data point then drills into it), Go to the next level, Expand all down one level.
 * Shown only when the axis holds a hierarchy.
 */
import { type Visual, type WorkbookSnapshot } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useDrillStore } from './drill-store';
import { canDrillDown, canDrillUp, drillUp, expandAll, nextLevel, TOP_STATE } from './hierarchy';
import { useDrillHierarchy } from './use-drill';
import './drill.css';

const stop = (e: { stopPropagation(): void }) => e.stopPropagation();

export function DrillButtons({ visual, snapshot }: { visual: Visual; snapshot: WorkbookSnapshot }): ReactNode {
  const hierarchy = useDrillHierarchy(visual, snapshot);
  const state = useDrillStore((s) => s.states[visual.id]) ?? TOP_STATE;
  const mode = useDrillStore((s) => s.drillMode[visual.id] === true);
  if (!hierarchy) return null;
  const store = useDrillStore.getState();
  const level = Math.min(state.level, hierarchy.levels.length - 1);
  const down = canDrillDown(hierarchy, state);
  const button = (label: string, icon: string, onClick: () => void, disabled: boolean, pressed?: boolean) => (
    <button
      type="button"
      className={`visual__drill-button${pressed ? ' visual__drill-button--on' : ''}`}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onPointerDown={stop}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
  return (
    <span className="visual__drill" role="group" aria-label="Drill">
      <span className="visual__drill-level" title="Level shown">
        {hierarchy.levels[level]}
      </span>
      {button('Drill up', '↑', () => store.set(visual.id, drillUp(state)), !canDrillUp(state))}
      {button('Drill down', '↓', () => store.setDrillMode(visual.id, !mode), !down && !mode, mode)}
      {button('Go to the next level', '⇊', () => store.set(visual.id, nextLevel(hierarchy, state)), !down)}
      {button('Expand all down one level', '⑂', () => store.set(visual.id, expandAll(hierarchy, state)), !down)}
    </span>
  );
}
