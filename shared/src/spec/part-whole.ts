import type { ResultField } from '../query/types';
import { categoryEncoding } from './cartesian';
import {
  autoTitle, baseSpec, categoryAxis, clean, dataLabelsOn, distinct, fmtKey, formatTransforms, highlightOpacity, legend,
  numberAxis, role, seriesScale, singleColor, tooltipOf, valueScale, type Ctx, type Json,
} from './common';
import type { BuiltSpec } from './types';

const none = (reason: string): BuiltSpec => ({ library: 'none', reason });
const ROW = '__row';

function catAndValue(ctx: Ctx): { cat: ResultField; value: ResultField; tips: ResultField[] } | null {
  const cat = role(ctx, 'category')[0];
  const value = role(ctx, 'values')[0];
  return cat && value ? { cat, value, tips: role(ctx, 'tooltips') } : null;
}

/** pie / donut: one arc per row in SQL order, labels outside with the formatted value. */
export function buildPie(ctx: Ctx, donut: boolean): BuiltSpec {
  const cv = catAndValue(ctx);
  if (!cv) return none('Add a field to Legend (category) and one to Values to draw this chart.');
  const { cat, value, tips } = cv;
  const labels = dataLabelsOn(ctx, true);
  const size = Math.min(ctx.input.width, ctx.input.height - (ctx.fmt.showTitle ? 24 : 0));
  const outer = Math.max(10, Math.floor(size / 2 - (labels ? 28 : 8)));
  const spec: Json = {
    ...baseSpec(ctx, autoTitle([value], [cat])),
    // row_number keeps SQL's order around the circle (a window, not an aggregation).
    transform: [{ window: [{ op: 'row_number', as: ROW }] }, ...formatTransforms(ctx, [cat, value, ...tips])],
    encoding: clean({
      theta: { field: value.key, type: 'quantitative', stack: true },
      order: { field: ROW, type: 'quantitative', sort: 'ascending' },
      color: { field: cat.key, type: 'nominal', sort: null, scale: seriesScale(ctx, distinct(ctx.rows, cat.key)), legend: legend(ctx, cat.label) },
      tooltip: tooltipOf([cat, value, ...tips]),
      opacity: highlightOpacity(ctx),
    }),
    layer: [
      { mark: { type: 'arc', outerRadius: outer, innerRadius: donut ? Math.round(outer * 0.55) : 0 } },
      ...(labels ? [{ mark: { type: 'text', radius: outer + 14, color: ctx.theme.foreground }, encoding: { text: { field: fmtKey(value.key), type: 'nominal' } } }] : []),
    ],
  };
  return { library: 'vega-lite', spec };
}

const LO = '__lo';
const HI = '__hi';

/** funnel: horizontal bars centred on 0, largest first; the label sits in the middle. */
export function buildFunnel(ctx: Ctx): BuiltSpec {
  const cv = catAndValue(ctx);
  if (!cv) return none('Add a field to Category and one to Values to draw this chart.');
  const { cat, value, tips } = cv;
  const v = `toNumber(datum[${JSON.stringify(value.key)}])`;
  const sort = { field: value.key, order: 'descending' };
  const spec: Json = {
    ...baseSpec(ctx, autoTitle([value], [cat])),
    transform: [
      { calculate: `-(${v}) / 2`, as: LO },
      { calculate: `(${v}) / 2`, as: HI },
      ...formatTransforms(ctx, [cat, value, ...tips]),
    ],
    encoding: clean({
      y: { ...categoryEncoding(cat, ctx.fmt.yAxisTitle, false), sort, axis: categoryAxis(cat, ctx.fmt.yAxisTitle, { ticks: false, domain: false }) },
      tooltip: tooltipOf([cat, value, ...tips]),
      opacity: highlightOpacity(ctx),
    }),
    layer: [
      {
        mark: { type: 'bar', color: singleColor(ctx, value.label) },
        encoding: { x: { field: LO, type: 'quantitative', axis: null }, x2: { field: HI } },
      },
      ...(dataLabelsOn(ctx, true)
        ? [{ mark: { type: 'text', color: '#FFFFFF', align: 'center', baseline: 'middle' }, encoding: { x: { datum: 0, type: 'quantitative' }, text: { field: fmtKey(value.key), type: 'nominal' } } }]
        : []),
    ],
  };
  return { library: 'vega-lite', spec };
}

export const WATERFALL_KINDS = ['Increase', 'Decrease', 'Total'] as const;
const WATERFALL_COLORS = ['#1AAB40', '#D64554', '#118DFF'];

/**
 * waterfall: running start/end per category plus a final Total bar. The running sums are computed
 * here (a total row has to be added), so data "table" holds the rows extended with `__start`,
 * `__end`, `__kind` ('Increase' | 'Decrease' | 'Total'); the total row's category is 'Total'.
 */
export function buildWaterfall(ctx: Ctx): BuiltSpec {
  const cv = catAndValue(ctx);
  if (!cv) return none('Add a field to Category and one to Values to draw this chart.');
  const { cat, value } = cv;
  let running = 0;
  const rows: Record<string, unknown>[] = ctx.rows.map((r) => {
    const n = Number(r[value.key] ?? 0);
    const delta = Number.isFinite(n) ? n : 0;
    const start = running;
    running += delta;
    return { ...r, __start: start, __end: running, __kind: delta >= 0 ? 'Increase' : 'Decrease' };
  });
  rows.push({ [cat.key]: 'Total', [value.key]: running, __start: 0, __end: running, __kind: 'Total' });
  const base = baseSpec({ ...ctx, rows }, autoTitle([value], [cat]));
  const endField: ResultField = { ...value, key: '__end', label: 'Running total' };
  const range = WATERFALL_KINDS.map((k, i) => ctx.fmt.seriesColors[k] ?? WATERFALL_COLORS[i]);
  const spec: Json = {
    ...base,
    transform: formatTransforms(ctx, [cat, value, endField]),
    encoding: clean({
      x: categoryEncoding(cat, ctx.fmt.xAxisTitle ?? cat.label, false),
      y: { field: '__start', type: 'quantitative', axis: numberAxis(ctx, ctx.fmt.yAxisTitle ?? value.label), scale: valueScale(ctx) },
      y2: { field: '__end' },
      color: { field: '__kind', type: 'nominal', scale: { domain: [...WATERFALL_KINDS], range }, legend: legend(ctx, null) },
      tooltip: tooltipOf([cat, value, endField]),
      opacity: highlightOpacity(ctx, "datum['__kind'] === 'Total'"),
    }),
    layer: [
      { mark: { type: 'bar' } },
      ...(dataLabelsOn(ctx, false)
        ? [{ mark: { type: 'text', baseline: 'bottom', dy: -4, color: ctx.theme.foreground }, encoding: { y: { field: '__end', type: 'quantitative' }, text: { field: fmtKey(value.key), type: 'nominal' } } }]
        : []),
    ],
  };
  return { library: 'vega-lite', spec };
}
