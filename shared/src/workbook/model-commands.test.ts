import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { addSalesDatasets, cloneDoc, makeWorkbook, syncPair } from '../../test/helpers';
import {
  addCalculatedColumn,
  addHierarchy,
  addMeasure,
  addDataset,
  addRelationship,
  createUndoManager,
  joinableTypes,
  readWorkbook,
  removeCalculatedColumn,
  removeHierarchy,
  removeMeasure,
  removeRelationship,
  updateCalculatedColumn,
  updateMeasure,
  updateRelationship,
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

  it('refuses columns whose types can never match; integers of any width, decimals and doubles are one kind', () => {
    const { doc, sales, customers } = setup();
    const err = errorOf(() => addRelationship(doc, { from: { datasetId: sales, column: 'OrderDate' }, to: { datasetId: customers, column: 'CustomerId' } }));
    expect(err.field).toBe('to.column');
    expect(err.message).toBe(
      'addRelationship: Sales.OrderDate holds dates (DATE) and Customers.CustomerId holds numbers (BIGINT): their values can never match. ' +
        'Choose two columns of the same kind (numbers with numbers, text with text, dates with dates).',
    );
    expect(readWorkbook(doc).model.relationships).toEqual({});
    expect(joinableTypes('INTEGER', 'BIGINT')).toBe(true);
    expect(joinableTypes('DECIMAL(18,2)', 'hugeint')).toBe(true);
    expect(joinableTypes('VARCHAR', 'DATE')).toBe(false);
    expect(joinableTypes('DATE', 'TIMESTAMP')).toBe(false);
    expect(joinableTypes('TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_NS')).toBe(true);
    expect(joinableTypes('UUID', 'UUID')).toBe(true);
    expect(joinableTypes('UUID', 'VARCHAR')).toBe(false);
    // a calculated column without a stored type is accepted by name; with one, its type is checked like a stored column's
    addCalculatedColumn(doc, { datasetId: customers, name: 'Label', expression: 'FORMAT(Customers[CustomerId], "0")', type: 'VARCHAR' });
    expect(() => addRelationship(doc, { from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: customers, column: 'label' } })).toThrow(
      /Customers\.label holds text \(VARCHAR\)/,
    );
    addCalculatedColumn(doc, { datasetId: customers, name: 'Key', expression: 'Customers[CustomerId]' });
    expect(addRelationship(doc, { from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: customers, column: 'key' } })).toMatch(/^rel_/);
  });
});

describe('updateRelationship', () => {
  /** Sales and Customers related by CustomerId, plus a Regions dataset to move an end to. */
  function related() {
    const { doc, sales, customers } = setup();
    const regions = addDataset(doc, {
      id: 'ds_regions',
      name: 'Regions',
      source: { kind: 'file', fileName: 'regions.csv', format: 'csv' },
      columns: [
        { name: 'CustomerId', type: 'INTEGER' },
        { name: 'Region', type: 'VARCHAR' },
      ],
      rowCount: 4,
      version: 'v-regions-1',
    });
    const id = addRelationship(doc, { id: 'rel_1', from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: customers, column: 'CustomerId' } });
    return { doc, sales, customers, regions, id };
  }

  it('changes columns, cardinality, direction and active; only what the patch names', () => {
    const { doc, sales, regions, id } = related();
    updateRelationship(doc, id, { cardinality: 'one-to-one', crossFilter: 'both' });
    expect(readWorkbook(doc).model.relationships[id]).toMatchObject({ cardinality: 'one-to-one', crossFilter: 'both', active: true, to: { datasetId: 'ds_customers' } });
    // an INTEGER column may replace a BIGINT one
    updateRelationship(doc, id, { to: { datasetId: regions, column: 'CustomerId' }, active: false });
    expect(readWorkbook(doc).model.relationships[id]).toEqual({
      id, from: { datasetId: sales, column: 'CustomerId' }, to: { datasetId: regions, column: 'CustomerId' }, cardinality: 'one-to-one', crossFilter: 'both', active: false,
    });
    // an explicit undefined leaves the property as it is
    updateRelationship(doc, id, { active: undefined, crossFilter: 'single' });
    expect(readWorkbook(doc).model.relationships[id]).toMatchObject({ active: false, crossFilter: 'single' });
  });

  it('validates as addRelationship does (itself aside) and writes nothing on error', () => {
    const { doc, sales, customers, regions, id } = related();
    const other = addRelationship(doc, { from: { datasetId: regions, column: 'CustomerId' }, to: { datasetId: customers, column: 'CustomerId' } });
    const before = readWorkbook(doc);
    // unchanged ends are not "already related" to themselves
    updateRelationship(doc, id, { from: { datasetId: sales, column: 'customerid' } });
    const cases: [Parameters<typeof updateRelationship>[2], string, string][] = [
      [{ to: { datasetId: sales, column: 'OrderId' } }, 'to.datasetId', 'two different datasets'],
      [{ from: { datasetId: regions, column: 'CustomerId' } }, 'to', 'Regions.CustomerId and Customers.CustomerId are already related. Edit that relationship instead.'],
      [{ to: { datasetId: regions, column: 'Region' } }, 'to.column', 'holds numbers (BIGINT) and Regions.Region holds text (VARCHAR)'],
      [{ to: { datasetId: customers, column: 'Nope' } }, 'to.column', 'Table "Customers" has no column "Nope".'],
      [{ from: { datasetId: 'ghost', column: 'x' } }, 'from.datasetId', 'no dataset with id "ghost"'],
      [{ cardinality: 'lots' as 'one-to-one' }, 'cardinality', 'invalid "cardinality"'],
      [{ active: 'yes' as unknown as boolean }, 'active', 'invalid "active"'],
    ];
    for (const [patch, field, message] of cases) {
      const err = errorOf(() => updateRelationship(doc, id, patch));
      expect(err.field).toBe(field);
      expect(err.message).toContain(message);
      expect(err.message.startsWith('updateRelationship: ')).toBe(true);
    }
    expect(errorOf(() => updateRelationship(doc, 'ghost', { active: false })).message).toContain('no relationship with id "ghost"');
    const after = readWorkbook(doc).model.relationships;
    expect(after[other]).toEqual(before.model.relationships[other]);
    expect(after[id]).toEqual({ ...before.model.relationships[id], from: { datasetId: sales, column: 'customerid' } });
  });

  it('is one undo step, redone as a whole', () => {
    const { doc, regions, id } = related();
    const before = readWorkbook(doc).model.relationships[id];
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    updateRelationship(doc, id, { to: { datasetId: regions, column: 'CustomerId' }, cardinality: 'one-to-one', crossFilter: 'both', active: false });
    const edited = readWorkbook(doc).model.relationships[id];
    undo.undo();
    expect(readWorkbook(doc).model.relationships[id]).toEqual(before);
    undo.redo();
    expect(readWorkbook(doc).model.relationships[id]).toEqual(edited);
    // delete and undo bring it back whole
    removeRelationship(doc, id);
    undo.undo();
    expect(readWorkbook(doc).model.relationships[id]).toEqual(edited);
  });

  it('merges into another Y.Doc; concurrent edits of different properties both survive', () => {
    const { doc: a, regions, id } = related();
    const b = cloneDoc(a, 99);
    updateRelationship(a, id, { cardinality: 'one-to-one' });
    updateRelationship(b, id, { crossFilter: 'both', to: { datasetId: regions, column: 'CustomerId' } });
    syncPair(a, b);
    for (const d of [a, b]) {
      expect(readWorkbook(d).model.relationships[id]).toMatchObject({ cardinality: 'one-to-one', crossFilter: 'both', to: { datasetId: regions, column: 'CustomerId' }, active: true });
    }
    expect(readWorkbook(a)).toEqual(readWorkbook(b));
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
