import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { addSalesDatasets, makeWorkbook } from '../../test/helpers';
import { WorkbookSnapshotSchema, addCalculatedColumn, createUndoManager, readWorkbook, removeCalculatedColumn, updateCalculatedColumn } from '../index';

describe('calculated columns: type and name', () => {
  it('store the engine\'s type (optional, old records without one still read), rename to a free name; each edit one undo step', () => {
    const doc = makeWorkbook();
    const { sales } = addSalesDatasets(doc);
    const undo = createUndoManager(doc);
    const plain = addCalculatedColumn(doc, { datasetId: sales, name: 'Double', expression: '[Amount] * 2' });
    const id = addCalculatedColumn(doc, { datasetId: sales, name: 'Revenue', expression: '[Amount] * 1', type: 'DECIMAL(18,2)' });
    expect(readWorkbook(doc).model.columns[plain]).toEqual({ id: plain, datasetId: sales, name: 'Double', expression: '[Amount] * 2' });
    expect(readWorkbook(doc).model.columns[id]).toEqual({ id, datasetId: sales, name: 'Revenue', expression: '[Amount] * 1', type: 'DECIMAL(18,2)' });
    expect(() => WorkbookSnapshotSchema.parse(readWorkbook(doc))).not.toThrow();
    expect(errorOf(() => addCalculatedColumn(doc, { datasetId: sales, name: 'Bad', expression: '1', type: ' ' })).field).toBe('type');

    undo.stopCapturing();
    updateCalculatedColumn(doc, id, { name: 'Sales value', expression: '[Amount] * 2.5', type: 'DOUBLE' });
    expect(readWorkbook(doc).model.columns[id]).toMatchObject({ name: 'Sales value', expression: '[Amount] * 2.5', type: 'DOUBLE' });
    // its own name in another case is free; another column's name is not
    updateCalculatedColumn(doc, id, { name: 'SALES VALUE' });
    expect(errorOf(() => updateCalculatedColumn(doc, id, { name: 'double' })).field).toBe('name');
    expect(errorOf(() => updateCalculatedColumn(doc, id, { name: 'amount' })).field).toBe('name');
    undo.stopCapturing();
    undo.undo();
    expect(readWorkbook(doc).model.columns[id]).toMatchObject({ name: 'Revenue', expression: '[Amount] * 1', type: 'DECIMAL(18,2)' });
    removeCalculatedColumn(doc, id);
    undo.stopCapturing();
    undo.undo();
    expect(readWorkbook(doc).model.columns[id]).toMatchObject({ name: 'Revenue' });
  });
});
