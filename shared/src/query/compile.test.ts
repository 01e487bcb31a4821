import { describe, expect, it } from 'vitest';
import type { FieldRef, Visual } from '../workbook/schema';
import { VISUAL_ROLES, VISUAL_TYPES, roleKind } from '../workbook/schema';
import { fn, lit } from './ast';
import { SqlDialect, SqlPrintError } from './dialects/base';
import { duckdb } from './dialects/duckdb';
import { compileVisualQuery, compilePredicate, QueryCompileError, type VisualQueryInput } from './index';
import { testDataset } from '../testing';

const ds = testDataset;
const DATASETS = [
  ds('s', 'Sales', [['amount', 'DECIMAL(18,2)'], ['day', 'DATE'], ['region', 'VARCHAR'], ['pid', 'INTEGER']]),
  ds('p', 'Products', [['pid', 'INTEGER'], ['cat', 'VARCHAR']]),
];
const amount = { datasetId: 's', column: 'amount' };
const region = { datasetId: 's', column: 'region' };
const day = { datasetId: 's', column: 'day' };
const cat = { datasetId: 'p', column: 'cat' };

const visual = (type: Visual['type'], fields: Record<string, FieldRef[]>, extra: Partial<Visual> = {}): Visual => ({
  id: 'v', pageId: 'pg', type, x: 0, y: 0, w: 1, h: 1, z: 0, title: '', fields, filters: [], format: {}, sort: null, topN: null, ...extra,
});
const compile = (v: Visual, extra: Partial<VisualQueryInput> = {}) =>
  compileVisualQuery({
    visual: v,
    datasets: DATASETS,
    relationships: [{ id: 'r', from: { datasetId: 's', column: 'pid' }, to: { datasetId: 'p', column: 'pid' }, cardinality: 'many-to-one', crossFilter: 'single', active: true }],
    measures: [{ id: 'bad', name: 'Broken', datasetId: 's', expression: 'SUM(Sales[nope])', format: '' }],
    filters: [],
    ...extra,
  });
const errorOf = (f: () => unknown): QueryCompileError => {
  try {
    f();
  } catch (error) {
    if (error instanceof QueryCompileError) return error;
    throw error;
  }
  throw new Error('expected a QueryCompileError');
};

describe('compileVisualQuery: SQL shape', () => {
  it('bar: GROUP BY the category, SUM the values, ordered outside by aliases, default limit', () => {
    const { sql, fields } = compile(visual('bar', { category: [region], values: [amount] }));
    expect(sql).toBe(
      'SELECT "c0", "c1" FROM (SELECT "ds_s"."region" AS "c0", CAST(SUM("ds_s"."amount") AS DOUBLE) AS "c1" FROM "ds_s" GROUP BY "ds_s"."region") AS "__q" ORDER BY "c1" DESC NULLS LAST, "c0" ASC NULLS LAST LIMIT 10000',
    );
    expect(fields.map((f) => f.key)).toEqual(['c0', 'c1']);
  });

  it('joins the dimension with LEFT JOIN and filters through it', () => {
    const { sql } = compile(visual('column', { category: [cat], values: [amount] }), { filters: [{ kind: 'in', field: cat, values: ['A'] }], limit: 5 });
    expect(sql).toContain('FROM "ds_s" LEFT JOIN "ds_p" ON ("ds_s"."pid" = "ds_p"."pid") WHERE ("ds_p"."cat" IN (\'A\')) GROUP BY "ds_p"."cat"');
    expect(sql).toMatch(/LIMIT 5$/);
  });

  it('top N through a ranking CTE, % of total through a window', () => {
    const { sql } = compile(visual('bar', { category: [region], values: [{ ...amount, showAs: 'percentOfTotal' }] }, { topN: { n: 3, by: amount, direction: 'top' } }));
    expect(sql).toMatch(/^WITH "__top" AS \(SELECT "ds_s"."region" AS "k" FROM "ds_s" GROUP BY "ds_s"."region" ORDER BY CAST\(SUM\("ds_s"."amount"\) AS DOUBLE\) DESC NULLS LAST, "ds_s"."region" ASC NULLS LAST LIMIT 3\)/);
    expect(sql).toContain('(EXISTS (SELECT 1 FROM "__top" WHERE ("__top"."k" IS NOT DISTINCT FROM "ds_s"."region")))');
    expect(sql).toContain('SUM(CAST(CAST(SUM("ds_s"."amount") AS DOUBLE) AS DOUBLE)) OVER ()');
  });

  it('matrix uses GROUPING SETS; slicer DISTINCT with min/max; histogram and scatter reductions', () => {
    expect(compile(visual('matrix', { rows: [region], columns: [], values: [amount] })).sql).toContain('GROUP BY GROUPING SETS (("ds_s"."region"), ())');
    const slicer = compile(visual('slicer', { field: [day] }));
    expect(slicer.sql).toMatch(/^SELECT DISTINCT "ds_s"."day" AS "c0", MIN\("ds_s"."day"\) OVER \(\) AS "c1", MAX\("ds_s"."day"\) OVER \(\) AS "c2"/);
    expect(compile(visual('histogram', { values: [amount] })).reduction).toEqual({ method: 'bin', note: 'Bins by the Freedman–Diaconis rule' });
    const big = compileVisualQuery({ ...baseInput(), visual: visual('scatter', { x: [amount], y: [amount] }), datasets: [ds('s', 'Sales', [['amount', 'DOUBLE']], 1_234_567)] });
    expect(big.reduction).toEqual({ method: 'sample', note: 'Showing 5,000 of 1,234,567 points (sampled)' });
  });

  it('every visual type compiles with its wells filled', () => {
    for (const type of VISUAL_TYPES) {
      const fields: Record<string, FieldRef[]> = {};
      for (const role of VISUAL_ROLES[type]) {
        fields[role] = roleKind(type, role) === 'measure' || role === 'tooltips' ? [amount] : [role === 'trend' ? day : region];
      }
      if (type === 'histogram') fields.values = [amount];
      expect(() => compile(visual(type, fields)), type).not.toThrow();
    }
  });
});

function baseInput(): Omit<VisualQueryInput, 'visual'> {
  return { datasets: DATASETS, relationships: [], measures: [], filters: [] };
}

describe('compileVisualQuery: errors name the field at fault', () => {
  it('unknown column, dataset, measure; broken measure; unconnected datasets', () => {
    const col = errorOf(() => compile(visual('bar', { category: [{ datasetId: 's', column: 'regio' }], values: [amount] })));
    expect(col.message).toContain('The column "regio" does not exist in dataset "Sales"');
    expect(col.field).toEqual({ datasetId: 's', column: 'regio' });
    expect(col.role).toBe('category');
    expect(errorOf(() => compile(visual('card', { values: [{ datasetId: 'gone', column: 'x' }] }))).message).toContain('not in this workbook (id "gone")');
    expect(errorOf(() => compile(visual('card', { values: [{ measureId: 'nope' }] }))).field).toEqual({ measureId: 'nope' });
    const broken = errorOf(() => compile(visual('card', { values: [{ measureId: 'bad' }] })));
    expect(broken.message).toContain('The measure "Broken" has an error: Unknown column [nope] in table "Sales" at position 4');
    const apart = errorOf(() => compileVisualQuery({ ...baseInput(), visual: visual('bar', { category: [cat], values: [amount] }) }));
    expect(apart.message).toMatch(/"Sales" and "Products" are not connected by a relationship/);
    expect(apart.field).toEqual(amount);
    expect(apart.role).toBe('values');
    expect(errorOf(() => compile(visual('bar', { category: [region], values: [{ ...region, aggregate: 'sum' }] }))).message).toContain('cannot be summed');
    expect(errorOf(() => compile(visual('bar', {}))).message).toContain('no fields yet');
    expect(errorOf(() => compile(visual('card', { values: [amount] }), { filters: [{ kind: 'compare', field: amount, op: 'gt', value: 'ten' }] })).message).toContain('"ten" is not a number');
  });
});

describe('quoting and escaping', () => {
  it('identifiers are double-quoted, strings single-quoted, numbers checked', () => {
    expect(duckdb.identifier('a"b')).toBe('"a""b"');
    expect(duckdb.literal("it's")).toBe("'it''s'");
    expect(duckdb.literal(-5)).toBe('(-5)');
    expect(duckdb.literal(true)).toBe('TRUE');
    expect(duckdb.literal(null)).toBe('NULL');
    expect(duckdb.literal('2024-01-02', 'DATE')).toBe("CAST('2024-01-02' AS DATE)");
    expect(() => duckdb.literal(Number.NaN)).toThrow(SqlPrintError);
    expect(() => duckdb.literal('a\u0000b')).toThrow(SqlPrintError);
    expect(() => duckdb.expr(fn('x); DROP TABLE t; --', lit(1)))).toThrow(SqlPrintError);
    expect(() => duckdb.identifier('')).toThrow(SqlPrintError);
  });

  it('predicates type their literals by the column and keep blanks on exclude', () => {
    expect(compilePredicate({ kind: 'in', field: region, values: ["O'Hara", null], exclude: true }, DATASETS)).toBe(`(NOT (("ds_s"."region" IN ('O''Hara')) OR ("ds_s"."region" IS NULL)))`);
    expect(compilePredicate({ kind: 'in', field: region, values: ['x'], exclude: true }, DATASETS)).toBe(`(("ds_s"."region" IS NULL) OR (NOT ("ds_s"."region" IN ('x'))))`);
    expect(compilePredicate({ kind: 'range', field: day, min: '2024-01-01', max: 1704153600000 }, DATASETS)).toBe(
      `(("ds_s"."day" >= CAST('2024-01-01' AS DATE)) AND ("ds_s"."day" <= CAST('2024-01-02' AS DATE)))`,
    );
    expect(compilePredicate({ kind: 'compare', field: amount, op: 'eq', value: '-1.5' }, DATASETS)).toBe('("ds_s"."amount" = (-1.5))');
    expect(compilePredicate({ kind: 'relativeDate', field: day, unit: 'month', last: 3, includeCurrent: false, today: '2025-05-05' }, DATASETS)).toBe(
      `(("ds_s"."day" >= CAST((CAST(date_trunc('month', CAST('2025-05-05' AS DATE)) AS DATE) + INTERVAL '-3 month') AS DATE)) AND ("ds_s"."day" < CAST(date_trunc('month', CAST('2025-05-05' AS DATE)) AS DATE)))`,
    );
    expect(() => compilePredicate({ kind: 'relativeDate', field: region, unit: 'day', last: 1, includeCurrent: true }, DATASETS)).toThrow(/not a date column/);
  });

  it('the generic dialect refuses what it cannot print', () => {
    const generic = new SqlDialect();
    expect(() => generic.query({ select: [{ expr: lit(1) }], from: { type: 'table', name: 't' }, sample: { rows: 5, seed: 1 } })).toThrow(/Sampling is not supported/);
    expect(generic.expr({ type: 'quantile', expr: lit(1), q: 0.5 })).toBe('percentile_cont(0.5) WITHIN GROUP (ORDER BY 1)');
  });
});
