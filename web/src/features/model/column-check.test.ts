import { addCalculatedColumn, addMeasure, addPage, addVisual, bindField, contextOf, modelOfSnapshot, readWorkbook, setPageFilters } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { columnProblems, compiledDraft, type ColumnModel } from './column-check';
import { columnUsage, dependentColumns } from './column-usage';
import { usageText } from './measure-usage';
import { salesWorkbook, testDataset } from '@tessera/shared/testing';

const dataset = (id: string, name: string, columns: [string, string][]) => testDataset(id, name, columns, 1);
const model: ColumnModel = {
  datasets: [dataset('sales', 'sales', [['quantity', 'BIGINT'], ['price', 'DOUBLE'], ['region', 'VARCHAR']])],
  relationships: [],
  measures: [],
  calculatedColumns: [
    { id: 'c1', datasetId: 'sales', name: 'Revenue', expression: '[quantity] * [price]', type: 'DOUBLE' },
    { id: 'c2', datasetId: 'sales', name: 'Big', expression: '[Revenue] > 100' },
  ],
};
const draft = (expression: string, extra: Partial<{ id: string; name: string; datasetId: string }> = {}) => ({ name: 'Margin', datasetId: 'sales', expression, ...extra });

describe('calculated column editor checks', () => {
  it('a valid column (using another one) has no problem, and its inferred type', () => {
    expect(columnProblems(model, draft('[Revenue] * 0.1'))).toEqual([]);
    expect(compiledDraft(model, draft('[Revenue] * 0.1'))).toMatchObject({ type: 'DOUBLE', kind: 'number' });
    expect(compiledDraft(model, draft('[nope]'))).toBeUndefined();
  });

  it('expression errors with their position and length', () => {
    expect(columnProblems(model, draft('[qty] * [price]'))).toEqual([{ field: 'expression', message: 'Unknown column [qty] in sales. Did you mean [quantity]?', position: 0, length: 5 }]);
    expect(columnProblems(model, draft('IF([quantity] > 1 "a")'))[0]).toMatchObject({ field: 'expression', position: 18, length: 3 });
    // editing Revenue into a loop through Big
    expect(columnProblems(model, draft('IF([Big], 1, 0)', { id: 'c1', name: 'Revenue' }))[0].message).toContain('Circular reference: [Revenue] → [Big] → [Revenue]');
  });

  it('the name: given, free among the table\'s columns (its own excepted); a used column may be renamed', () => {
    expect(columnProblems(model, draft('1', { name: ' ' }))).toEqual([{ field: 'name', message: 'Give the column a name.' }]);
    expect(columnProblems(model, draft('1', { name: 'PRICE' }))[0]).toMatchObject({ field: 'name', message: 'sales already has a column named “PRICE”. Choose another name.' });
    expect(columnProblems(model, draft('1', { name: 'revenue' }))[0]).toMatchObject({ field: 'name' });
    expect(columnProblems(model, draft('[quantity] * [price]', { id: 'c1', name: 'Revenue' }))).toEqual([]);
    expect(columnProblems(model, draft('[quantity] * [price]', { id: 'c1', name: 'Sales value' }))).toEqual([]);
    expect(columnProblems(model, draft('1', { datasetId: 'gone' }))).toEqual([{ field: 'datasetId', message: 'Choose the table the column belongs to.' }]);
  });
});

describe('calculated column usage', () => {
  it('counts visuals, filters, measures and columns that use it; finds the columns that depend on it', () => {
    const { doc, ds } = salesWorkbook();
    const double = addCalculatedColumn(doc, { datasetId: ds, name: 'Double', expression: '[quantity] * 2', type: 'BIGINT' });
    addCalculatedColumn(doc, { datasetId: ds, name: 'Quad', expression: 'sales[double] * 2' });
    addCalculatedColumn(doc, { datasetId: ds, name: 'Label', expression: '[Quad] & "!"' });
    addCalculatedColumn(doc, { datasetId: ds, name: 'Other', expression: '[region]' });
    addMeasure(doc, { name: 'Total double', datasetId: ds, expression: 'SUM(sales[Double])' });
    const page = addPage(doc, { name: 'P' });
    const card = addVisual(doc, { pageId: page, type: 'card', x: 0, y: 0, w: 100, h: 100 });
    bindField(doc, card, 'values', { datasetId: ds, column: 'Double', aggregate: 'sum' });
    setPageFilters(doc, page, [{ id: 'f', kind: 'range', field: { datasetId: ds, column: 'Double' }, min: 2 }]);
    const snapshot = readWorkbook(doc);
    const ctx = contextOf(modelOfSnapshot(snapshot));
    const calc = snapshot.model.columns[double];
    const usage = columnUsage(snapshot, ctx, calc);
    expect(usage).toEqual({ visuals: 1, filters: 1, measures: ['Total double'], columns: ['Quad'] });
    expect(usageText(usage)).toBe('1 visual, 1 filter, the measure Total double and the column Quad');
    expect(dependentColumns(ctx, calc).map((c) => c.name)).toEqual(['Quad', 'Label']);
    expect(usageText(columnUsage(snapshot, ctx, Object.values(snapshot.model.columns).find((c) => c.name === 'Other')!))).toBe('');
  });
});
