import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDataset, addRelationship, addVisual, bindField, compileVisualQuery, initWorkbook, modelOfSnapshot, readWorkbook, setPageFilters } from '@tessera/shared';
import { datasetsRead, visualPredicates } from './use-visual-data';

const source = { kind: 'file' as const, fileName: 'x.csv', format: 'csv' as const };

function workbook(crossFilter: 'single' | 'both') {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'W' });
  addDataset(doc, { id: 'orders', name: 'orders', source, rowCount: 3, version: 'o1', columns: [{ name: 'store_id', type: 'INTEGER' }, { name: 'category', type: 'VARCHAR' }, { name: 'amount', type: 'DOUBLE' }] });
  addDataset(doc, { id: 'stores', name: 'stores', source, rowCount: 2, version: 's1', columns: [{ name: 'store_id', type: 'INTEGER' }, { name: 'city', type: 'VARCHAR' }] });
  addRelationship(doc, { from: { datasetId: 'orders', column: 'store_id' }, to: { datasetId: 'stores', column: 'store_id' }, crossFilter });
  const pageId = readWorkbook(doc).pageOrder[0];
  const id = addVisual(doc, { pageId, type: 'table', x: 0, y: 0, w: 300, h: 200 });
  bindField(doc, id, 'columns', { datasetId: 'stores', column: 'city' });
  setPageFilters(doc, pageId, [{ id: 'f', kind: 'values', field: { datasetId: 'orders', column: 'category' }, values: ['A'] }]);
  const snapshot = readWorkbook(doc);
  const visual = snapshot.visuals[id];
  const sql = compileVisualQuery({ visual, ...modelOfSnapshot(snapshot), filters: visualPredicates(visual, snapshot, undefined) }).sql;
  return { visual, snapshot, sql };
}

describe('datasetsRead: the datasets a visual waits for', () => {
  it('adds the many side a page filter reaches through a "Both" relationship', () => {
    const both = workbook('both');
    expect(datasetsRead(both.visual, both.snapshot, both.sql)).toEqual(['orders', 'stores']);
  });

  it('is the own datasets of its fields when the filter cannot reach the visual', () => {
    const single = workbook('single');
    expect(datasetsRead(single.visual, single.snapshot, single.sql)).toEqual(['stores']);
    expect(datasetsRead(single.visual, single.snapshot, undefined)).toEqual(['stores']);
  });
});
