import { describe, expect, it } from 'vitest';
import { col, lit, type Expr } from '../ast';
import { levelRanges } from './base';
import { duckdb } from './duckdb';

const keys = (...values: string[]): Expr[] => values.map((v) => lit(v));

describe('date hierarchy keys as ranges', () => {
  it('year, quarter, month and day keys become [start, end) dates', () => {
    expect(levelRanges('year', keys('2024'))).toEqual([['2024-01-01', '2025-01-01']]);
    expect(levelRanges('quarter', keys('2024 Q4', '2023 Q1'))).toEqual([['2024-10-01', '2025-01-01'], ['2023-01-01', '2023-04-01']]);
    expect(levelRanges('month', keys('2024-02', '2024-12'))).toEqual([['2024-02-01', '2024-03-01'], ['2024-12-01', '2025-01-01']]);
    expect(levelRanges('day', keys('2024-02-29'))).toEqual([['2024-02-29', '2024-03-01']]);
  });

  it('anything else is left to the IN as written', () => {
    expect(levelRanges('month', keys('2024-13'))).toBeUndefined();
    expect(levelRanges('day', keys('2023-02-29'))).toBeUndefined();
    expect(levelRanges('month', keys('2024-01', 'East'))).toBeUndefined();
    expect(levelRanges('year', [lit(2024)])).toBeUndefined();
    expect(levelRanges('year', keys('0050'))).toBeUndefined();
  });

  it('prints an IN over a level key as date ranges, and NOT IN as their negation', () => {
    const x = col('order_date', 'ds_sales');
    const month: Expr = { type: 'in', expr: { type: 'dateLevel', expr: x, level: 'month' }, values: keys('2024-03') };
    expect(duckdb.expr(month)).toBe(`(("ds_sales"."order_date" >= CAST('2024-03-01' AS DATE) AND "ds_sales"."order_date" < CAST('2024-04-01' AS DATE)))`);
    expect(duckdb.expr({ ...month, negate: true })).toBe(`(NOT (("ds_sales"."order_date" >= CAST('2024-03-01' AS DATE) AND "ds_sales"."order_date" < CAST('2024-04-01' AS DATE))))`);
  });
});
