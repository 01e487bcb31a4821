import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { addSalesDatasets, makeWorkbook } from '../../test/helpers';
import {
  addCalculatedColumn,
  addHierarchy,
  addMeasure,
  addRelationship,
  createUndoManager,
  readWorkbook,
  removeCalculatedColumn,
  removeHierarchy,
  removeMeasure,
  removeRelationship,
  updateCalculatedColumn,
  updateMeasure,
} from '../index';

function setup() {
  const doc = makeWorkbook();
  return { doc, ...addSalesDatasets(doc) };
}

describe('measures', () => {
  it('renaming a measure rewrites the other measures\' references to it, in one undo step', () => {
    const { doc, sales } = setup();
    const total = addMeasure(doc, { name: 'Total', datasetId: sales, expression: 'SUM(Sales[Amount])' });
    const share = addMeasure(doc, { name: 'Share', datasetId: sales, expression: 'DIVIDE([Total], [total] + SUM(Sales[Total]))' });
    const broken = addMeasure(doc, { name: 'Broken', datasetId: sales, expression: '[Total] +' });
    const undo = createUndoManager(doc);
    updateMeasure(doc, total, { name: 'Revenue' });
    const after = readWorkbook(doc).model.measures;
    expect(after[total].name).toBe('Revenue');
    expect(after[share].expression).toBe('DIVIDE([Revenue], [Revenue] + SUM(Sales[Total]))');
    expect(after[broken].expression).toBe('[Total] +'); // an expression with an error is left as written
    undo.undo();
    const before = readWorkbook(doc).model.measures;
    expect(before[total].name).toBe('Total');
    expect(before[share].expression).toBe('DIVIDE([Total], [total] + SUM(Sales[Total]))');
    // a rename that only changes case keeps the references resolving (names are case-insensitive)
    updateMeasure(doc, total, { name: 'TOTAL', expression: 'SUM(Sales[Amount]) * 2' });
    expect(readWorkbook(doc).model.measures[share].expression).toBe('DIVIDE([TOTAL], [TOTAL] + SUM(Sales[Total]))');
  });

  it('add, update, remove', () => {
    const { doc, sales, customers } = setup();
    const id = addMeasure(doc, { name: 'Total', datasetId: sales, expression: 'SUM(Sales[Amount])' });
    expect(readWorkbook(doc).model.measures[id]).toEqual({ id, name: 'Total', datasetId: sales, expression: 'SUM(Sales[Amount])', format: '' });
    updateMeasure(doc, id, { format: '#,0.00', datasetId: customers });
    expect(readWorkbook(doc).model.measures[id]).toMatchObject({ name: 'Total', format: '#,0.00', datasetId: customers });
    removeMeasure(doc, id);
    expect(readWorkbook(doc).model.measures).toEqual({});
  });

  it('validates', () => {
    const { doc, sales } = setup();
    const id = addMeasure(doc, { name: 'Total', datasetId: sales, expression: 'x' });
    const other = addMeasure(doc, { name: 'Other', datasetId: sales, expression: 'x' });
    expect(errorOf(() => addMeasure(doc, { name: 'TOTAL', datasetId: sales, expression: 'y' })).field).toBe('name');
    expect(errorOf(() => addMeasure(doc, { name: 'New', datasetId: 'ghost', expression: 'y' })).field).toBe('datasetId');
    expect(errorOf(() => addMeasure(doc, { name: 'New', datasetId: sales, expression: 3 as unknown as string })).field).toBe('expression');
    expect(errorOf(() => updateMeasure(doc, other, { name: 'total' })).field).toBe('name');
    updateMeasure(doc, id, { name: 'total' });
    expect(errorOf(() => updateMeasure(doc, 'ghost', { name: 'x' })).field).toBe('id');
    expect(errorOf(() => removeMeasure(doc, 'ghost')).message).toContain('no measure with id "ghost"');
  });
});

describe('relationships', () => {
  it('add with defaults, remove', () => {
    const { doc, sales, customers } = setup();
    const id = addRelationship(doc, { from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: customers, column: 'CustomerId' } });
    expect(readWorkbook(doc).model.relationships[id]).toEqual({
      id, from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: customers, column: 'CustomerId' }, cardinality: 'many-to-one', crossFilter: 'single', active: true,
    });
    removeRelationship(doc, id);
    expect(readWorkbook(doc).model.relationships).toEqual({});
    expect(errorOf(() => removeRelationship(doc, id)).field).toBe('id');
  });

  it('validates datasets, columns, self-joins and duplicates', () => {
    const { doc, sales, customers } = setup();
    const from = { datasetId: sales, column: 'CustomerId' };
    const to = { datasetId: customers, column: 'CustomerId' };
    expect(errorOf(() => addRelationship(doc, { from, to: { datasetId: customers, column: 'Nope' } })).field).toBe('to.column');
    expect(errorOf(() => addRelationship(doc, { from: { datasetId: 'x', column: 'a' }, to })).field).toBe('from.datasetId');
    expect(errorOf(() => addRelationship(doc, { from, to: { datasetId: sales, column: 'OrderId' } })).message).toContain('two different datasets');
    expect(errorOf(() => addRelationship(doc, { from, to, cardinality: 'lots' as 'one-to-one' })).field).toBe('cardinality');
    addRelationship(doc, { from, to });
    expect(errorOf(() => addRelationship(doc, { from: to, to: from })).message).toContain('already related');
  });
});

describe('calculated columns and hierarchies', () => {
  it('add, update, remove calculated columns; names must be free in the dataset', () => {
    const { doc, sales } = setup();
    const id = addCalculatedColumn(doc, { datasetId: sales, name: 'Year', expression: 'YEAR(Sales[OrderDate])' });
    expect(readWorkbook(doc).model.columns[id]).toEqual({ id, datasetId: sales, name: 'Year', expression: 'YEAR(Sales[OrderDate])' });
    expect(errorOf(() => addCalculatedColumn(doc, { datasetId: sales, name: 'amount', expression: '1' })).field).toBe('name');
    expect(errorOf(() => addCalculatedColumn(doc, { datasetId: sales, name: 'year', expression: '1' })).field).toBe('name');
    updateCalculatedColumn(doc, id, { expression: 'YEAR(Sales[OrderDate]) + 0' });
    expect(readWorkbook(doc).model.columns[id].expression).toBe('YEAR(Sales[OrderDate]) + 0');
    // a hierarchy may use stored and calculated columns
    const h = addHierarchy(doc, { datasetId: sales, name: 'Calendar', levels: ['Year', 'OrderDate'] });
    expect(readWorkbook(doc).model.hierarchies[h]).toEqual({ id: h, datasetId: sales, name: 'Calendar', levels: ['Year', 'OrderDate'] });
    expect(errorOf(() => addHierarchy(doc, { datasetId: sales, name: 'Bad', levels: ['Year', 'Quarter'] })).field).toBe('levels.1');
    expect(errorOf(() => addHierarchy(doc, { datasetId: sales, name: 'Empty', levels: [] })).field).toBe('levels');
    removeHierarchy(doc, h);
    removeCalculatedColumn(doc, id);
    expect(readWorkbook(doc).model).toMatchObject({ columns: {}, hierarchies: {} });
    expect(errorOf(() => removeCalculatedColumn(doc, id)).field).toBe('id');
  });
});
