/**
 * TEST-ONLY helpers: compile a BuiltSpec with the real Vega-Lite compiler, run it in a headless
 * Vega View (renderer 'none') and read the scenegraph. Never import this from runtime code.
 */
import { parse, View, type Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ResultField } from '../query/types';
import type { BuiltSpec } from './types';

export interface SceneItem {
  x?: number;
  y?: number;
  x2?: number;
  y2?: number;
  width?: number;
  height?: number;
  opacity?: number;
  fill?: string;
  text?: unknown;
  tooltip?: unknown;
  startAngle?: number;
  endAngle?: number;
  datum?: Record<string, unknown>;
}
interface SceneNode {
  marktype?: string;
  role?: string;
  name?: string;
  items?: SceneNode[];
}

export interface Rendered {
  view: View;
  warnings: string[];
  /** Items of data marks of a mark type (axis/legend/title marks excluded). */
  marks: (marktype: string) => SceneItem[];
  /** Number of drawn paths of a path mark type (line/area: one mark per series, its items are the points). */
  paths: (marktype: string) => number;
}

export async function render(built: BuiltSpec): Promise<Rendered> {
  if (built.library === 'none') throw new Error(`no chart: ${built.reason}`);
  const warnings: string[] = [];
  const logger = {
    level(_?: number) {
      return logger;
    },
    error(...args: readonly unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  const vgSpec = built.library === 'vega-lite' ? compile(built.spec as unknown as TopLevelSpec, { logger }).spec : (built.spec as VegaSpec);
  const view = new View(parse(vgSpec), { renderer: 'none' });
  view.logger({ ...logger, level: () => 0 } as never);
  await view.runAsync();
  const root = (view.scenegraph() as unknown as { root: SceneNode }).root;
  const markNodes = (marktype: string): SceneNode[] => {
    const out: SceneNode[] = [];
    const walk = (n: SceneNode, inGuide: boolean): void => {
      const guide = inGuide || (n.role !== undefined && /axis|legend|title/.test(n.role));
      if (n.marktype === marktype && n.role === 'mark' && !guide) out.push(n);
      for (const c of n.items ?? []) walk(c, guide);
    };
    walk(root, false);
    return out;
  };
  const marks = (marktype: string): SceneItem[] => markNodes(marktype).flatMap((n) => (n.items ?? []) as SceneItem[]);
  const paths = (marktype: string): number => markNodes(marktype).filter((n) => (n.items ?? []).length > 0).length;
  return { view, warnings, marks, paths };
}

/** Texts of axis labels (all axes) in scene order. */
export function axisLabels(r: Rendered): string[] {
  const out: string[] = [];
  const walk = (n: SceneNode & { text?: unknown }, inAxis: boolean): void => {
    const axis = inAxis || n.role === 'axis';
    if (axis && n.role === 'axis-label') out.push(...(n.items ?? []).map((i) => String((i as SceneItem).text)));
    for (const c of n.items ?? []) walk(c, axis);
  };
  walk((r.view.scenegraph() as unknown as { root: SceneNode }).root, false);
  return out;
}

export const dim = (key: string, role: string, label: string, extra: Partial<ResultField> = {}): ResultField => ({
  key,
  role,
  label,
  kind: 'dimension',
  vlType: 'nominal',
  sqlType: 'VARCHAR',
  ref: { datasetId: 'd1', column: label },
  ...extra,
});

export const measure = (key: string, role: string, label: string, extra: Partial<ResultField> = {}): ResultField => ({
  key,
  role,
  label,
  kind: 'measure',
  vlType: 'quantitative',
  sqlType: 'DOUBLE',
  ref: { datasetId: 'd1', column: label, aggregate: 'sum' },
  aggregate: 'sum',
  ...extra,
});
