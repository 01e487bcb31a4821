import type { VisualType } from '../../workbook/schema';
import { isMeasureRef } from '../../workbook/schema';
import { bin, cast, col, fn, lit, or, over, type Expr, type OrderItem, type Query } from '../ast';
import { isNumericType } from '../model';
import { QueryCompileError, type CompiledQuery } from '../types';
import { alias, type FieldCollector, type Part } from './fields';
import { DEFAULT_LIMIT, ascBy, finalQuery, groupedInner, type InnerQuery } from './grouped';

export interface Shape {
  query: Query;
  reduction?: CompiledQuery['reduction'];
}

const BAR_LIKE = new Set<VisualType>(['bar', 'column', 'stackedBar', 'stackedColumn', 'percentBar', 'percentColumn']);
const LINE_LIKE = new Set<VisualType>(['line', 'area', 'stackedArea']);
const BY_VALUE = new Set<VisualType>(['pie', 'donut', 'funnel', 'treemap', 'map']);
export const SAMPLE_POINTS = 5_000;
const SAMPLE_SEED = 42;

export const thousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function requireRole(fc: FieldCollector, role: string, what: string): void {
  if (fc.refs(role).length === 0) throw new QueryCompileError(`Add a field to "${role}" (${what}) to draw this ${fc.visual.type} visual.`, undefined, role);
}

/** Default order of a category chart: dates ascending; bars by value (desc); lines by category. */
function defaultOrder(type: VisualType, category: Part | undefined, dims: Part[], measures: Part[], fc: FieldCollector): OrderItem[] {
  const byCategory = ascBy(dims);
  if (!category || fc.isTemporal(category)) return byCategory;
  if ((BAR_LIKE.has(type) || BY_VALUE.has(type)) && measures.length > 0) {
    return [{ expr: alias(measures[0].key), desc: true, nulls: 'last' }, ...byCategory];
  }
  return byCategory;
}

/** Category / series charts: bar & column family, line & area family, combo, pie, donut, funnel, treemap, map, heatmap, custom. */
export function categoryChart(fc: FieldCollector): Shape {
  const { type } = fc.visual;
  const categoryRole = type === 'map' ? 'location' : type === 'heatmap' ? 'x' : 'category';
  const measureRoles = type === 'combo' ? ['columnValues', 'lineValues'] : ['values'];
  const dimRoles = type === 'heatmap' ? ['y'] : type === 'custom' ? ['series', 'details'] : ['series', 'smallMultiples'];
  const categoryRef = fc.refs(categoryRole)[0];
  if (!categoryRef && measureRoles.every((r) => fc.refs(r).length === 0)) {
    throw new QueryCompileError(`The visual has no fields yet. Drag a field into "${categoryRole}" or "${measureRoles[0]}".`, undefined, categoryRole);
  }
  const dims: Part[] = [];
  const category = categoryRef ? fc.dimension(categoryRef, categoryRole, fc.drillLevel(categoryRef)) : undefined;
  if (category) dims.push(category);
  for (const ref of fc.refs(categoryRole).slice(1)) dims.push(fc.dimension(ref, categoryRole));
  for (const role of dimRoles) for (const ref of fc.refs(role)) dims.push(fc.dimension(ref, role));
  const measures: Part[] = [];
  for (const role of [...measureRoles, 'tooltips']) {
    for (const ref of fc.refs(role)) {
      const part = fc.valueOrDimension(ref, role);
      (part.field.kind === 'dimension' ? dims : measures).push(part);
    }
  }
  const inner = groupedInner(fc, { dims, measures, primary: category, defaultOrder: defaultOrder(type, category, dims, measures, fc) });

  if (type === 'waterfall' && category) return waterfall(fc, inner, measures);
  const pixels = Math.max(10, Math.trunc(fc.input.pixels ?? 1000));
  if (LINE_LIKE.has(type) && category && fc.isContinuous(category) && measures.length > 0) {
    const series = dims.filter((d) => d !== category);
    const query = m4(fc, inner, category, series, measures.filter((m) => m.field.role === 'values'), pixels);
    const rows = fc.rowCountOfRoot();
    return rows > 2 * pixels
      ? { query, reduction: { method: 'm4', note: `Lines with more than ${thousands(2 * pixels)} points are reduced to the first, last, lowest and highest point of each pixel column (M4).` } }
      : { query };
  }
  return { query: finalQuery(fc, inner) };
}

/**
 * M4 (Jugel et al.): per pixel column (and series), keep the rows holding the first and last x and
 * the lowest and highest value — the line draws the same. Applied only when there are more than
 * 2 × pixels distinct x values (decided in SQL, on the filtered data).
 */
function m4(fc: FieldCollector, inner: InnerQuery, x: Part, series: Part[], values: Part[], pixels: number): Query {
  const X = '__x';
  const xs = fc.numericX(x, alias(x.key));
  const lo = over(fn('MIN', col(X)));
  const hi = over(fn('MAX', col(X)));
  const binExpr = fn('FLOOR', bin('/', bin('*', lit(pixels), bin('-', col(X), lo)), fn('NULLIF', bin('-', hi, lo), lit(0))));
  const partition = [...series.map((s) => alias(s.key)), col('__bin')];
  // One row per extreme (ROW_NUMBER, ties broken by x), so flat stretches do not keep every point.
  const extremes: { select: { expr: Expr; alias: string }[]; test: Expr[] } = { select: [], test: [] };
  const track = (e: Expr, name: string): void => {
    for (const desc of [false, true]) {
      const a = `${name}_${desc ? 'hi' : 'lo'}`;
      const orderBy = [{ expr: e, desc, nulls: 'last' as const }, { expr: col(X) }];
      extremes.select.push({ expr: over(fn('ROW_NUMBER'), { partitionBy: partition, orderBy }), alias: a });
      extremes.test.push(bin('=', col(a), lit(1)));
    }
  };
  track(col(X), '__mx');
  values.forEach((v, i) => track(alias(v.key), `__mv${i}`));
  const distinctX: Expr = { type: 'subquery', query: { select: [{ expr: { type: 'func', name: 'COUNT', args: [col(X)], distinct: true } }], from: { type: 'table', name: '__m4x' } } };
  return {
    with: [
      ...inner.with,
      { name: '__agg', query: inner.query },
      { name: '__m4x', query: { select: [{ expr: { type: 'star', table: '__agg' } }, { expr: xs, alias: X }], from: { type: 'table', name: '__agg' } } },
      { name: '__m4b', query: { select: [{ expr: { type: 'star', table: '__m4x' } }, { expr: binExpr, alias: '__bin' }], from: { type: 'table', name: '__m4x' } } },
      { name: '__m4w', query: { select: [{ expr: { type: 'star', table: '__m4b' } }, ...extremes.select], from: { type: 'table', name: '__m4b' } } },
    ],
    select: fc.parts.map((p) => ({ expr: alias(p.key) })),
    from: { type: 'table', name: '__m4w' },
    where: or(bin('<=', distinctX, lit(2 * pixels)), ...extremes.test),
    orderBy: inner.order,
    limit: fc.input.limit ?? DEFAULT_LIMIT,
  };
}

/** Waterfall: each category's value plus the running total before (start) and after (end) it. */
function waterfall(fc: FieldCollector, inner: InnerQuery, measures: Part[]): Shape {
  const value = measures[0];
  if (!value) throw new QueryCompileError('Add a field to "values" to draw the waterfall.', undefined, 'values');
  const running = over(fn('SUM', cast(alias(value.key), 'DOUBLE')), { orderBy: inner.order, frame: 'runningRows' });
  const start = fc.push(bin('-', running, cast(alias(value.key), 'DOUBLE')), { role: 'start', label: 'Start', kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref: value.field.ref });
  const end = fc.push(running, { role: 'end', label: 'End', kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref: value.field.ref });
  return {
    query: {
      ...(inner.with.length ? { with: inner.with } : {}),
      select: fc.parts.map((p) => (p === start || p === end ? { expr: p.expr, alias: p.key } : { expr: alias(p.key) })),
      from: { type: 'subquery', query: inner.query, alias: '__q' },
      orderBy: inner.order,
      limit: fc.input.limit ?? DEFAULT_LIMIT,
    },
  };
}

/** Scatter / bubble: raw points (sampled in SQL past 5,000) or, with details, one aggregated point per detail. */
export function scatter(fc: FieldCollector): Shape {
  requireRole(fc, 'x', 'a numeric field');
  requireRole(fc, 'y', 'a numeric field');
  const valueRoles = ['x', 'y', 'size', 'tooltips'];
  const explicitAgg = valueRoles.some((r) => fc.refs(r).some((ref) => isMeasureRef(ref) || (ref.aggregate !== undefined && ref.aggregate !== 'none')));
  const grouped = explicitAgg || fc.refs('details').length > 0;
  const dims: Part[] = [];
  const measures: Part[] = [];
  if (grouped) {
    for (const role of ['details', 'series']) for (const ref of fc.refs(role)) dims.push(fc.dimension(ref, role));
    for (const role of valueRoles) {
      for (const ref of fc.refs(role)) {
        const part = fc.valueOrDimension(ref, role);
        (part.field.kind === 'dimension' ? dims : measures).push(part);
      }
    }
  } else {
    for (const role of ['x', 'y', 'size', 'series', 'tooltips']) {
      for (const ref of fc.refs(role)) {
        const d = fc.dimensionExpr(ref, role);
        const kind = role === 'series' || !isNumericType(d.field.sqlType) ? 'dimension' : 'measure';
        dims.push(fc.push(d.expr, { ...d.field, kind }));
      }
    }
  }
  const inner = grouped ? groupedInner(fc, { dims, measures, defaultOrder: ascBy(dims) }) : rawInner(fc);
  const points = Math.min(SAMPLE_POINTS, fc.input.limit ?? SAMPLE_POINTS);
  const query: Query = {
    with: [...inner.with, { name: '__pts', query: inner.query }],
    select: fc.parts.map((p) => ({ expr: alias(p.key) })),
    from: { type: 'table', name: '__pts' },
    sample: { rows: points, seed: SAMPLE_SEED },
    orderBy: ascBy(fc.parts),
  };
  const total = fc.rowCountOfRoot();
  if (total <= points) return { query };
  const filtered = fc.input.filters.length > 0;
  return {
    query,
    reduction: { method: 'sample', note: `Showing ${filtered ? 'up to ' : ''}${thousands(points)} of ${thousands(total)} points (sampled)` },
  };
}

/** All rows of the parts (no grouping), filtered. */
export function rawInner(fc: FieldCollector): InnerQuery {
  const src = fc.source();
  return {
    query: { select: fc.parts.map((p) => ({ expr: p.expr, alias: p.key })), from: src.from, joins: src.joins, ...(src.where ? { where: src.where } : {}) },
    with: [],
    order: [],
  };
}
