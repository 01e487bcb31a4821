/**
 * The last query result each visual rendered (ephemeral, per tab): the Format pane lists its series
 * and data points from it, and "Show data" shows exactly these rows. VisualBody publishes it.
 */
import type { ResultField } from '@tessera/shared';
import { useEffect } from 'react';
import { create } from 'zustand';

export interface VisualResult {
  fields: ResultField[];
  rows: Record<string, unknown>[];
  sql: string;
}

interface VisualResultsState {
  results: Record<string, VisualResult | undefined>;
  publish(visualId: string, result: VisualResult | undefined): void;
}

export const useVisualResults = create<VisualResultsState>()((set, get) => ({
  results: {},
  publish(visualId, result) {
    const current = get().results[visualId];
    if (current === result || (current && result && current.rows === result.rows && current.fields === result.fields)) return;
    set({ results: { ...get().results, [visualId]: result } });
  },
}));

/** Publishes a visual's rows while it is mounted (and forgets them when it goes). */
export function usePublishVisualResult(visualId: string, rows: Record<string, unknown>[] | null | undefined, fields: ResultField[] | undefined, sql: string | undefined): void {
  useEffect(() => {
    if (rows && fields && sql !== undefined) useVisualResults.getState().publish(visualId, { rows, fields, sql });
  }, [visualId, rows, fields, sql]);
  useEffect(() => () => useVisualResults.getState().publish(visualId, undefined), [visualId]);
}
