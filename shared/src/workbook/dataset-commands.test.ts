import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { addSalesDatasets, makeWorkbook } from '../../test/helpers';
import {
  addDataset,
  addMeasure,
  addRelationship,
  addCalculatedColumn,
  listDatasets,
  readWorkbook,
  removeDataset,
  renameDataset,
  renameWorkbook,
  uniqueDatasetName,
  updateDatasetSnapshot,
} from '../index';

const csv = { kind: 'file', fileName: 'a.csv', format: 'csv' } as const;
const cols = [{ name: 'a', type: 'INTEGER' }];


describe('renameWorkbook', () => {
  it('renames and rejects an empty name', () => {
    const doc = makeWorkbook();
    renameWorkbook(doc, '  Q1 report ');
    expect(readWorkbook(doc).meta.name).toBe('Q1 report');
    const err = errorOf(() => renameWorkbook(doc, '   '));
    expect(err.message).toContain('"name"');
    expect(err.message).toContain('must not be empty');
    expect(readWorkbook(doc).meta.name).toBe('Q1 report');
  });

  it('refuses to write into an uninitialised document', () => {
    expect(errorOf(() => renameWorkbook(new Y.Doc(), 'x')).message).toContain('not initialised');
  });
});

describe('addDataset', () => {
  it('adds an entry with the given snapshot and returns its id', () => {
    const doc = makeWorkbook();
    const id = addDataset(doc, { name: 'Orders', source: csv, columns: cols, rowCount: 3, version: 'h1' });
    expect(id).toMatch(/^ds_[0-9a-z]{16}$/);
    const ds = readWorkbook(doc).datasets[id];
    expect(ds).toMatchObject({ id, name: 'Orders', source: csv, columns: cols, rowCount: 3, version: 'h1', transforms: [] });
    expect(Number.isNaN(Date.parse(ds.refreshedAt))).toBe(false);
  });

  it('rejects a taken name case-insensitively and suggests a free one', () => {
    const doc = makeWorkbook();
    addDataset(doc, { name: 'Orders', source: csv, columns: cols, rowCount: 3, version: 'h1' });
    const err = errorOf(() => addDataset(doc, { name: ' orders ', source: csv, columns: cols, rowCount: 3, version: 'h1' }));
    expect(err.field).toBe('name');
    expect(err.message).toContain('"orders (2)"');
    expect(listDatasets(doc)).toHaveLength(1);
  });

  it('names the bad field', () => {
    const doc = makeWorkbook();
    expect(errorOf(() => addDataset(doc, { name: 'X', source: csv, columns: cols, rowCount: -1, version: 'h' })).field).toBe('rowCount');
    expect(errorOf(() => addDataset(doc, { name: 'X', source: { kind: 'file', fileName: 'a', format: 'docx' as 'csv' }, columns: cols, rowCount: 1, version: 'h' })).field).toBe('source.format');
    const dup = errorOf(() => addDataset(doc, { name: 'X', source: csv, columns: [{ name: 'a', type: 'INT' }, { name: 'A', type: 'INT' }], rowCount: 1, version: 'h' }));
    expect(dup.field).toBe('columns.1.name');
    expect(dup.message).toContain('appears twice');
    expect(errorOf(() => addDataset(doc, { name: '', source: csv, columns: cols, rowCount: 1, version: 'h' })).field).toBe('name');
    expect(listDatasets(doc)).toEqual([]);
  });

  it('rejects a duplicate id', () => {
    const doc = makeWorkbook();
    addDataset(doc, { id: 'd1', name: 'A', source: csv, columns: cols, rowCount: 1, version: 'h' });
    expect(errorOf(() => addDataset(doc, { id: 'd1', name: 'B', source: csv, columns: cols, rowCount: 1, version: 'h' })).field).toBe('id');
  });
});

describe('uniqueDatasetName', () => {
  it('appends (2), (3)…', () => {
    const doc = makeWorkbook();
    expect(uniqueDatasetName(doc, 'Sales')).toBe('Sales');
    addDataset(doc, { name: 'Sales', source: csv, columns: cols, rowCount: 1, version: 'h' });
    expect(uniqueDatasetName(doc, 'sales')).toBe('sales (2)');
    addDataset(doc, { name: 'Sales (2)', source: csv, columns: cols, rowCount: 1, version: 'h' });
    expect(uniqueDatasetName(doc, 'Sales')).toBe('Sales (3)');
  });
});

describe('updateDatasetSnapshot / renameDataset', () => {
  it('updates columns, rows, version and time', () => {
    const doc = makeWorkbook();
    const { sales } = addSalesDatasets(doc);
    updateDatasetSnapshot(doc, sales, { columns: [{ name: 'x', type: 'DOUBLE' }], rowCount: 7, version: 'v2', refreshedAt: '2026-02-01T00:00:00.000Z' });
    expect(readWorkbook(doc).datasets[sales]).toMatchObject({ columns: [{ name: 'x', type: 'DOUBLE' }], rowCount: 7, version: 'v2', refreshedAt: '2026-02-01T00:00:00.000Z', name: 'Sales' });
    expect(errorOf(() => updateDatasetSnapshot(doc, 'nope', { columns: [], rowCount: 0, version: 'v' })).message).toContain('no dataset with id "nope"');
    expect(errorOf(() => updateDatasetSnapshot(doc, sales, { columns: [], rowCount: 1.5, version: 'v' })).field).toBe('rowCount');
  });

  it('renames, keeping names unique except for itself', () => {
    const doc = makeWorkbook();
    const { sales, customers } = addSalesDatasets(doc);
    renameDataset(doc, sales, 'SALES');
    expect(readWorkbook(doc).datasets[sales].name).toBe('SALES');
    expect(errorOf(() => renameDataset(doc, customers, 'sales')).field).toBe('name');
    expect(errorOf(() => renameDataset(doc, 'ghost', 'x')).field).toBe('id');
    expect(listDatasets(doc).map((d) => d.name)).toEqual(['Customers', 'SALES']);
  });
});

describe('removeDataset', () => {
  it('removes the entry and the model items homed on it, leaving others', () => {
    const doc = makeWorkbook();
    const { sales, customers } = addSalesDatasets(doc);
    addRelationship(doc, { from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: customers, column: 'CustomerId' } });
    addMeasure(doc, { name: 'Total', datasetId: sales, expression: 'SUM(Sales[Amount])' });
    const keep = addMeasure(doc, { name: 'Customers', datasetId: customers, expression: 'COUNTROWS(Customers)' });
    addCalculatedColumn(doc, { datasetId: sales, name: 'Big', expression: 'Sales[Amount] > 100' });
    removeDataset(doc, sales);
    const snap = readWorkbook(doc);
    expect(Object.keys(snap.datasets)).toEqual([customers]);
    expect(snap.model.relationships).toEqual({});
    expect(Object.keys(snap.model.measures)).toEqual([keep]);
    expect(snap.model.columns).toEqual({});
    expect(errorOf(() => removeDataset(doc, sales)).message).toContain('no dataset');
  });
});
