import { describe, expect, it } from 'vitest';
import type { CalculatedColumn } from '../../workbook/schema';
import { fieldDatasets, resolveField } from '../columns';
import { duckdb } from '../dialects/duckdb';
import { ExpressionError } from '../lang/tokens';
import { compileMeasure } from '../measure/compile';
import { modelContext } from '../model';
import { QueryCompileError } from '../types';
import { compileCalculatedColumn } from './compile';
import { calculatedColumnQuery } from '../joins';
import { testDataset } from '../../testing';

const ds = (id: string, name: string, columns: [string, string][]) => testDataset(id, name, columns, 1);
const DATASETS = [
  ds('s', 'sales', [['quantity', 'BIGINT'], ['price', 'DOUBLE'], ['region', 'VARCHAR'], ['day', 'DATE'], ['at', 'TIMESTAMP'], ['pid', 'INTEGER'], ['ok', 'BOOLEAN']]),
  ds('p', 'Products', [['pid', 'INTEGER'], ['category', 'VARCHAR']]),
  ds('w', 'Weather', [['temp', 'DOUBLE']]),
];
const REL = [{ id: 'r', from: { datasetId: 's', column: 'pid' }, to: { datasetId: 'p', column: 'pid' }, cardinality: 'many-to-one' as const, crossFilter: 'single' as const, active: true }];
const calc = (id: string, name: string, expression: string, datasetId = 's', type?: string): CalculatedColumn => ({ id, datasetId, name, expression, ...(type ? { type } : {}) });
const CALCS = [
  calc('c1', 'Revenue', '[quantity] * [price]'),
  calc('c2', 'Revenue x2', '[revenue] * 2'),
  calc('c3', 'Cat', 'UPPER([category])', 'p'),
  calc('c4', 'Label', 'RELATED(Products[Cat]) & [region]'),
  calc('c5', 'A', '[B] + 1'),
  calc('c6', 'B', '[C] * 2'),
  calc('c7', 'C', '[A] - 1'),
  calc('c8', 'Broken', '[nope] + 1'),
  calc('c9', 'Stored', '[quantity] / 2', 's', 'DECIMAL(18,3)'),
];
const ctx = modelContext(DATASETS, REL, [], CALCS);
const compile = (expression: string, datasetId = 's') => compileCalculatedColumn(ctx, calc('x', 'X', expression, datasetId));
const sql = (expression: string): string => duckdb.expr(compile(expression).expr);
const errorOf = (expression: string): ExpressionError => {
  try {
    compile(expression);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected an ExpressionError for ${expression}`);
};

describe('compileCalculatedColumn', () => {
  it('compiles to a row-level expression over its table and infers the type', () => {
    expect(sql('[quantity] * [price]')).toBe('("ds_s"."quantity" * "ds_s"."price")');
    expect(compile('[quantity] * [price]')).toMatchObject({ type: 'DOUBLE', kind: 'number' });
    expect(compile('[quantity] + 1')).toMatchObject({ type: 'BIGINT', kind: 'number' });
    expect(compile('[quantity] / 2')).toMatchObject({ type: 'DOUBLE' });
    expect(sql('[quantity] / 0')).toBe('(CAST("ds_s"."quantity" AS DOUBLE) / NULLIF(CAST(0 AS DOUBLE), 0))');
    expect(compile('"x" & [quantity]')).toMatchObject({ type: 'VARCHAR', kind: 'text' });
    expect(compile('[day] + 7')).toMatchObject({ type: 'DATE', kind: 'date' });
    expect(compile('[day] - DATE(2024, 1, 1)')).toMatchObject({ type: 'BIGINT' });
    expect(compile('[at] - [at]')).toMatchObject({ type: 'DOUBLE' });
    expect(compile('[quantity] > 1 && [ok]')).toMatchObject({ type: 'BOOLEAN', kind: 'boolean' });
    expect(compile('IF([ok], 1, BLANK())')).toMatchObject({ type: 'INTEGER' });
    expect(compile('IF([ok], 1, 2.5)')).toMatchObject({ type: 'DOUBLE' });
    expect(compile('BLANK()')).toMatchObject({ type: 'INTEGER' });
    expect(compile('FORMAT([day], "yyyy")')).toMatchObject({ type: 'VARCHAR' });
    // text compares ignoring case, as DAX
    expect(sql('[region] = "North"')).toBe(`(lower("ds_s"."region") = lower('North'))`);
  });

  it('uses other calculated columns in place (any case), a stored type wins over the inferred one', () => {
    expect(sql('[Revenue x2] + 1')).toBe('((("ds_s"."quantity" * "ds_s"."price") * 2) + 1)');
    expect(compile('[stored]')).toMatchObject({ type: 'DECIMAL(18,3)', kind: 'number' });
  });

  it('RELATED reads a related table (its calculated columns too) and names it among the datasets to join', () => {
    const label = compile('RELATED(Products[Cat]) & [region]');
    expect(duckdb.expr(label.expr)).toBe('concat(upper("ds_p"."category"), "ds_s"."region")');
    expect([...label.related]).toEqual(['p']);
    expect(fieldDatasets(ctx, { datasetId: 's', column: 'Label' })).toEqual(['s', 'p']);
    expect(duckdb.query(calculatedColumnQuery(ctx, CALCS[3]))).toBe(
      'SELECT concat(upper("ds_p"."category"), "ds_s"."region") AS "value" FROM "ds_s" LEFT JOIN "ds_p" ON ("ds_s"."pid" = "ds_p"."pid")',
    );
  });

  it('errors carry the position in the expression and a human message', () => {
    expect(errorOf('[qty] * 2')).toMatchObject({ position: 0, length: 5, message: 'Unknown column [qty] in sales. Did you mean [quantity]?' });
    expect(errorOf('1 + [prise]')).toMatchObject({ position: 4, message: 'Unknown column [prise] in sales. Did you mean [price]?' });
    expect(errorOf('Sales[zzz]')).toMatchObject({ position: 5, message: 'Unknown column [zzz] in sales.' });
    expect(errorOf('Prods[category]')).toMatchObject({ position: 0, length: 5, message: expect.stringContaining('Unknown table "Prods" at position 0. Did you mean Products?') });
    expect(errorOf('1 + Products[category]')).toMatchObject({ position: 4, length: 18, message: 'Products[category] is a column of another table: read it with RELATED(Products[category]).' });
    expect(errorOf('RELATED(Weather[temp])')).toMatchObject({ position: 0, message: 'RELATED(Weather[temp]) needs an active many-to-one relationship from sales to Weather. Add one in the Model view.' });
    expect(errorOf('RELATED(sales[price])')).toMatchObject({ message: expect.stringContaining('RELATED reads a column of another table') });
    expect(errorOf('[region] + 1')).toMatchObject({ position: 0, length: 8, message: '"+" at position 9 needs numbers (or a date and a number of days); [region] is text. Join text with &.' });
    expect(errorOf('[quantity] * "2"')).toMatchObject({ position: 13, message: expect.stringContaining('"2" is text') });
    expect(errorOf('[at] + 1')).toMatchObject({ message: expect.stringContaining('adds days to a date only; [at] holds a date and time') });
    expect(errorOf('-[region]')).toMatchObject({ position: 1, message: expect.stringContaining('"-" at position 0 needs a number') });
    expect(errorOf('[region] = 1')).toMatchObject({ position: 0, length: 12, message: '"=" at position 9 compares text ([region]) with a number (1). Compare like with like.' });
    expect(errorOf('[day] > "2024-01-01"')).toMatchObject({ message: expect.stringContaining('Write a date as DATE(2024, 1, 31).') });
    expect(errorOf('[quantity] && [ok]')).toMatchObject({ position: 0, message: expect.stringContaining('"&&" joins conditions (true/false); [quantity] is a number') });
    expect(errorOf('IF([quantity], 1, 2)')).toMatchObject({ position: 3, length: 10, message: 'IF needs a condition (true/false), e.g. [quantity] > 10 as its first argument; [quantity] is a number.' });
    expect(errorOf('IF([ok], "yes", 0)')).toMatchObject({ position: 16, message: expect.stringContaining('IF gives text in one case and a number in another (0); a column holds one type.') });
    expect(errorOf('SWITCH([region], 1, "a")')).toMatchObject({ position: 17, message: expect.stringContaining('SWITCH compares text with a number (1)') });
    expect(errorOf('SWITCH(TRUE(), [quantity], "a")')).toMatchObject({ position: 15, message: expect.stringContaining('a condition after SWITCH(TRUE(), …') });
    expect(errorOf('YEAR([region])')).toMatchObject({ position: 5, message: 'YEAR needs a date; [region] is text.' });
    expect(errorOf('ROUND([price], "2")')).toMatchObject({ position: 15, message: 'ROUND needs a number of digits as its second argument; "2" is text.' });
    expect(errorOf('WEEKDAY([day], 4)')).toMatchObject({ position: 15, message: expect.stringContaining("WEEKDAY's return type is 1 (Sunday = 1), 2 (Monday = 1) or 3 (Monday = 0), not 4.") });
    expect(errorOf('WEEKDAY([day], [quantity])')).toMatchObject({ message: expect.stringContaining('must be written as the number 1, 2 or 3') });
    expect(errorOf('FORMAT([price], [region])')).toMatchObject({ position: 16, message: expect.stringContaining('must be written as text in quotes') });
    expect(errorOf('FORMAT([price], "0.0 €")')).toMatchObject({ position: 16, length: 7, message: expect.stringContaining('FORMAT cannot write a number as "0.0 €". Number formats: "0", "0.00"') });
    expect(errorOf('FORMAT([day], "yyyy Q")')).toMatchObject({ message: expect.stringContaining('FORMAT does not know the date code "Q" in "yyyy Q"') });
    expect(errorOf('FORMAT([region], "0")')).toMatchObject({ position: 7, message: 'FORMAT writes a number or a date as text; [region] is text.' });
    expect(errorOf('DATE(2024, "1", 1)')).toMatchObject({ position: 11, message: expect.stringContaining('DATE needs a whole number as its second argument') });
  });

  it('a loop is an error naming the columns, at the reference; a broken column used by another says which', () => {
    expect(errorOf('[A] * 3')).toMatchObject({ position: 0, length: 3, message: 'Circular reference: [A] → [B] → [C] → [A]. A column cannot use itself.' });
    expect(() => compileCalculatedColumn(ctx, CALCS[5])).toThrow('Circular reference: [B] → [C] → [A] → [B]');
    expect(errorOf('1 + [Broken]')).toMatchObject({ position: 4, length: 8, message: 'The column [Broken] used at position 4 has an error: Unknown column [nope] in sales.' });
  });

  it('as a field: its SQL, type and datasets; a broken one is a QueryCompileError naming it; in a measure, an error at the argument', () => {
    expect(resolveField(ctx, { datasetId: 's', column: 'Revenue' })).toMatchObject({ column: { name: 'Revenue', type: 'DOUBLE' }, datasets: ['s'], calculated: CALCS[0] });
    expect(() => resolveField(ctx, { datasetId: 's', column: 'Broken' }, 'values')).toThrow(QueryCompileError);
    expect(() => resolveField(ctx, { datasetId: 's', column: 'Broken' })).toThrow('The calculated column "Broken" has an error: Unknown column [nope] in sales. Fix it in the Model view.');
    const measure = (expression: string) => ({ id: 'm', name: 'M', datasetId: 's', expression, format: '' });
    expect(duckdb.expr(compileMeasure(ctx, measure('SUM([revenue])')).expr)).toBe('CAST(SUM(("ds_s"."quantity" * "ds_s"."price")) AS DOUBLE)');
    expect([...compileMeasure(ctx, measure('COUNT(Sales[Label])')).datasets]).toEqual(['s', 'p']);
    let error: unknown;
    try {
      compileMeasure(ctx, measure('1 + SUM([broken])'));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ position: 8, length: 8, message: 'The calculated column [Broken] has an error: Unknown column [nope] in sales.' });
  });
});
