import { numberFormatExpr } from '../format/number-format';
import type { ResultField } from '../query/types';
import { categoryEncoding } from './cartesian';
import {
  autoTitle, baseSpec, clean, dataLabelsOn, distinct, fmtKey, formatTransforms, highlightOpacity, legend, numberAxis, role,
  seriesScale, singleColor, tooltipOf, valueScale, type Ctx, type Json,
} from './common';
import { mixColors } from './theme';
import type { BuiltSpec } from './types';

const none = (reason: string): BuiltSpec => ({ library: 'none', reason });

/** scatter, bubble when the size well is filled. */
export function buildScatter(ctx: Ctx): BuiltSpec {
  const x = role(ctx, 'x')[0] as ResultField | undefined;
  const y = role(ctx, 'y')[0] as ResultField | undefined;
  if (!x || !y) return none('Add fields to X axis and Y axis to draw this chart.');
  const size = role(ctx, 'size')[0] as ResultField | undefined;
  const series = role(ctx, 'series')[0] as ResultField | undefined;
  const details = role(ctx, 'details');
  const tips = role(ctx, 'tooltips');
  const all = [...details, ...(series ? [series] : []), x, y, ...(size ? [size] : []), ...tips];
  const opacity = highlightOpacity(ctx);
  const axisField = (f: ResultField, title: string | null): Json =>
    f.vlType === 'quantitative' || f.kind === 'measure'
      ? { field: f.key, type: 'quantitative', axis: numberAxis(ctx, title ?? f.label), scale: { zero: false } }
      : categoryEncoding(f, title ?? f.label, true);
  const spec: Json = {
    ...baseSpec(ctx, autoTitle([x, y], [...(series ? [series] : []), ...details])),
    transform: formatTransforms(ctx, all),
    encoding: clean({
      x: axisField(x, ctx.fmt.xAxisTitle),
      y: { ...axisField(y, ctx.fmt.yAxisTitle), scale: { zero: false, ...valueScale(ctx) } },
      size: size ? { field: size.key, type: 'quantitative', scale: { range: [40, 1600] }, legend: null } : undefined,
      color: series
        ? { field: series.key, type: 'nominal', sort: null, scale: seriesScale(ctx, distinct(ctx.rows, series.key)), legend: legend(ctx, series.label) }
        : undefined,
      detail: details.length > 0 ? details.map((d) => ({ field: d.key, type: 'nominal' })) : undefined,
      tooltip: tooltipOf(all),
      opacity: opacity ?? { value: size ? 0.75 : 0.9 },
    }),
    mark: clean({ type: 'circle', color: series ? undefined : singleColor(ctx, y.label), size: size ? undefined : 60, stroke: size ? ctx.theme.background : undefined, strokeWidth: size ? 0.5 : undefined }),
  };
  return { library: 'vega-lite', spec };
}

const END = '__binEnd';

/**
 * histogram: SQL returns one row per bin with its start, end and count (no Vega binning).
 * Fields: start = role 'binStart' (else the first dimension), end = role 'binEnd' (else the second
 * dimension; else the next bin's start), count = the first measure.
 */
export function buildHistogram(ctx: Ctx): BuiltSpec {
  const dims = ctx.fields.filter((f) => f.kind === 'dimension');
  const start = ctx.fields.find((f) => f.role === 'binStart') ?? dims[0];
  const end = ctx.fields.find((f) => f.role === 'binEnd') ?? dims.find((f) => f !== start);
  const count = ctx.fields.find((f) => f.kind === 'measure');
  if (!start || !count) return none('Add a numeric field to Values to draw a histogram.');
  let rows = ctx.rows;
  let endKey = end?.key;
  if (!endKey) {
    // No end column: a bin ends where the next starts (the last one is as wide as the one before).
    endKey = END;
    rows = ctx.rows.map((r, i, all) => {
      const s = Number(r[start.key]);
      const next = all[i + 1] ? Number(all[i + 1][start.key]) : i > 0 ? s + (s - Number(all[i - 1][start.key])) : s + 1;
      return { ...r, [END]: next };
    });
  }
  const label = start.label.replace(/\s*\((bin )?start\)$/i, '');
  const binField: ResultField = { ...start, kind: 'measure', vlType: 'quantitative' };
  const spec: Json = {
    ...baseSpec({ ...ctx, rows }, `${count.label} by ${label}`),
    transform: formatTransforms(ctx, [binField, ...(end ? [{ ...end, kind: 'measure' as const, vlType: 'quantitative' as const }] : []), count]),
    encoding: clean({
      x: { field: start.key, type: 'quantitative', axis: numberAxis(ctx, ctx.fmt.xAxisTitle ?? label, { grid: false }), scale: { zero: false, nice: false } },
      x2: { field: endKey },
      y: { field: count.key, type: 'quantitative', axis: numberAxis(ctx, ctx.fmt.yAxisTitle ?? count.label), scale: valueScale(ctx) },
      tooltip: [
        { field: fmtKey(start.key), type: 'nominal', title: `${label} from` },
        ...(end ? [{ field: fmtKey(end.key), type: 'nominal', title: 'to' }] : []),
        ...tooltipOf([count]),
      ],
      opacity: highlightOpacity(ctx),
    }),
    mark: { type: 'rect', color: singleColor(ctx, count.label), stroke: ctx.theme.background, strokeWidth: 1 },
  };
  return { library: 'vega-lite', spec };
}

/** heatmap: one rect per (x, y) cell, colour = value on a sequential scale from the background to the first data colour. */
export function buildHeatmap(ctx: Ctx): BuiltSpec {
  const x = role(ctx, 'x')[0] as ResultField | undefined;
  const y = role(ctx, 'y')[0] as ResultField | undefined;
  const value = role(ctx, 'values')[0] as ResultField | undefined;
  if (!x || !y || !value) return none('Add fields to X axis, Y axis and Values to draw a heatmap.');
  const labels = dataLabelsOn(ctx, false);
  const spec: Json = {
    ...baseSpec(ctx, autoTitle([value], [x, y])),
    transform: formatTransforms(ctx, [x, y, value]),
    encoding: clean({
      x: { ...categoryEncoding(x, ctx.fmt.xAxisTitle ?? x.label, false), type: 'ordinal' },
      y: { ...categoryEncoding(y, ctx.fmt.yAxisTitle ?? y.label, false), type: 'ordinal' },
      tooltip: tooltipOf([x, y, value]),
      opacity: highlightOpacity(ctx),
    }),
    layer: [
      {
        mark: { type: 'rect', stroke: ctx.theme.background, strokeWidth: 1 },
        encoding: {
          color: {
            field: value.key,
            type: 'quantitative',
            scale: { range: [mixColors(ctx.theme.background, ctx.palette[0], 0.08), ctx.palette[0]] },
            legend: ctx.fmt.legendPosition === 'none' ? null : { ...legend(ctx, value.label), labelExpr: numberFormatExpr('datum.value', ctx.fmt.numberFormat) },
          },
        },
      },
      ...(labels ? [{ mark: { type: 'text', color: ctx.theme.foreground }, encoding: { text: { field: fmtKey(value.key), type: 'nominal' } } }] : []),
    ],
  };
  return { library: 'vega-lite', spec };
}
