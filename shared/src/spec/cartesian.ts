import type { ResultField } from '../query/types';
import {
  autoTitle, baseSpec, categoryAxis, clean, dataLabelsOn, formatTransforms, highlightOpacity, legend, numberAxis,
  isTimeField, percentAxis, role, seriesScale, timeKey, singleColor, tooltipOf, valueScale, withSmallMultiples, type Ctx, type Json,
} from './common';
import { planSeries, type SeriesPlan } from './series';
import type { BuiltSpec } from './types';

const none = (reason: string): BuiltSpec => ({ library: 'none', reason });

/** Encoding of a category field on a band/point scale (SQL order kept) or a UTC time scale. */
export function categoryEncoding(field: ResultField, title: string | null, timeScale: boolean): Json {
  if (timeScale && isTimeField(field)) {
    return { field: timeKey(field.key), type: 'temporal', scale: { type: 'utc' }, axis: { title, grid: false } };
  }
  return { field: field.key, type: field.vlType === 'nominal' ? 'nominal' : 'ordinal', sort: null, axis: categoryAxis(field, title) };
}

function colorEncoding(ctx: Ctx, plan: SeriesPlan): Json | undefined {
  if (!plan.series) return undefined;
  return { field: plan.series, type: 'nominal', sort: null, scale: seriesScale(ctx, plan.domain), legend: legend(ctx, plan.seriesTitle) };
}

const SERIES_INDEX = '__seriesIndex';
/** Stacks in legend order (first series at the bottom), like Power BI. */
const seriesIndex = (plan: SeriesPlan): Json[] =>
  plan.series ? [{ calculate: `indexof(${JSON.stringify(plan.domain)}, datum[${JSON.stringify(plan.series)}])`, as: SERIES_INDEX }] : [];
const seriesOrder = (_plan: SeriesPlan): Json => ({ field: SERIES_INDEX, type: 'quantitative', sort: 'ascending' });

export type BarStack = 'clustered' | 'stacked' | 'percent';

/** bar / column: clustered (xOffset by series), stacked, 100% stacked. */
export function buildBars(ctx: Ctx, horizontal: boolean, stack: BarStack): BuiltSpec {
  const measures = role(ctx, 'values');
  if (measures.length === 0) return none('Add a field to Values to draw this chart.');
  const cat = role(ctx, 'category')[0] as ResultField | undefined;
  const seriesField = role(ctx, 'series')[0] as ResultField | undefined;
  const tips = role(ctx, 'tooltips');
  const plan = planSeries(ctx, measures, seriesField);
  const [catCh, valCh, offCh] = horizontal ? ['y', 'x', 'yOffset'] : ['x', 'y', 'xOffset'];
  const catTitle = horizontal ? ctx.fmt.yAxisTitle : ctx.fmt.xAxisTitle;
  const valTitle = (horizontal ? ctx.fmt.xAxisTitle : ctx.fmt.yAxisTitle) ?? measures.map((m) => m.label).join(', ');
  const vlStack = stack === 'clustered' ? null : stack === 'percent' ? 'normalize' : 'zero';

  const encoding: Json = clean({
    [valCh]: {
      field: plan.value,
      type: 'quantitative',
      stack: vlStack,
      axis: stack === 'percent' ? percentAxis(ctx, valTitle) : numberAxis(ctx, valTitle),
      scale: stack === 'percent' ? {} : valueScale(ctx),
    },
    color: colorEncoding(ctx, plan),
    tooltip: [...(cat ? tooltipOf([cat]) : []), ...plan.tooltip, ...tooltipOf(tips)],
    opacity: highlightOpacity(ctx),
  });
  if (cat) encoding[catCh] = categoryEncoding(cat, catTitle ?? cat.label, false);
  else if (plan.series) encoding[catCh] = { field: plan.series, type: 'nominal', sort: null, axis: { title: catTitle, grid: false } };
  if (stack === 'clustered' && plan.series && cat) encoding[offCh] = { field: plan.series, type: 'nominal', sort: null, scale: { domain: plan.domain } };
  if (stack !== 'clustered' && plan.series) Object.assign(encoding, { order: seriesOrder(plan) });

  const spec: Json = {
    ...baseSpec(ctx, autoTitle(measures, [cat, seriesField].filter((f): f is ResultField => f !== undefined))),
    transform: [...(cat ? formatTransforms(ctx, [cat]) : []), ...plan.transforms, ...seriesIndex(plan), ...formatTransforms(ctx, tips)],
    encoding,
  };
  const bar: Json = { type: 'bar', color: plan.series ? undefined : singleColor(ctx, measures[0].label), clip: ctx.fmt.yMin !== null || ctx.fmt.yMax !== null };
  if (!dataLabelsOn(ctx, false)) {
    spec.mark = clean(bar);
    return { library: 'vega-lite', spec: withSmallMultiples(ctx, spec) };
  }
  const inside = stack !== 'clustered';
  const text: Json = horizontal
    ? { type: 'text', align: inside ? 'right' : 'left', baseline: 'middle', dx: inside ? -4 : 4 }
    : { type: 'text', align: 'center', baseline: inside ? 'top' : 'bottom', dy: inside ? 4 : -4 };
  if (inside) text.color = '#FFFFFF';
  spec.layer = [{ mark: clean(bar) }, { mark: text, encoding: { text: { field: plan.valueFmt, type: 'nominal' } } }];
  return { library: 'vega-lite', spec: withSmallMultiples(ctx, spec) };
}

/** line / area / stacked area. Points are drawn when there are few; they carry tooltips and highlight. */
export function buildLines(ctx: Ctx, kind: 'line' | 'area' | 'stackedArea'): BuiltSpec {
  const measures = role(ctx, 'values');
  const cat = role(ctx, 'category')[0] as ResultField | undefined;
  if (measures.length === 0 || !cat) return none('Add a field to Axis (category) and one to Values to draw this chart.');
  const seriesField = role(ctx, 'series')[0] as ResultField | undefined;
  const tips = role(ctx, 'tooltips');
  const plan = planSeries(ctx, measures, seriesField);
  const valTitle = ctx.fmt.yAxisTitle ?? measures.map((m) => m.label).join(', ');
  const encoding: Json = clean({
    x: categoryEncoding(cat, ctx.fmt.xAxisTitle ?? cat.label, true),
    y: { field: plan.value, type: 'quantitative', stack: kind === 'stackedArea' ? 'zero' : null, axis: numberAxis(ctx, valTitle), scale: valueScale(ctx) },
    color: colorEncoding(ctx, plan),
    order: kind === 'stackedArea' && plan.series ? seriesOrder(plan) : undefined,
  });
  const perSeries = ctx.rows.length / Math.max(1, plan.domain.length || 1);
  const fewPoints = perSeries <= 60;
  const color = plan.series ? undefined : singleColor(ctx, measures[0].label);
  const clip = ctx.fmt.yMin !== null || ctx.fmt.yMax !== null;
  const main: Json =
    kind === 'line'
      ? clean({ type: 'line', strokeWidth: 2, color, clip })
      : clean({ type: 'area', fillOpacity: kind === 'area' ? 0.35 : 0.85, line: { strokeWidth: 2 }, color, clip });
  const opacity = highlightOpacity(ctx);
  const points: Json = {
    mark: clean({ type: 'point', filled: true, size: fewPoints ? 40 : 16, color, clip }),
    encoding: clean({
      tooltip: [...tooltipOf([cat]), ...plan.tooltip, ...tooltipOf(tips)],
      opacity: opacity ?? { value: fewPoints ? 1 : 0 },
    }),
  };
  if (opacity && !fewPoints) (opacity as { value: number }).value = 0;
  const layer: Json[] = [{ mark: main }, points];
  if (dataLabelsOn(ctx, false)) {
    layer.push({ mark: { type: 'text', dy: -8, baseline: 'bottom' }, encoding: { text: { field: plan.valueFmt, type: 'nominal' } } });
  }
  const spec: Json = {
    ...baseSpec(ctx, autoTitle(measures, [cat, seriesField].filter((f): f is ResultField => f !== undefined))),
    transform: [...formatTransforms(ctx, [cat]), ...plan.transforms, ...seriesIndex(plan), ...formatTransforms(ctx, tips)],
    encoding,
    layer,
  };
  return { library: 'vega-lite', spec: withSmallMultiples(ctx, spec) };
}

/** Line and clustered column: columns on the left axis, lines on the right axis (independent y). */
export function buildCombo(ctx: Ctx): BuiltSpec {
  const cat = role(ctx, 'category')[0] as ResultField | undefined;
  const cols = role(ctx, 'columnValues');
  const lines = role(ctx, 'lineValues');
  if (!cat || (cols.length === 0 && lines.length === 0)) return none('Add a field to Axis and fields to Column values / Line values to draw this chart.');
  const tips = role(ctx, 'tooltips');
  const colPlan = planSeries(ctx, cols, undefined, true);
  const linePlan = planSeries(ctx, lines, undefined, true);
  const domain = [...colPlan.domain, ...linePlan.domain];
  const color = { field: colPlan.series, type: 'nominal', sort: null, scale: seriesScale(ctx, domain), legend: legend(ctx, null) };
  const tooltip = [...tooltipOf([cat]), ...colPlan.tooltip, ...tooltipOf(tips)];
  const opacity = highlightOpacity(ctx);
  const labels = dataLabelsOn(ctx, false);
  const layer: Json[] = [];
  if (cols.length > 0) {
    const enc: Json = clean({
      y: { field: colPlan.value, type: 'quantitative', axis: numberAxis(ctx, ctx.fmt.yAxisTitle ?? cols.map((m) => m.label).join(', ')), scale: valueScale(ctx) },
      xOffset: cols.length > 1 ? { field: colPlan.series, type: 'nominal', sort: null, scale: { domain: colPlan.domain } } : undefined,
      color,
      tooltip,
      opacity,
    });
    const colLayers: Json[] = [{ mark: { type: 'bar' } }];
    if (labels) colLayers.push({ mark: { type: 'text', baseline: 'bottom', dy: -4 }, encoding: { text: { field: colPlan.valueFmt, type: 'nominal' } } });
    layer.push({ transform: colPlan.transforms, encoding: enc, layer: colLayers });
  }
  if (lines.length > 0) {
    const enc: Json = {
      y: {
        field: linePlan.value,
        type: 'quantitative',
        axis: numberAxis(ctx, ctx.fmt.secondaryYAxisTitle ?? lines.map((m) => m.label).join(', '), { orient: cols.length > 0 ? 'right' : 'left', grid: cols.length === 0 && ctx.fmt.showGridlines }),
      },
      color,
    };
    const lineLayers: Json[] = [
      { mark: { type: 'line', strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: clean({ tooltip, opacity }) },
    ];
    if (labels) lineLayers.push({ mark: { type: 'text', baseline: 'bottom', dy: -8 }, encoding: { text: { field: linePlan.valueFmt, type: 'nominal' } } });
    layer.push({ transform: linePlan.transforms, encoding: enc, layer: lineLayers });
  }
  const spec: Json = {
    ...baseSpec(ctx, autoTitle([...cols, ...lines], [cat])),
    transform: [...formatTransforms(ctx, [cat]), ...formatTransforms(ctx, tips)],
    encoding: { x: { ...categoryEncoding(cat, ctx.fmt.xAxisTitle ?? cat.label, false) } },
    layer,
    resolve: { scale: { y: 'independent' } },
  };
  return { library: 'vega-lite', spec };
}
