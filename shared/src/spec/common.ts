import { numberFormatExpr } from '../format/number-format';
import { valueFormatExpr } from '../format/value-format';
import type { ResultField } from '../query/types';
import { themeConfig, type ThemeTokens } from './theme';
import type { SpecInput } from './types';
import { readVisualFormat, type VisualFormat } from './visual-format';

export type Json = Record<string, unknown>;

/** What every per-type builder works from. */
export interface Ctx {
  input: SpecInput;
  fmt: VisualFormat;
  theme: ThemeTokens;
  rows: Record<string, unknown>[];
  fields: ResultField[];
  palette: string[];
}

export function makeCtx(input: SpecInput): Ctx {
  const fmt = readVisualFormat(input.format);
  return { input, fmt, theme: input.theme, rows: input.rows, fields: input.fields, palette: fmt.colors ?? input.theme.dataColors };
}

export const role = (ctx: Ctx, name: string): ResultField[] => ctx.fields.filter((f) => f.role === name);
export const q = (s: string): string => JSON.stringify(s);
/** `datum["key"]` — keys are safe identifiers, but quoting keeps any label-derived name safe too. */
export const datum = (key: string): string => `datum[${q(key)}]`;
/** Name of the calculated display string of a field. */
export const fmtKey = (key: string): string => `${key}__fmt`;

/** Name of the calculated Date copy of a temporal field (the row keeps its 'YYYY-MM-DD' string). */
export const timeKey = (key: string): string => `${key}__time`;
export const isTimeField = (f: ResultField): boolean => f.vlType === 'temporal' && !f.drillLevel;

/**
 * `calculate` transforms adding `<key>__fmt` display strings (formatted like formatValue), and for
 * temporal fields a `<key>__time` Date copy to plot (so the datum's own key stays as SQL returned it).
 */
export function formatTransforms(ctx: Ctx, fields: ResultField[]): Json[] {
  const seen = new Set<string>();
  return fields
    .filter((f) => !seen.has(f.key) && seen.add(f.key))
    .flatMap((f) => [
      { calculate: valueFormatExpr(datum(f.key), f, ctx.fmt.numberFormat), as: fmtKey(f.key) },
      ...(isTimeField(f) ? [{ calculate: `toDate(${datum(f.key)})`, as: timeKey(f.key) }] : []),
    ]);
}

export const tooltipOf = (fields: ResultField[]): Json[] => fields.map((f) => ({ field: fmtKey(f.key), type: 'nominal', title: f.label }));

/** Distinct values of a row key, in row order (SQL decides the order). */
export function distinct(rows: Record<string, unknown>[], key: string): unknown[] {
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const r of rows) {
    const v = r[key] ?? null;
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** Colour scale for series values / measure labels: palette order, per-series overrides by name. */
export function seriesScale(ctx: Ctx, domain: unknown[]): Json {
  const range = domain.map((v, i) => ctx.fmt.seriesColors[String(v)] ?? ctx.palette[i % ctx.palette.length]);
  return { domain, range };
}

/** The single colour of a chart without series (override by the measure label). */
export const singleColor = (ctx: Ctx, label: string | undefined): string => (label !== undefined ? ctx.fmt.seriesColors[label] : undefined) ?? ctx.palette[0];

export function legend(ctx: Ctx, title: string | null): Json | null {
  if (ctx.fmt.legendPosition === 'none') return null;
  const vertical = ctx.fmt.legendPosition === 'left' || ctx.fmt.legendPosition === 'right';
  return { orient: ctx.fmt.legendPosition, title, direction: vertical ? 'vertical' : 'horizontal' };
}

/** The Vega expression true for highlighted data (null when nothing is highlighted). */
export function highlightTest(ctx: Ctx): string | null {
  const hl = (ctx.input.highlight ?? []).filter((h) => h.values.length > 0);
  if (hl.length === 0) return null;
  return hl.map((h) => `indexof(${JSON.stringify(h.values)}, ${datum(h.key)}) >= 0`).join(' && ');
}

export const DIMMED = 0.3;

/** Opacity encoding for cross-highlight: matching datum 1, others 0.3; `always` keeps some data bright. */
export function highlightOpacity(ctx: Ctx, always?: string): Json | null {
  const test = highlightTest(ctx);
  if (!test) return null;
  return { condition: { test: always ? `(${always}) || (${test})` : test, value: 1 }, value: DIMMED };
}

/** Axis of a number scale: our number format on tick labels. */
export function numberAxis(ctx: Ctx, title: string | null, extra: Json = {}): Json {
  return { title, labelExpr: numberFormatExpr('datum.value', ctx.fmt.numberFormat), grid: ctx.fmt.showGridlines, ...extra };
}

export function percentAxis(ctx: Ctx, title: string | null): Json {
  return { title, format: '.0%', grid: ctx.fmt.showGridlines };
}

/** Axis of a category scale: drill keys / blanks shown like formatValue. */
export function categoryAxis(field: ResultField, title: string | null, extra: Json = {}): Json {
  return { title, grid: false, labelExpr: valueFormatExpr('datum.value', field), labelLimit: 140, ...extra };
}

/** The y-scale options of the format pane (min/max/log). */
export function valueScale(ctx: Ctx): Json {
  const s: Json = {};
  if (ctx.fmt.yMin !== null) {
    s.domainMin = ctx.fmt.yMin;
    s.zero = false;
  }
  if (ctx.fmt.yMax !== null) s.domainMax = ctx.fmt.yMax;
  if (ctx.fmt.logScale) {
    s.type = 'log';
    s.zero = false;
  }
  return s;
}

/** Data labels on? (format option, else the type's default.) */
export const dataLabelsOn = (ctx: Ctx, byDefault: boolean): boolean => ctx.fmt.dataLabels ?? byDefault;

/** Top-level properties every Vega-Lite chart spec shares. */
export function baseSpec(ctx: Ctx, defaultTitle: string | null): Json {
  const config = themeConfig(ctx.theme);
  const background = ctx.fmt.background ?? ctx.theme.background;
  if (ctx.fmt.border.show) {
    config.view = { stroke: ctx.fmt.border.color ?? ctx.theme.gridColor, strokeWidth: ctx.fmt.border.width };
  }
  const spec: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: 'table', values: ctx.rows },
    width: Math.max(10, Math.floor(ctx.input.width)),
    height: Math.max(10, Math.floor(ctx.input.height)),
    autosize: { type: 'fit', contains: 'padding' },
    background,
    config,
  };
  const title = ctx.fmt.title ?? defaultTitle;
  if (ctx.fmt.showTitle && title) spec.title = { text: title };
  return spec;
}

/** "Sum of a and Sum of b by region" — Power BI's automatic title. */
export function autoTitle(measures: ResultField[], dims: ResultField[]): string | null {
  const m = measures.map((f) => f.label);
  if (m.length === 0) return null;
  const ms = m.length === 1 ? m[0] : `${m.slice(0, -1).join(', ')} and ${m[m.length - 1]}`;
  const ds = dims.map((f) => f.label);
  return ds.length === 0 ? ms : `${ms} by ${ds.join(' and ')}`;
}

/** Drop null/undefined entries of an encoding object. */
export function clean(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/**
 * Small multiples: when the smallMultiples well is filled, the chart becomes a wrapped facet (one
 * cell per value, SQL order) with the same encodings. Facets cannot "fit", so cells are sized from
 * the visual's size and autosize is 'pad'.
 */
export function withSmallMultiples(ctx: Ctx, spec: Json): Json {
  const sm = role(ctx, 'smallMultiples')[0];
  if (!sm) return spec;
  const n = Math.max(1, distinct(ctx.rows, sm.key).length);
  const columns = Math.ceil(Math.sqrt(n));
  const rowsOfCells = Math.ceil(n / columns);
  const { encoding, layer, mark, width, height, data, transform, title, $schema, autosize: _a, background, config, ...rest } = spec;
  const inner: Json = clean({
    width: Math.max(20, Math.floor(Number(width) / columns) - 24),
    height: Math.max(20, Math.floor((Number(height) - (title ? 24 : 0)) / rowsOfCells) - 36),
    encoding,
    layer,
    mark,
    ...rest,
  });
  return clean({
    $schema,
    data,
    transform: [...((transform as Json[] | undefined) ?? []), ...formatTransforms(ctx, [sm])],
    title,
    background,
    config,
    autosize: { type: 'pad' },
    facet: { field: sm.key, type: 'nominal', sort: null, header: { title: null, labelExpr: valueFormatExpr('datum.value', sm) } },
    columns,
    resolve: { axis: { x: 'independent' } },
    spec: inner,
  });
}
