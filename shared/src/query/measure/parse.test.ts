import { describe, expect, it } from 'vitest';
import { duckdb } from '../dialects/duckdb';
import { modelContext } from '../model';
import { compileMeasure } from './compile';
import { MeasureError, parseMeasure } from './parse';

const errorOf = (fn: () => unknown): MeasureError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof MeasureError) return error;
    throw error;
  }
  throw new Error('expected a MeasureError');
};

describe('parseMeasure', () => {
  it('parses aggregates, quoted tables, precedence and DIVIDE', () => {
    expect(parseMeasure("SUM('Sales 2024'[Net ]]Amount]) + 2 * -COUNTROWS(Sales)")).toEqual({
      kind: 'binary',
      op: '+',
      pos: 32,
      left: { kind: 'aggregate', fn: 'SUM', table: 'Sales 2024', column: 'Net ]Amount', pos: 0, argPos: 4 },
      right: {
        kind: 'binary',
        op: '*',
        pos: 36,
        left: { kind: 'number', value: 2, pos: 34 },
        right: { kind: 'negate', pos: 38, operand: { kind: 'countRows', table: 'Sales', pos: 39, argPos: 49 } },
      },
    });
    expect(parseMeasure('divide([Total], 2.5e1, 0)')).toMatchObject({
      kind: 'divide',
      numerator: { kind: 'measureRef', name: 'Total' },
      denominator: { kind: 'number', value: 25 },
      alternate: { kind: 'number', value: 0 },
    });
    expect(parseMeasure('(1 - 2) - 3')).toMatchObject({ op: '-', left: { op: '-' }, right: { value: 3 } });
  });

  it('reports errors with the position and a human message', () => {
    expect(errorOf(() => parseMeasure('SUMM(Sales[a])'))).toMatchObject({ position: 0, length: 4, message: expect.stringContaining('Unknown function "SUMM" at position 0') });
    expect(errorOf(() => parseMeasure('SUM(Sales[a]'))).toMatchObject({ position: 12, message: expect.stringContaining('Expected ")" to close SUM(') });
    expect(errorOf(() => parseMeasure('SUM(Sales[a]) +'))).toMatchObject({ position: 15, message: expect.stringContaining('the end of the expression') });
    expect(errorOf(() => parseMeasure('1 + Sales[a]'))).toMatchObject({ position: 4, message: expect.stringContaining('must be inside an aggregate') });
    expect(errorOf(() => parseMeasure('SUM(Sales[a'))).toMatchObject({ position: 9, message: expect.stringContaining('not closed') });
    expect(errorOf(() => parseMeasure('1 $ 2'))).toMatchObject({ position: 2, message: 'Unexpected character "$" at position 2.' });
    expect(errorOf(() => parseMeasure(''))).toMatchObject({ position: 0, message: expect.stringContaining('empty') });
    expect(errorOf(() => parseMeasure('SUM(1)'))).toMatchObject({ position: 4, message: expect.stringContaining('SUM needs a column') });
    expect(errorOf(() => parseMeasure('2 3'))).toMatchObject({ position: 2 });
  });
});

describe('compileMeasure', () => {
  const ctx = modelContext(
    [
      { id: 'sales', name: 'Sales', source: { kind: 'derived', sql: 'x' }, columns: [{ name: 'amount', type: 'DOUBLE' }, { name: 'region', type: 'VARCHAR' }], rowCount: 1, version: 'v', refreshedAt: '', transforms: [] },
    ],
    [],
    [
      { id: 'm1', name: 'Total', datasetId: 'sales', expression: 'SUM([amount])', format: '' },
      { id: 'm2', name: 'Loop', datasetId: 'sales', expression: '[Loop] + 1', format: '' },
      { id: 'm3', name: 'Ratio', datasetId: 'sales', expression: 'DIVIDE([Total], DISTINCTCOUNT(sales[region]))', format: '' },
    ],
  );
  const measure = (expression: string) => ({ id: 'mx', name: 'X', datasetId: 'sales', expression, format: '' });

  it('compiles to one aggregate expression and the datasets it reads', () => {
    const m = compileMeasure(ctx, ctx.measures.get('m3')!);
    expect([...m.datasets]).toEqual(['sales']);
    expect(duckdb.expr(m.expr)).toBe(
      'CAST((CASE WHEN ((COUNT(DISTINCT "ds_sales"."region") IS NULL) OR (COUNT(DISTINCT "ds_sales"."region") = 0)) THEN NULL ELSE (CAST(CAST(SUM("ds_sales"."amount") AS DOUBLE) AS DOUBLE) / COUNT(DISTINCT "ds_sales"."region")) END) AS DOUBLE)',
    );
  });

  it('names unknown tables, columns and measures at their position, and cycles', () => {
    expect(errorOf(() => compileMeasure(ctx, measure('SUM(Salez[amount])')))).toMatchObject({ position: 4, message: 'Unknown table "Salez" at position 4. Did you mean Sales?' });
    expect(errorOf(() => compileMeasure(ctx, measure('1 + SUM(Sales[amt])')))).toMatchObject({ position: 8, message: expect.stringContaining('Unknown column [amt] in table "Sales"') });
    expect(errorOf(() => compileMeasure(ctx, measure('[Nope] * 2')))).toMatchObject({ position: 0, message: 'Unknown measure [Nope] at position 0.' });
    expect(errorOf(() => compileMeasure(ctx, measure('SUM(Sales[region])')))).toMatchObject({ position: 0, message: expect.stringContaining('SUM needs a numeric column') });
    expect(errorOf(() => compileMeasure(ctx, ctx.measures.get('m2')!)).message).toContain('refers to itself');
  });
});
