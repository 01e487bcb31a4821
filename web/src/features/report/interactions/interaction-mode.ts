/**
 * How a visual reacts to a click in another visual of its page (Power BI's "Edit interactions"):
 * filter (default), highlight (charts only: full data, the matching part bright) or none. Pure.
 */
import { type InteractionMode, type Page, type Predicate, type VisualType, type WorkbookSnapshot, type Visual } from '@tessera/shared';

/** Visual types that can show a highlight (charts drawn by the spec builder). */
const NO_HIGHLIGHT = new Set<VisualType>(['table', 'matrix', 'card', 'multiRowCard', 'kpi', 'slicer']);

export const canHighlight = (type: VisualType): boolean => !NO_HIGHLIGHT.has(type);

export function interactionMode(page: Page | undefined, sourceVisualId: string, targetVisualId: string): InteractionMode {
  return page?.interactions?.[sourceVisualId]?.[targetVisualId] ?? 'filter';
}

export interface CrossFilterLike {
  sourceVisualId: string;
  predicate: Predicate;
}

/**
 * The page's cross-filter as it applies to one visual: as a filter, as a highlight predicate, or not
 * at all (none, or the visual is the source — the source highlights its own selection itself).
 */
export function crossFilterFor<T extends CrossFilterLike>(visual: Visual, snapshot: WorkbookSnapshot, crossFilter: T | undefined): { filter?: T; highlight?: Predicate } {
  if (!crossFilter || crossFilter.sourceVisualId === visual.id || !snapshot.visuals[crossFilter.sourceVisualId]) return {};
  const mode = interactionMode(snapshot.pages[visual.pageId], crossFilter.sourceVisualId, visual.id);
  if (mode === 'none') return {};
  if (mode === 'highlight' && canHighlight(visual.type)) return { highlight: crossFilter.predicate };
  return { filter: crossFilter };
}

/** Values that never match a datum: a highlight with nothing matching dims every mark. */
export const NOTHING = '\u0000nothing';

/**
 * Merges the highlight query into the full one: the target's key values present in the rows of the
 * full query + the predicate are the bright ones.
 */
export function highlightFromRows(key: string, filteredRows: readonly Record<string, unknown>[]): { key: string; values: (string | number | boolean | null)[] }[] {
  const values: (string | number | boolean | null)[] = [];
  const seen = new Set<unknown>();
  for (const row of filteredRows) {
    const v = row[key];
    if (seen.has(v)) continue;
    seen.add(v);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) values.push(v);
  }
  return [{ key, values: values.length > 0 ? values : [NOTHING] }];
}
