/**
 * Render: one chart drawn `count` times, (ours) the ChartView path — shared buildSpec from result
 * fields + rows, embed of the spec's data-less shape with vega-embed (canvas), then the rows put
 * into the live view (`view.data('table', rows).runAsync()`) — against (raw) a plain vega-embed of
 * the identical spec with the rows inline. Each render embeds into a fresh element; the previous
 * view is finalized.
 */
import { buildSpec, LIGHT_THEME, type ResultField, type VisualType } from '@tessera/shared';
import embed from 'vega-embed';
import type { Scene, View } from 'vega';
import { specShape } from '../../../web/src/features/report/chart-data';
import type { RenderFigures } from '../api';

type Row = Record<string, unknown>;

const field = (key: string, role: string, label: string, kind: ResultField['kind'], vlType: ResultField['vlType'], sqlType: string): ResultField => ({
  key,
  role,
  label,
  kind,
  vlType,
  sqlType,
  ref: { datasetId: 'sales', column: label },
  ...(kind === 'measure' ? { aggregate: 'sum' as const } : {}),
});

/** Deterministic result rows and fields of a visual type, as the query path would hand them over. */
function dataOf(type: string, n: number): { fields: ResultField[]; rows: Row[] } {
  if (type === 'scatter') {
    const fields = [field('c0', 'details', 'store_id', 'dimension', 'nominal', 'INTEGER'), field('c1', 'x', 'quantity', 'measure', 'quantitative', 'DOUBLE'), field('c2', 'y', 'price', 'measure', 'quantitative', 'DOUBLE')];
    return { fields, rows: Array.from({ length: n }, (_, i) => ({ c0: i + 1, c1: (i * 7919) % 1000, c2: (i * 104729) % 5000 })) };
  }
  if (type === 'line') {
    const fields = [field('c0', 'category', 'order_date', 'dimension', 'temporal', 'DATE'), field('c1', 'values', 'price', 'measure', 'quantitative', 'DOUBLE')];
    const day = Date.UTC(2022, 0, 1);
    return { fields, rows: Array.from({ length: n }, (_, i) => ({ c0: new Date(day + i * 86_400_000).toISOString().slice(0, 10), c1: 1000 + ((i * 7919) % 500) })) };
  }
  const fields = [field('c0', 'category', 'category', 'dimension', 'nominal', 'VARCHAR'), field('c1', 'values', 'quantity', 'measure', 'quantitative', 'DOUBLE')];
  return { fields, rows: Array.from({ length: n }, (_, i) => ({ c0: `Category ${String(i + 1).padStart(3, '0')}`, c1: 100 + ((i * 7919) % 900) })) };
}

function countMarks(scene: Scene | undefined): number {
  if (!scene) return 0;
  let n = 0;
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) return;
    for (const item of items) {
      n++;
      walk(item);
    }
  };
  walk(scene);
  return n;
}

function withResize(spec: Record<string, unknown>): Record<string, unknown> {
  const autosize = spec.autosize;
  return { ...spec, autosize: typeof autosize === 'object' && autosize !== null ? { ...autosize, resize: true } : { type: 'fit', contains: 'padding', resize: true } };
}

const WIDTH = 480;
const HEIGHT = 300;

async function renderOurs(type: VisualType, fields: ResultField[], rows: Row[], el: HTMLElement): Promise<View> {
  const built = buildSpec({ type, fields, rows, format: { showTitle: false }, theme: LIGHT_THEME, width: WIDTH, height: HEIGHT });
  if (built.library === 'none') throw new Error(built.reason);
  const { shape, hasTable } = specShape(built.spec);
  const result = await embed(el, withResize(hasTable ? shape : built.spec) as never, { renderer: 'canvas', actions: false, mode: built.library });
  if (hasTable) await result.view.data('table', rows).runAsync();
  return result.view;
}

export async function renderChart(side: 'ours' | 'raw', input: { type: string; rows: number; count: number }): Promise<RenderFigures> {
  const type = input.type as VisualType;
  const { fields, rows } = dataOf(type, input.rows);
  // the raw side gets the identical spec our path draws, rows inline, built before the clock starts
  const reference = buildSpec({ type, fields, rows, format: { showTitle: false }, theme: LIGHT_THEME, width: WIDTH, height: HEIGHT });
  if (reference.library === 'none') throw new Error(reference.reason);
  const rawSpec = withResize(reference.spec);
  let view: View | undefined;
  const started = performance.now();
  for (let i = 0; i < input.count; i++) {
    view?.finalize();
    document.body.replaceChildren();
    const el = document.createElement('div');
    document.body.append(el);
    if (side === 'ours') view = await renderOurs(type, fields, rows, el);
    else view = (await embed(el, rawSpec as never, { renderer: 'canvas', actions: false, mode: reference.library })).view;
  }
  const ms = (performance.now() - started) / Math.max(1, input.count);
  const marks = countMarks((view?.scenegraph() as unknown as { root?: Scene } | undefined)?.root);
  view?.finalize();
  document.body.replaceChildren();
  return { ms, marks };
}
