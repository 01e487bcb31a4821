import type { ResultField } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { showDataColumns, showDataRows } from './show-data-table';

const field = (key: string, label: string, kind: 'dimension' | 'measure'): ResultField => ({
  key, label, kind, role: kind === 'measure' ? 'values' : 'category', vlType: kind === 'measure' ? 'quantitative' : 'nominal', sqlType: kind === 'measure' ? 'DOUBLE' : 'VARCHAR', ref: { datasetId: 'd', column: label },
});

describe('show data table', () => {
  const fields = [field('c0', 'region', 'dimension'), field('c1', 'Sum of quantity', 'measure'), field('c2', 'Sum of quantity', 'measure')];
  const rows = [
    { c0: 'East', c1: 1234, c2: 5 },
    { c0: 'West', c1: 98765, c2: null },
    { c0: null, c1: 10, c2: 1 },
  ];

  it('labels the columns uniquely and formats values with the visual number format', () => {
    const columns = showDataColumns(fields);
    expect(columns.map((c) => c.name)).toEqual(['region', 'Sum of quantity', 'Sum of quantity (2)']);
    expect(showDataRows(columns, rows, {})).toEqual([
      { region: 'East', 'Sum of quantity': '1,234', 'Sum of quantity (2)': '5' },
      { region: 'West', 'Sum of quantity': '98,765', 'Sum of quantity (2)': '(Blank)' },
      { region: '(Blank)', 'Sum of quantity': '10', 'Sum of quantity (2)': '1' },
    ]);
    const k = showDataRows(columns, rows, { numberFormat: { units: 'K', decimals: 1 } });
    expect(k[1]['Sum of quantity']).toBe('98.8K');
  });

  it('sorts by the raw values of a column, blanks last', () => {
    const columns = showDataColumns(fields);
    const desc = showDataRows(columns, rows, {}, { column: 'Sum of quantity', direction: 'desc' });
    expect(desc.map((r) => r.region)).toEqual(['West', 'East', '(Blank)']);
    const asc = showDataRows(columns, rows, {}, { column: 'region', direction: 'asc' });
    expect(asc.map((r) => r.region)).toEqual(['East', 'West', '(Blank)']);
  });
});
