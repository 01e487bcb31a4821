import type { ResultField } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { csvFileName, rowsToCsv } from './csv';

const field = (key: string, label: string, kind: 'dimension' | 'measure'): ResultField => ({
  key, label, kind, role: kind === 'measure' ? 'values' : 'category', vlType: kind === 'measure' ? 'quantitative' : 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column: label },
});

describe('show data CSV', () => {
  it('writes labels as the header and quotes what needs it', () => {
    const csv = rowsToCsv([field('c0', 'region', 'dimension'), field('c1', 'Sum of "qty"', 'measure')], [
      { c0: 'East', c1: 1234.5 },
      { c0: 'North, upper', c1: null },
    ]);
    expect(csv).toBe('region,"Sum of ""qty"""\r\nEast,1234.5\r\n"North, upper",\r\n');
  });

  it('makes a safe file name', () => {
    expect(csvFileName('Sales: 2024/Q1')).toBe('Sales 2024 Q1.csv');
    expect(csvFileName('  ')).toBe('data.csv');
  });
});
