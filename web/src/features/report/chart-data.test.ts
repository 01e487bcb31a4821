import { describe, expect, it } from 'vitest';
import type { ResultField } from '@tessera/shared';
import { crossFilterField, datumValue, specShape } from './chart-data';
import { pivot } from './pivot';

const dim = (key: string, role: string, column: string): ResultField => ({ key, role, label: column, kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column } });
const sum = (key: string, column: string, role = 'values'): ResultField => ({
  key, role, label: `Sum of ${column}`, kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref: { datasetId: 'd', column, aggregate: 'sum' }, aggregate: 'sum',
});

describe('chart data', () => {
  it('cross-filters by the category field with a bare column ref', () => {
    const target = crossFilterField([dim('c0', 'series', 'product'), dim('c1', 'category', 'region'), sum('c2', 'quantity')]);
    expect(target?.field.key).toBe('c1');
    expect(target?.ref).toEqual({ datasetId: 'd', column: 'region' });
    expect(crossFilterField([sum('c0', 'quantity')])).toBeUndefined();
  });

  it('a date shown at a hierarchy level cross-filters by its level key', () => {
    const month: ResultField = { ...dim('c0', 'category', 'order_date'), vlType: 'ordinal', drillLevel: 'month' };
    const target = crossFilterField([month, sum('c1', 'quantity')]);
    expect(target?.field.drillLevel).toBe('month');
    expect(target?.ref).toEqual({ datasetId: 'd', column: 'order_date' });
  });

  it('reads datum values, turning Vega dates back into ISO dates', () => {
    expect(datumValue({ c0: 'East' }, 'c0')).toBe('East');
    expect(datumValue({ c0: new Date(Date.UTC(2024, 0, 4)) }, 'c0')).toBe('2024-01-04');
    expect(datumValue(undefined, 'c0')).toBeUndefined();
    expect(datumValue({ c1: 1 }, 'c0')).toBeUndefined();
  });

  it('empties the table data of Vega-Lite and Vega specs', () => {
    const vl = specShape({ mark: 'bar', data: { name: 'table', values: [{ a: 1 }] } });
    expect(vl).toEqual({ shape: { mark: 'bar', data: { name: 'table', values: [] } }, hasTable: true });
    const vg = specShape({ data: [{ name: 'other' }, { name: 'table', values: [{ a: 1 }] }] });
    expect(vg.shape.data).toEqual([{ name: 'other' }, { name: 'table', values: [] }]);
    expect(specShape({ mark: 'bar' }).hasTable).toBe(false);
  });

  it('pivots a matrix with totals for additive aggregations only', () => {
    const fields = [dim('c0', 'rows', 'region'), dim('c1', 'columns', 'product'), sum('c2', 'quantity'), { ...sum('c3', 'price'), aggregate: 'avg' as const }];
    const rows = [
      { c0: 'East', c1: 'A', c2: 1, c3: 10 },
      { c0: 'East', c1: 'B', c2: 2, c3: 20 },
      { c0: 'West', c1: 'A', c2: 4, c3: 30 },
    ];
    const t = pivot(rows, fields);
    expect(t.rowKeys).toEqual([['East'], ['West']]);
    expect(t.colKeys).toEqual([['A'], ['B']]);
    expect(t.cells[1][1]).toEqual([null, null]);
    expect(t.rowTotals).toEqual([[3, null], [4, null]]);
    expect(t.colTotals).toEqual([[5, null], [2, null]]);
    expect(t.grandTotals).toEqual([7, null]);
  });
});
