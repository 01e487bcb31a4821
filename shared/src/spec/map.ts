import { numberFormatExpr } from '../format/number-format';
import { baseSpec, clean, formatTransforms, highlightOpacity, legend, role, tooltipOf, type Ctx, type Json } from './common';
import { indexTopology, matchLocation } from './geo-match';
import { mixColors } from './theme';
import type { BuiltSpec } from './types';

export const GEO_KEY = '__geo';

/**
 * Filled map: a grey base layer of every feature, then the rows drawn as geoshapes. Each row's
 * location is matched here (names, ISO numeric ids, common aliases, US postal codes) to a feature
 * name stored in `__geo`; a `lookup` from the inline TopoJSON brings its geometry. Rows that match
 * no shape are listed in `warnings`.
 */
export function buildMap(ctx: Ctx): BuiltSpec {
  const loc = role(ctx, 'location')[0];
  const value = role(ctx, 'values')[0];
  if (!loc) return { library: 'none', reason: 'Add a field to Location (country or US state names) to draw a map.' };
  const geo = indexTopology(ctx.input.topology);
  if (typeof geo === 'string') return { library: 'none', reason: geo };
  const missing: string[] = [];
  const rows = ctx.rows.map((r) => {
    const name = matchLocation(geo, r[loc.key]);
    if (!name && r[loc.key] !== null && r[loc.key] !== undefined) missing.push(String(r[loc.key]));
    return { ...r, [GEO_KEY]: name };
  });
  const shapes = { values: ctx.input.topology, format: { type: 'topojson', feature: geo.feature } };
  const fields = value ? [loc, value] : [loc];
  const spec: Json = {
    ...baseSpec({ ...ctx, rows }, value ? `${value.label} by ${loc.label}` : loc.label),
    projection: { type: geo.feature === 'states' ? 'albersUsa' : 'equalEarth' },
    layer: [
      { data: shapes, mark: { type: 'geoshape', fill: mixColors(ctx.theme.background, ctx.theme.foreground, 0.1), stroke: ctx.theme.background, strokeWidth: 0.5 } },
      {
        transform: [
          { filter: `datum['${GEO_KEY}'] != null` },
          { lookup: GEO_KEY, from: { data: shapes, key: 'properties.name' }, as: '__shape' },
          ...formatTransforms(ctx, fields),
        ],
        mark: { type: 'geoshape', stroke: ctx.theme.background, strokeWidth: 0.5 },
        encoding: clean({
          shape: { field: '__shape', type: 'geojson' },
          color: value
            ? {
                field: value.key,
                type: 'quantitative',
                scale: { range: [mixColors(ctx.theme.background, ctx.palette[0], 0.15), ctx.palette[0]] },
                legend: ctx.fmt.legendPosition === 'none' ? null : { ...legend(ctx, value.label), labelExpr: numberFormatExpr('datum.value', ctx.fmt.numberFormat) },
              }
            : { value: ctx.palette[0] },
          tooltip: tooltipOf(fields),
          opacity: highlightOpacity(ctx),
        }),
      },
    ],
  };
  const warnings = missing.length > 0 ? [`${missing.length} location(s) match no ${geo.feature === 'states' ? 'US state' : 'country'} on the map: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`] : undefined;
  return warnings ? { library: 'vega-lite', spec, warnings } : { library: 'vega-lite', spec };
}
