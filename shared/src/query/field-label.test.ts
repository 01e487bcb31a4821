import { describe, expect, it } from 'vitest';
import type { DatasetEntry, FieldRef, Visual } from '../workbook/schema';
import { compileVisualQuery } from './index';

const sales: DatasetEntry = {
  id: 's',
  name: 'Sales',
  source: { kind: 'derived', sql: 'x' },
  columns: [
    { name: 'quantity', type: 'INTEGER' },
    { name: 'region', type: 'VARCHAR' },
    { name: 'day', type: 'DATE' },
  ],
  rowCount: 10,
  version: 'v',
  refreshedAt: '',
  transforms: [],
};
const visual = (type: Visual['type'], fields: Record<string, FieldRef[]>): Visual => ({
  id: 'v', pageId: 'pg', type, x: 0, y: 0, w: 1, h: 1, z: 0, title: '', fields, filters: [], format: {}, sort: null, topN: null,
});
const labels = (v: Visual, drill?: { level: number }) =>
  compileVisualQuery({ visual: v, datasets: [sales], relationships: [], measures: [{ id: 'm', name: 'Total', datasetId: 's', expression: 'SUM(Sales[quantity])', format: '' }], filters: [], ...(drill ? { drill } : {}) }).fields.map((f) => f.label);

describe('field display names ("Rename for this visual")', () => {
  it('a label on the ref replaces the generated label of columns, aggregates and measures', () => {
    const region = { datasetId: 's', column: 'region' };
    const qty = { datasetId: 's', column: 'quantity' };
    expect(labels(visual('column', { category: [region], values: [qty] }))).toEqual(['region', 'Sum of quantity']);
    expect(labels(visual('column', { category: [{ ...region, label: 'Area' }], values: [{ ...qty, label: 'Units' }] }))).toEqual(['Area', 'Units']);
    expect(labels(visual('column', { category: [region], values: [{ measureId: 'm', label: 'All units' }] }))).toEqual(['region', 'All units']);
    expect(labels(visual('column', { category: [region], values: [{ ...qty, showAs: 'percentOfTotal', label: 'Share' }] }))).toEqual(['region', 'Share']);
    expect(labels(visual('table', { columns: [{ ...region, label: 'Area' }, qty] }))).toEqual(['Area', 'quantity']);
  });

  it('a renamed date column keeps its hierarchy level in the label', () => {
    const day = { datasetId: 's', column: 'day', label: 'Order date' };
    expect(labels(visual('column', { category: [day], values: [{ datasetId: 's', column: 'quantity' }] }), { level: 0 })[0]).toBe('Order date (year)');
  });
});
