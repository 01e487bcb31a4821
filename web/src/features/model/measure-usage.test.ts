import { addMeasure, addPage, addVisual, bindField, readWorkbook, setPageFilters, type Measure } from '@tessera/shared';
import { salesWorkbook } from '@tessera/shared/testing';
import { describe, expect, it } from 'vitest';
import { measureUsage, usageText } from './measure-usage';

describe('measure usage', () => {
  it('counts visuals, filters and measures that use a measure', () => {
    const { doc, ds } = salesWorkbook();
    const total = addMeasure(doc, { name: 'Total', datasetId: ds, expression: 'SUM(sales[quantity])' });
    addMeasure(doc, { name: 'Share', datasetId: ds, expression: 'DIVIDE([total], 2)' });
    const page = addPage(doc, { name: 'P' });
    const card = addVisual(doc, { pageId: page, type: 'card', x: 0, y: 0, w: 100, h: 100 });
    bindField(doc, card, 'values', { measureId: total });
    addVisual(doc, { pageId: page, type: 'card', x: 0, y: 0, w: 100, h: 100 });
    setPageFilters(doc, page, [{ id: 't', kind: 'topN', field: { datasetId: ds, column: 'region' }, direction: 'top', n: 2, by: { measureId: total } }]);
    const snapshot = readWorkbook(doc);
    const measure = snapshot.model.measures[total] as Measure;
    const usage = measureUsage(snapshot, measure);
    expect(usage).toEqual({ visuals: 1, filters: 1, measures: ['Share'] });
    expect(usageText(usage)).toBe('1 visual, 1 filter and the measure Share');
    expect(usageText({ visuals: 0, filters: 0, measures: [] })).toBe('');
    expect(usageText({ visuals: 2, filters: 0, measures: [] })).toBe('2 visuals');
  });
});
