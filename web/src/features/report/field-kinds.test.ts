import { describe, expect, it } from 'vitest';
import { columnKind, defaultVisualForField, fieldLabel, findColumn, modelColumns, refForWell, sameField } from './field-kinds';
import { firstSuitableRole, roleLabel, wellAccepts } from './visual-types';
import { visualLabels } from './visual-labels';
import type { CalculatedColumn, DatasetEntry, Visual } from '@tessera/shared';

describe('fields', () => {
  it('classifies DuckDB types', () => {
    expect(columnKind('BIGINT')).toBe('numeric');
    expect(columnKind('DECIMAL(18,3)')).toBe('numeric');
    expect(columnKind('DOUBLE')).toBe('numeric');
    expect(columnKind('DATE')).toBe('date');
    expect(columnKind('TIMESTAMP WITH TIME ZONE')).toBe('date');
    expect(columnKind('VARCHAR')).toBe('text');
    expect(columnKind('BOOLEAN')).toBe('boolean');
  });

  it('picks the visual Power BI makes for a field dropped on empty canvas', () => {
    expect(defaultVisualForField('numeric')).toMatchObject({ type: 'card', role: 'values' });
    expect(defaultVisualForField('measure')).toMatchObject({ type: 'card', role: 'values' });
    expect(defaultVisualForField('date')).toMatchObject({ type: 'line', role: 'category' });
    expect(defaultVisualForField('text')).toMatchObject({ type: 'table', role: 'columns' });
  });

  it('binds numbers as sums into measure wells and bare into dimension wells', () => {
    const ref = { datasetId: 'd1', column: 'quantity' };
    expect(refForWell(ref, 'numeric', 'measure')).toEqual({ ...ref, aggregate: 'sum' });
    expect(refForWell(ref, 'text', 'measure')).toEqual({ ...ref, aggregate: 'count' });
    expect(refForWell(ref, 'numeric', 'dimension')).toEqual(ref);
    expect(refForWell({ measureId: 'm1' }, 'measure', 'measure')).toEqual({ measureId: 'm1' });
  });

  it('labels fields and compares them ignoring the aggregation', () => {
    expect(fieldLabel({ datasetId: 'd', column: 'q', aggregate: 'avg' }, [])).toBe('Average of q');
    expect(fieldLabel({ datasetId: 'd', column: 'q' }, [])).toBe('q');
    expect(fieldLabel({ measureId: 'm' }, [{ id: 'm', name: 'Revenue', datasetId: 'd', expression: '', format: '' }])).toBe('Revenue');
    expect(sameField({ datasetId: 'd', column: 'q', aggregate: 'sum' }, { datasetId: 'd', column: 'q' })).toBe(true);
    expect(sameField({ datasetId: 'd', column: 'q' }, { measureId: 'q' })).toBe(false);
  });

  it('finds the first suitable well of a visual', () => {
    expect(firstSuitableRole('column', 'numeric', {})).toBe('values');
    expect(firstSuitableRole('column', 'text', {})).toBe('category');
    expect(firstSuitableRole('table', 'numeric', {})).toBe('columns');
    expect(firstSuitableRole('scatter', 'numeric', { x: [{}] })).toBe('y');
    expect(firstSuitableRole('slicer', 'text', {})).toBe('field');
    expect(wellAccepts('histogram', 'values', 'text')).toBe(false);
    expect(roleLabel('column', 'category')).toBe('Axis');
    expect(roleLabel('column', 'series')).toBe('Legend');
  });

  it('names untitled visuals by type and rank', () => {
    const v = (id: string, type: Visual['type'], title = ''): Visual => ({
      id, pageId: 'p', type, x: 0, y: 0, w: 1, h: 1, z: 0, title, fields: {}, filters: [], format: {}, sort: null, topN: null,
    });
    const labels = visualLabels([v('a', 'card'), v('b', 'column'), v('c', 'card', 'Total'), v('d', 'card')]);
    expect([...labels.values()]).toEqual(['Card 1', 'Clustered column chart 1', 'Total', 'Card 2']);
  });

  it('finds calculated columns like stored ones: the stored type, else the expression\'s, else text', () => {
    const ds: DatasetEntry = { id: 'd1', name: 'sales', source: { kind: 'derived', sql: 'x' }, columns: [{ name: 'quantity', type: 'BIGINT' }], rowCount: 1, version: 'v', refreshedAt: '', transforms: [] };
    const calc = (name: string, expression: string, type?: string): CalculatedColumn => ({ id: name, datasetId: 'd1', name, expression, ...(type ? { type } : {}) });
    const calcs = [calc('Twice', '[quantity] * 2', 'HUGEINT'), calc('Label', '"#" & [quantity]'), calc('Broken', '[nope]')];
    expect(findColumn([ds], { datasetId: 'd1', column: 'quantity' }, calcs)).toEqual({ name: 'quantity', type: 'BIGINT' });
    expect(findColumn([ds], { datasetId: 'd1', column: 'Twice' }, calcs)).toEqual({ name: 'Twice', type: 'HUGEINT' });
    expect(findColumn([ds], { datasetId: 'd1', column: 'Label' }, calcs)).toEqual({ name: 'Label', type: 'VARCHAR' });
    expect(findColumn([ds], { datasetId: 'd1', column: 'Broken' }, calcs)).toEqual({ name: 'Broken', type: 'VARCHAR' });
    expect(findColumn([ds], { datasetId: 'd1', column: 'Twice' })).toBeUndefined();
    expect(modelColumns(ds, calcs).map((c) => [c.name, columnKind(c.type), c.calculated !== undefined])).toEqual([
      ['quantity', 'numeric', false],
      ['Twice', 'numeric', true],
      ['Label', 'text', true],
      ['Broken', 'text', true],
    ]);
  });
});
