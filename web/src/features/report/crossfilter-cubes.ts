/**
 * Cross-filtering at interactive rates: when a chart may be clicked (the pointer enters it — Mosaic's
 * "activation"), every other visual of the page builds, in the background, a cube of its aggregates by
 * the chart's cross-filter key (shared/src/query/cube.ts); a click then queries the small cube instead
 * of the fact table. Without a cube (not built yet, not worth it, or a shape that cannot merge
 * partials) the visual's own SQL runs, with the same result.
 */
import { planCube, predicateKeys, type CubePlan, type DateLevel, type FieldRef, type Predicate, type VisualQueryInput } from '@tessera/shared';
import { create } from 'zustand';
import type { CubeStore } from '../../engine/cube-store';

/** The chart whose clicks the page prepares for, per page. */
export interface CubeSource {
  visualId: string;
  ref: FieldRef;
  level?: DateLevel;
}

interface ActivationState {
  active: Record<string, CubeSource | undefined>;
  activate(pageId: string, source: CubeSource): void;
}

export const useCubeActivation = create<ActivationState>((set, get) => ({
  active: {},
  activate(pageId, source) {
    const current = get().active[pageId];
    if (current && current.visualId === source.visualId && JSON.stringify(current) === JSON.stringify(source)) return;
    set({ active: { ...get().active, [pageId]: source } });
  },
}));

/** A placeholder selection over the key a click on `source` will filter by (its values do not matter). */
export function probeSelection(source: CubeSource): Predicate | undefined {
  if ('measureId' in source.ref) return undefined;
  const probe = { year: '2000', quarter: '2000 Q1', month: '2000-01', day: null }[source.level ?? 'day'];
  return { kind: 'in', field: { datasetId: source.ref.datasetId, column: source.ref.column }, values: [probe] };
}

/** Dataset versions of the tables a cube reads (a new version means a new cube). */
function versionsOf(plan: CubePlan, input: VisualQueryInput): string {
  return plan.tables
    .map((table) => {
      const id = table.replace(/^ds_/, '');
      return `${id}@${input.datasets.find((d) => d.id === id)?.version ?? ''}`;
    })
    .sort()
    .join(',');
}

function plan(input: VisualQueryInput, selection: Predicate): CubePlan | null {
  const keys = predicateKeys(input, selection);
  if (keys.length === 0) return null;
  try {
    return planCube(input, selection, keys);
  } catch {
    return null; // the visual's own compile reports its error
  }
}

/**
 * The SQL that answers `input` (whose filters hold `selection`) from its cube, when the cube is built;
 * otherwise undefined, and the cube is started in the background for the next click.
 */
export function cubeSqlFor(cubes: CubeStore, input: VisualQueryInput, selection: Predicate): string | undefined {
  const p = plan(input, selection);
  if (!p) return undefined;
  const versions = versionsOf(p, input);
  const table = cubes.table(p.buildSql, versions);
  if (!table) {
    void cubes.build(p.buildSql, versions);
    return undefined;
  }
  return p.sql(table, selection) ?? undefined;
}

/** Builds the cube of `input` (whose filters hold `probe`) for clicks over the probe's key; resolves when done. */
export async function prepareCube(cubes: CubeStore, input: VisualQueryInput, probe: Predicate): Promise<boolean> {
  const p = plan(input, probe);
  if (!p) return false;
  return (await cubes.build(p.buildSql, versionsOf(p, input))) !== undefined;
}

