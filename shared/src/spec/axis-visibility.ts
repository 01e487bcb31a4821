import type { Json } from './common';
import type { VisualFormat } from './visual-format';

/**
 * The format pane's "X axis" / "Y axis" off switches: every `encoding.x` / `encoding.y` of a
 * Vega-Lite spec (layers and facet inner specs included) gets `axis: null`. Screen directions,
 * like the axis titles: on a horizontal bar chart the X axis is the value axis.
 */
export function applyAxisVisibility(spec: Json, fmt: Pick<VisualFormat, 'showXAxis' | 'showYAxis'>): Json {
  if (fmt.showXAxis && fmt.showYAxis) return spec;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Json;
    const enc = obj.encoding;
    if (typeof enc === 'object' && enc !== null && !Array.isArray(enc)) {
      const e = enc as Json;
      for (const [channel, show] of [['x', fmt.showXAxis], ['y', fmt.showYAxis]] as const) {
        const ch = e[channel];
        if (!show && typeof ch === 'object' && ch !== null && !Array.isArray(ch)) e[channel] = { ...(ch as Json), axis: null };
      }
    }
    if (obj.layer) visit(obj.layer);
    if (obj.spec) visit(obj.spec);
    if (obj.hconcat) visit(obj.hconcat);
    if (obj.vconcat) visit(obj.vconcat);
  };
  visit(spec);
  return spec;
}
