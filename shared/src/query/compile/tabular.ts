import { isMeasureRef } from '../../workbook/schema';
import { and, bin, cast, col, fn, isNull, lit, over, type Expr, type OrderItem, type Query } from '../ast';
import { isNumericType, isTemporalType } from '../model';
import { QueryCompileError } from '../types';
import type { Shape } from './charts';
import { thousands } from './charts';
import { alias, type FieldCollector, type Part } from './fields';
import { DEFAULT_LIMIT, INNER, ascBy, finalQuery, groupedInner } from './grouped';

/** Table: the listed columns; grouped when any of them is aggregated (or a measure), else raw rows up to the limit. */
export function table(fc: FieldCollector): Shape {
  const refs = fc.refs('columns');
  if (refs.length === 0) throw new QueryCompileError('Add columns to the table.', undefined, 'columns');
  const aggregated = refs.some((r) => isMeasureRef(r) || (r.aggregate !== undefined && r.aggregate !== 'none'));
  const dims: Part[] = [];
  const measures: Part[] = [];
  for (const ref of refs) {
    if (aggregated && (isMeasureRef(ref) || (ref.aggregate !== undefined && ref.aggregate !== 'none'))) measures.push(fc.measure(ref, 'columns'));
    else dims.push(fc.dimension(ref, 'columns'));
  }
  const limit = fc.input.limit ?? DEFAULT_LIMIT;
  if (aggregated) return { query: finalQuery(fc, groupedInner(fc, { dims, measures, defaultOrder: ascBy(dims) }), limit) };
  // Raw rows: the sort (when set) by an expression of the row; else the stored order.
  let orderBy: OrderItem[] | undefined;
  const sort = fc.visual.sort;
  if (sort) {
    if (isMeasureRef(sort.field)) throw new QueryCompileError('A table of raw rows cannot be sorted by a measure. Sort by one of its columns.', sort.field, 'sort');
    orderBy = [{ expr: fc.dimensionExpr(sort.field, 'sort').expr, desc: sort.direction === 'desc', nulls: 'last' }];
  }
  const src = fc.source();
  const query: Query = {
    select: fc.parts.map((p) => ({ expr: p.expr, alias: p.key })),
    from: src.from,
    joins: src.joins,
    ...(src.where ? { where: src.where } : {}),
    ...(orderBy ? { orderBy } : {}),
    limit,
  };
  const total = fc.rowCountOfRoot();
  return total > limit ? { query, reduction: { method: 'limit', note: `Showing the first ${thousands(limit)} of ${thousands(total)} rows` } } : { query };
}

/**
 * Matrix: GROUPING SETS over every prefix of the row fields × every prefix of the column fields, so
 * rows hold details, subtotals and the grand total. `__level` = how many row fields the row is
 * grouped by (0 = grand total), `__colLevel` the same for column fields.
 */
export function matrix(fc: FieldCollector): Shape {
  const rows = fc.refs('rows').map((r) => fc.dimension(r, 'rows'));
  const cols = fc.refs('columns').map((r) => fc.dimension(r, 'columns'));
  const values = fc.refs('values').map((r) => fc.measure(r, 'values'));
  if (rows.length + cols.length + values.length === 0) throw new QueryCompileError('Add fields to the matrix rows, columns or values.', undefined, 'rows');
  const src = fc.source();
  const sets: Expr[][] = [];
  for (let i = rows.length; i >= 0; i--) for (let j = cols.length; j >= 0; j--) sets.push([...rows.slice(0, i), ...cols.slice(0, j)].map((p) => p.expr));
  const depth = (parts: Part[]): Expr =>
    parts.length === 0 ? lit(0) : cast(parts.map((p) => bin('-', lit(1), fn('GROUPING', p.expr))).reduce((a, b) => bin('+', a, b)), 'BIGINT');
  const inner: Query = {
    select: [
      ...fc.parts.map((p) => ({ expr: p.expr, alias: p.key })),
      { expr: depth(rows), alias: '__level' },
      { expr: depth(cols), alias: '__colLevel' },
      ...[...rows, ...cols].map((p) => ({ expr: fn('GROUPING', p.expr), alias: `__g_${p.key}` })),
    ],
    from: src.from,
    joins: src.joins,
    ...(src.where ? { where: src.where } : {}),
    groupBy: { kind: 'groupingSets', sets },
  };
  // Details first, then the subtotal of their group, grand total last (per level: grouped flag, then value).
  const orderBy: OrderItem[] = [...rows, ...cols].flatMap((p) => [{ expr: col(`__g_${p.key}`) }, { expr: alias(p.key), nulls: 'last' as const }]);
  return {
    query: {
      select: [...fc.parts.map((p) => ({ expr: alias(p.key) })), { expr: col('__level') }, { expr: col('__colLevel') }],
      from: { type: 'subquery', query: inner, alias: INNER },
      orderBy,
      limit: fc.input.limit ?? DEFAULT_LIMIT,
    },
  };
}

/** Card, multi-row card: the values aggregated over all (filtered) rows; KPI: values and target, by the trend field when set. */
export function cards(fc: FieldCollector): Shape {
  const roles = fc.visual.type === 'kpi' ? ['values', 'target'] : ['values'];
  const trend = fc.visual.type === 'kpi' ? fc.refs('trend').map((r) => fc.dimension(r, 'trend', fc.drillLevel(r))) : [];
  const measures = roles.flatMap((role) => fc.refs(role).map((r) => fc.measure(r, role)));
  if (measures.length === 0) throw new QueryCompileError('Add a field to "values".', undefined, 'values');
  return { query: finalQuery(fc, groupedInner(fc, { dims: trend, measures, defaultOrder: ascBy(trend) })) };
}

/** Slicer: the distinct values of its field, ordered; for numbers and dates also min and max over all of them. */
export function slicer(fc: FieldCollector): Shape {
  const ref = fc.refs('field')[0];
  if (!ref) throw new QueryCompileError('Add a field to the slicer.', undefined, 'field');
  const value = fc.dimension(ref, 'field');
  const src = fc.source();
  const select = [{ expr: value.expr, alias: value.key }];
  if (isNumericType(value.field.sqlType) || isTemporalType(value.field.sqlType)) {
    for (const agg of ['min', 'max'] as const) {
      const p = fc.push(over(fn(agg.toUpperCase(), value.expr)), { ...value.field, role: agg, label: `${agg === 'min' ? 'Min' : 'Max'} of ${value.field.label}`, kind: 'measure', aggregate: agg });
      select.push({ expr: p.expr, alias: p.key });
    }
  }
  return {
    query: {
      distinct: true,
      select,
      from: src.from,
      joins: src.joins,
      ...(src.where ? { where: src.where } : {}),
      orderBy: [{ expr: alias(value.key), nulls: 'last' }],
      limit: fc.input.limit ?? DEFAULT_LIMIT,
    },
  };
}

/**
 * Histogram of one numeric column, binned in SQL: `format.binCount` equal bins, else the
 * Freedman–Diaconis rule (bin width 2·IQR/∛n, 1–100 bins), else 20 bins when the IQR is 0.
 * Rows: bin start, bin end, count (empty bins are not returned).
 */
export function histogram(fc: FieldCollector): Shape {
  const ref = fc.refs('values')[0];
  if (!ref) throw new QueryCompileError('Add a numeric column to "values".', undefined, 'values');
  if (isMeasureRef(ref)) throw new QueryCompileError('A histogram bins a column, not a measure. Use a numeric column.', ref, 'values');
  const v = fc.dimensionExpr(ref, 'values');
  if (!isNumericType(v.field.sqlType)) throw new QueryCompileError(`A histogram needs a numeric column; "${ref.column}" is ${v.field.sqlType}.`, ref, 'values');
  const x = cast(v.expr, 'DOUBLE');
  const src = fc.source([isNull(v.expr, true)]);
  const raw = fc.visual.format.binCount;
  const fixed = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 1000 ? raw : undefined;
  const q = (p: number): Expr => ({ type: 'quantile', expr: col('v'), q: p });
  const lo = col('lo', '__s');
  const hi = col('hi', '__s');
  const span = bin('-', hi, lo);
  const fd = fn('LEAST', lit(100), fn('GREATEST', lit(1), fn('CEIL', bin('/', span, bin('/', bin('*', lit(2), col('iqr', '__s')), fn('cbrt', col('n', '__s')))))));
  const k: Expr = fixed !== undefined ? lit(fixed) : {
    type: 'case',
    whens: [{ when: and(bin('>', col('iqr', '__s'), lit(0)), bin('>', span, lit(0))), then: fd }],
    else: lit(20),
  };
  const kk = cast(k, 'BIGINT');
  const width: Expr = { type: 'case', whens: [{ when: bin('>', span, lit(0)), then: bin('/', span, kk) }], else: lit(1) };
  const index: Expr = { type: 'case', whens: [{ when: bin('>', col('w', '__p'), lit(0)), then: fn('LEAST', fn('FLOOR', bin('/', bin('-', col('v', '__v'), col('lo', '__p')), col('w', '__p'))), bin('-', col('k', '__p'), lit(1))) }], else: lit(0) };
  const start = fc.push(bin('+', col('lo'), bin('*', col('i'), col('w'))), { ...v.field, role: 'binStart', label: `${ref.column} (bin start)`, kind: 'dimension', vlType: 'quantitative', sqlType: 'DOUBLE' });
  const end = fc.push(bin('+', col('lo'), bin('*', bin('+', col('i'), lit(1)), col('w'))), { ...v.field, role: 'binEnd', label: `${ref.column} (bin end)`, kind: 'dimension', vlType: 'quantitative', sqlType: 'DOUBLE' });
  const count = fc.push(fn('COUNT', { type: 'star' }), { role: 'count', label: `Count of ${ref.column}`, kind: 'measure', vlType: 'quantitative', sqlType: 'BIGINT', ref, aggregate: 'count' });
  return {
    reduction: { method: 'bin', note: fixed ? `${fixed} equal bins` : 'Bins by the Freedman–Diaconis rule' },
    query: {
      with: [
        { name: '__v', query: { select: [{ expr: x, alias: 'v' }], from: src.from, joins: src.joins, ...(src.where ? { where: src.where } : {}) } },
        {
          name: '__s',
          query: {
            select: [
              { expr: fn('MIN', col('v')), alias: 'lo' },
              { expr: fn('MAX', col('v')), alias: 'hi' },
              { expr: cast(fn('COUNT', col('v')), 'DOUBLE'), alias: 'n' },
              { expr: bin('-', q(0.75), q(0.25)), alias: 'iqr' },
            ],
            from: { type: 'table', name: '__v' },
          },
        },
        { name: '__p', query: { select: [{ expr: lo, alias: 'lo' }, { expr: kk, alias: 'k' }, { expr: width, alias: 'w' }], from: { type: 'table', name: '__s' } } },
        {
          name: '__b',
          query: {
            select: [{ expr: col('lo', '__p'), alias: 'lo' }, { expr: col('w', '__p'), alias: 'w' }, { expr: cast(index, 'BIGINT'), alias: 'i' }],
            from: { type: 'table', name: '__v' },
            joins: [{ kind: 'CROSS', from: { type: 'table', name: '__p' } }],
          },
        },
      ],
      select: [start, end, count].map((p) => ({ expr: p.expr, alias: p.key })),
      from: { type: 'table', name: '__b' },
      groupBy: { kind: 'plain', exprs: [col('i'), col('lo'), col('w')] },
      orderBy: [{ expr: col('i') }],
      limit: 1000,
    },
  };
}
