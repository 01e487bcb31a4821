import { valueFormatExpr } from '../format/value-format';
import { dataLabelsOn, datum, highlightTest, DIMMED, q, role, type Ctx, type Json } from './common';
import { themeConfig } from './theme';
import type { BuiltSpec } from './types';

/**
 * treemap — a Vega spec (Vega-Lite has no treemap): data "table" (the rows) gets an id and the
 * parent '__root'; "tree" unions a one-row "tree_root" with it, then `stratify` + `treemap` (squarify)
 * lay out the leaves. Each leaf datum keeps the row's keys (click handlers read them).
 */
export function buildTreemap(ctx: Ctx): BuiltSpec {
  const cat = role(ctx, 'category')[0];
  const value = role(ctx, 'values')[0];
  if (!cat || !value) return { library: 'none', reason: 'Add a field to Category and one to Values to draw this chart.' };
  const tips = role(ctx, 'tooltips');
  const nf = ctx.fmt.numberFormat;
  const width = Math.max(10, Math.floor(ctx.input.width));
  const height = Math.max(10, Math.floor(ctx.input.height));
  const title = ctx.fmt.title ?? `${value.label} by ${cat.label}`;
  const test = highlightTest(ctx);
  const tooltip = `{${[cat, value, ...tips].map((f) => `${q(f.label)}: ${valueFormatExpr(datum(f.key), f, nf)}`).join(', ')}}`;
  const colorDomain = ctx.rows.map((r) => r[cat.key] ?? null);
  const seen = new Set<unknown>();
  const domain = colorDomain.filter((v) => !seen.has(v) && seen.add(v));
  const range = domain.map((v, i) => ctx.fmt.seriesColors[String(v)] ?? ctx.palette[i % ctx.palette.length]);
  const config = themeConfig(ctx.theme);
  const marks: Json[] = [
    {
      type: 'rect',
      name: 'leaf_rects',
      from: { data: 'leaves' },
      encode: {
        enter: { stroke: { value: ctx.theme.background }, strokeWidth: { value: 1 } },
        update: {
          x: { field: 'x0' },
          y: { field: 'y0' },
          x2: { field: 'x1' },
          y2: { field: 'y1' },
          fill: { scale: 'color', field: cat.key },
          opacity: test ? [{ test, value: 1 }, { value: DIMMED }] : { value: 1 },
          tooltip: { signal: tooltip },
        },
      },
    },
  ];
  if (dataLabelsOn(ctx, true)) {
    marks.push({
      type: 'text',
      name: 'leaf_labels',
      from: { data: 'leaves' },
      interactive: false,
      encode: {
        update: {
          x: { signal: 'datum.x0 + 6' },
          y: { signal: 'datum.y0 + 6' },
          baseline: { value: 'top' },
          fill: { value: '#FFFFFF' },
          font: { value: ctx.theme.fontFamily },
          fontSize: { value: 11 },
          limit: { signal: 'max(0, datum.x1 - datum.x0 - 12)' },
          text: { signal: `(datum.y1 - datum.y0) > 30 ? [${valueFormatExpr(datum(cat.key), cat, nf)}, ${valueFormatExpr(datum(value.key), value, nf)}] : ''` },
        },
      },
    });
  }
  const spec: Json = {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 4,
    background: ctx.fmt.background ?? ctx.theme.background,
    config: { background: config.background, title: config.title, text: config.text },
    ...(ctx.fmt.showTitle && title ? { title: { text: title } } : {}),
    data: [
      {
        name: 'table',
        values: ctx.rows,
        transform: [
          { type: 'identifier', as: '__id' },
          { type: 'formula', expr: "'__root'", as: '__parent' },
          { type: 'filter', expr: `isValid(${datum(value.key)}) && ${datum(value.key)} > 0` },
        ],
      },
      { name: 'tree_root', values: [{ __id: '__root', __parent: null }] },
      {
        name: 'tree',
        source: ['tree_root', 'table'],
        transform: [
          { type: 'stratify', key: '__id', parentKey: '__parent' },
          {
            type: 'treemap',
            field: value.key,
            sort: { field: 'value', order: 'descending' },
            round: true,
            method: 'squarify',
            ratio: 1.6,
            size: [{ signal: 'width' }, { signal: 'height' }],
          },
        ],
      },
      { name: 'leaves', source: 'tree', transform: [{ type: 'filter', expr: "datum.__id !== '__root'" }] },
    ],
    scales: [{ name: 'color', type: 'ordinal', domain: domain as unknown[], range }],
    marks,
  };
  return { library: 'vega', spec };
}
