import type { Measure } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { lineAndColumn, measureProblems, type ModelParts } from './measure-check';
import { testDataset } from '@tessera/shared/testing';

const dataset = (id: string, name: string, columns: [string, string][]) => testDataset(id, name, columns, 1);
const measures: Measure[] = [
  { id: 'm1', name: 'Total', datasetId: 'sales', expression: 'SUM(sales[quantity])', format: '' },
  { id: 'm2', name: 'Double', datasetId: 'sales', expression: '[Total] * 2', format: '' },
];
const model: ModelParts = {
  datasets: [dataset('sales', 'sales', [['quantity', 'BIGINT'], ['region', 'VARCHAR']]), dataset('other', 'other', [['x', 'DOUBLE']])],
  relationships: [],
  measures,
};
const draft = (expression: string, extra: Partial<{ id: string; name: string; datasetId: string }> = {}) => ({ name: 'Avg', datasetId: 'sales', expression, ...extra });

describe('measure editor checks', () => {
  it('a valid measure (using another measure) has no problem', () => {
    expect(measureProblems(model, draft('DIVIDE([Total], COUNTROWS(sales))'))).toEqual([]);
  });

  it('a syntax error names its position and length', () => {
    const [p] = measureProblems(model, draft('DIVIDE(SUM(sales[quantity]) COUNTROWS(sales))'));
    expect(p).toMatchObject({ field: 'expression', position: 28, length: 9 });
    expect(p.message).toContain('Expected "," between the arguments of DIVIDE at position 28');
  });

  it('unknown tables, columns and measures are caught against the model', () => {
    expect(measureProblems(model, draft('SUM(sales[qty])'))[0]).toMatchObject({ field: 'expression', position: 4 });
    expect(measureProblems(model, draft('SUM(sales[qty])'))[0].message).toContain('Unknown column [qty] in table "sales"');
    expect(measureProblems(model, draft('COUNTROWS(nope)'))[0].message).toContain('Unknown table "nope"');
    expect(measureProblems(model, draft('[Nope] + 1'))[0]).toMatchObject({ position: 0, length: 6 });
    expect(measureProblems(model, draft('SUM(sales[region])'))[0].message).toContain('SUM needs a numeric column');
  });

  it('editing a measure into a cycle is caught; its own name is not taken', () => {
    expect(measureProblems(model, draft('[Double] + 1', { id: 'm1', name: 'Total' }))[0].message).toMatch(/refers to itself/);
    expect(measureProblems(model, draft('SUM(sales[quantity]) * 3', { id: 'm1', name: 'total' }))).toEqual([]);
  });

  it('name and home table', () => {
    expect(measureProblems(model, draft('1', { name: ' ' }))).toEqual([{ field: 'name', message: 'Give the measure a name.' }]);
    expect(measureProblems(model, draft('1', { name: 'TOTAL' }))[0]).toMatchObject({ field: 'name', message: expect.stringContaining('already exists') });
    expect(measureProblems(model, draft('1', { datasetId: 'gone' }))[0]).toMatchObject({ field: 'datasetId' });
  });

  it('line and column of a position', () => {
    expect(lineAndColumn('SUM(\n  x', 7)).toEqual({ line: 2, column: 3 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
