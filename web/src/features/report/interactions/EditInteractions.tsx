/**
 * "Edit interactions" (Power BI): a report toolbar toggle; when on and one visual is selected (the
 * source), every other visual of the page shows Filter / Highlight / None icons choosing how it
 * reacts to a click in the source. Stored in the page via `setVisualInteraction`.
 */
import { setVisualInteraction, visualsOnPage, type InteractionMode, type Visual, type WorkbookSnapshot } from '@tessera/shared';
import type { ReactNode } from 'react';
import { useReportStore } from '../report-store';
import { useEdit } from '../use-edit';
import { visualLabels } from '../visual-labels';
import { canHighlight, interactionMode } from './interaction-mode';
import { useInteractionsStore } from './interactions-store';

export function EditInteractionsButton(): ReactNode {
  const editing = useInteractionsStore((s) => s.editing);
  const setEditing = useInteractionsStore((s) => s.setEditing);
  return (
    <button type="button" aria-pressed={editing} onClick={() => setEditing(!editing)} title="Choose how the other visuals react to a click in the selected visual">
      <span aria-hidden="true">⇄</span> Edit interactions
    </button>
  );
}

const ICONS: Record<InteractionMode, string> = { filter: '⏷', highlight: '◐', none: '⊘' };
const NAMES: Record<InteractionMode, string> = { filter: 'Filter', highlight: 'Highlight', none: 'None' };

/** The icons on a target visual's header while "Edit interactions" is on and another visual is the selected source. */
export function InteractionIcons({ visual, snapshot }: { visual: Visual; snapshot: WorkbookSnapshot }): ReactNode {
  const editing = useInteractionsStore((s) => s.editing);
  const selection = useReportStore((s) => s.selection);
  const edit = useEdit();
  const source = selection.length === 1 ? snapshot.visuals[selection[0]] : undefined;
  if (!editing || !source || source.id === visual.id || source.pageId !== visual.pageId) return null;
  const labels = visualLabels(visualsOnPage(snapshot, visual.pageId));
  const name = (v: Visual) => labels.get(v.id) ?? v.id;
  const current = interactionMode(snapshot.pages[visual.pageId], source.id, visual.id);
  const modes: InteractionMode[] = canHighlight(visual.type) ? ['filter', 'highlight', 'none'] : ['filter', 'none'];
  return (
    <span className="visual__interactions" role="group" aria-label={`Interaction of ${name(visual)}`} onPointerDown={(e) => e.stopPropagation()}>
      {modes.map((mode) => (
        <button
          key={mode}
          type="button"
          className={`visual__interaction${current === mode ? ' visual__interaction--on' : ''}`}
          aria-label={`${NAMES[mode]} ${name(visual)} from ${name(source)}`}
          title={`${NAMES[mode]}: how ${name(visual)} reacts to ${name(source)}`}
          aria-pressed={current === mode}
          onClick={(e) => {
            e.stopPropagation();
            edit((doc) => setVisualInteraction(doc, visual.pageId, source.id, visual.id, mode));
          }}
        >
          <span aria-hidden="true">{ICONS[mode]}</span>
        </button>
      ))}
    </span>
  );
}
