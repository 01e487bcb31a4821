/**
 * Hooks that wire drill-down into the visual's query path (use-visual-data) and its clicks (ChartView).
 */
import { type Predicate, type ResultField, type Scalar, type Visual, type WorkbookSnapshot } from '@tessera/shared';
import { useWorkbookSnapshot } from '../../../workbook';
import { useCallback, useMemo } from 'react';
import { datumValue } from '../chart-data';
import { useDrillStore } from './drill-store';
import { combineLevels, drillHierarchyOf, drilledInput, drillInto, levelFields, TOP_STATE, type DrillHierarchy } from './hierarchy';

export interface DrillQuery {
  visual: Visual;
  drill?: { level: number };
  predicates: Predicate[];
  /** Applied to the result rows (combined labels of expanded levels). */
  transform: (rows: Record<string, unknown>[], fields: ResultField[]) => { rows: Record<string, unknown>[]; fields: ResultField[] };
}

const identity: DrillQuery['transform'] = (rows, fields) => ({ rows, fields });

export function useDrillHierarchy(visual: Visual, snapshot: WorkbookSnapshot): DrillHierarchy | undefined {
  const { datasets } = snapshot;
  const { columns } = snapshot.model;
  return useMemo(() => drillHierarchyOf(visual, Object.values(datasets), Object.values(columns)), [visual, datasets, columns]);
}

/** The visual / date level / drill filters to compile for the visual's drill state. */
export function useDrillQuery(visual: Visual, snapshot: WorkbookSnapshot): DrillQuery {
  const hierarchy = useDrillHierarchy(visual, snapshot);
  const state = useDrillStore((s) => s.states[visual.id]) ?? TOP_STATE;
  return useMemo(() => {
    if (!hierarchy) return { visual, predicates: [], transform: identity };
    const input = drilledInput(visual, hierarchy, state);
    const transform: DrillQuery['transform'] = state.expandedFrom !== null ? (rows, fields) => combineLevels(rows, fields, hierarchy) : identity;
    return { ...input, transform };
  }, [visual, hierarchy, state]);
}

/**
 * A click on a data point while "Drill down" mode is on drills into it (returns true: handled);
 * otherwise returns false (the click cross-filters as usual).
 */
export function useDrillClick(visual: Visual, fields: readonly ResultField[]): (datum: unknown) => boolean {
  const on = useDrillStore((s) => s.drillMode[visual.id] === true);
  const hierarchy = useDrillHierarchy(visual, useWorkbookSnapshot());
  return useCallback(
    (datum: unknown) => {
      if (!on || !hierarchy) return false;
      const keys = levelFields(fields, hierarchy).map((f) => f.key);
      const values: Scalar[] = [];
      for (const key of keys) {
        const value = datumValue(datum, key);
        if (value === undefined) return false;
        values.push(value);
      }
      if (values.length === 0) return false;
      const store = useDrillStore.getState();
      const state = store.states[visual.id] ?? TOP_STATE;
      const next = drillInto(hierarchy, state, values);
      if (next !== state) store.set(visual.id, next);
      return true;
    },
    [on, hierarchy, fields, visual],
  );
}
