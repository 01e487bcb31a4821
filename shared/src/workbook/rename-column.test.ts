import { describe, expect, it } from 'vitest';
import { addSalesDatasets, makeWorkbook } from '../../test/helpers';
import {
  addCalculatedColumn,
  addHierarchy,
  addMeasure,
  addPage,
  addRelationship,
  addVisual,
  bindField,
  createUndoManager,
  readWorkbook,
  setPageFilters,
  setReportFilters,
  setVisualFilters,
  setVisualSort,
  setVisualTopN,
  updateCalculatedColumn,
} from '../index';

describe('renaming a calculated column', () => {
  it('carries the new name into every use, in one undo step; other columns and measure references stay', () => {
    const doc = makeWorkbook();
    const { sales, customers } = addSalesDatasets(doc);
    const margin = addCalculatedColumn(doc, { datasetId: sales, name: 'Margin', expression: 'Sales[Amount] * 0.2' });
    const doubled = addCalculatedColumn(doc, { datasetId: sales, name: 'Doubled', expression: '[margin] * 2 + [Amount]' });
    const related = addCalculatedColumn(doc, { datasetId: customers, name: 'Key', expression: "Customers[CustomerId] + 0 * RELATED('Sales'[Margin])" });
    // a stored column of another dataset with the same name is not the renamed one
    const other = addCalculatedColumn(doc, { datasetId: customers, name: 'Margin', expression: '[CustomerId] * 1' });
    const total = addMeasure(doc, { name: 'Total margin', datasetId: sales, expression: 'SUM([Margin]) + SUM(Sales[margin]) + [Margin share]' });
    const share = addMeasure(doc, { name: 'Margin share', datasetId: sales, expression: 'DIVIDE(SUM(Sales[Margin]), SUM(Sales[Amount]))' });
    const elsewhere = addMeasure(doc, { name: 'Customer margin', datasetId: customers, expression: 'SUM([Margin]) + SUM(Sales[Margin])' });
    const broken = addMeasure(doc, { name: 'Broken', datasetId: sales, expression: 'SUM([Margin]) +' });
    const rel = addRelationship(doc, { from: { datasetId: customers, column: 'Key' }, to: { datasetId: sales, column: 'Margin' }, cardinality: 'many-to-many' });
    const hierarchy = addHierarchy(doc, { datasetId: sales, name: 'By margin', levels: ['Margin', 'OrderDate'] });

    const page = addPage(doc, { name: 'Page 1' });
    const v = addVisual(doc, { pageId: page, type: 'bar', x: 0, y: 0, w: 300, h: 200 });
    const ref = { datasetId: sales, column: 'Margin' };
    bindField(doc, v, 'category', ref);
    bindField(doc, v, 'values', { ...ref, aggregate: 'sum' });
    bindField(doc, v, 'values', { datasetId: customers, column: 'Margin', aggregate: 'sum' });
    setVisualFilters(doc, v, [{ id: 'f1', kind: 'range', field: ref, min: 0 }]);
    setVisualSort(doc, v, { field: ref, direction: 'desc' });
    setVisualTopN(doc, v, { n: 5, by: { ...ref, aggregate: 'sum' }, direction: 'top' });
    setPageFilters(doc, page, [{ id: 'f2', kind: 'topN', field: { datasetId: sales, column: 'OrderId' }, direction: 'top', n: 3, by: { ...ref, aggregate: 'max' } }]);
    setReportFilters(doc, [{ id: 'f3', kind: 'values', field: ref, values: [1] }]);
    const before = readWorkbook(doc);

    const undo = createUndoManager(doc);
    updateCalculatedColumn(doc, margin, { name: 'Profit' });
    const after = readWorkbook(doc);
    const renamed = { datasetId: sales, column: 'Profit' };
    expect(after.model.columns[margin].name).toBe('Profit');
    expect(after.model.columns[doubled].expression).toBe('[Profit] * 2 + [Amount]');
    expect(after.model.columns[related].expression).toBe("Customers[CustomerId] + 0 * RELATED('Sales'[Profit])");
    expect(after.model.columns[other].expression).toBe('[CustomerId] * 1');
    expect(after.model.measures[total].expression).toBe('SUM([Profit]) + SUM(Sales[Profit]) + [Margin share]');
    expect(after.model.measures[share].expression).toBe('DIVIDE(SUM(Sales[Profit]), SUM(Sales[Amount]))');
    // a measure of Customers: its bare [Margin] is Customers' own column; Sales[Margin] is the renamed one
    expect(after.model.measures[elsewhere].expression).toBe('SUM([Margin]) + SUM(Sales[Profit])');
    expect(after.model.measures[broken].expression).toBe('SUM([Margin]) +'); // an expression with an error is left as written
    expect(after.model.relationships[rel].to).toEqual(renamed);
    expect(after.model.hierarchies[hierarchy].levels).toEqual(['Profit', 'OrderDate']);
    const visual = after.visuals[v];
    expect(visual.fields.category).toEqual([renamed]);
    expect(visual.fields.values).toEqual([{ ...renamed, aggregate: 'sum' }, { datasetId: customers, column: 'Margin', aggregate: 'sum' }]);
    expect(visual.filters[0].field).toEqual(renamed);
    expect(visual.sort?.field).toEqual(renamed);
    expect(visual.topN?.by).toEqual({ ...renamed, aggregate: 'sum' });
    const pageFilter = after.pages[page].filters[0];
    expect(pageFilter.kind === 'topN' && pageFilter.by).toEqual({ ...renamed, aggregate: 'max' });
    expect(pageFilter.field).toEqual({ datasetId: sales, column: 'OrderId' });
    expect(after.meta.filters?.[0].field).toEqual(renamed);

    undo.undo();
    expect(readWorkbook(doc)).toEqual(before);
  });
});
