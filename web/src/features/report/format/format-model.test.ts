import type { ResultField } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { colorTargets, patchBorder, patchNumberFormat, patchSeriesColors, presetOf } from './format-model';

const field = (key: string, role: string, kind: 'dimension' | 'measure', label: string): ResultField => ({
  key, role, kind, label, vlType: kind === 'measure' ? 'quantitative' : 'nominal', sqlType: kind === 'measure' ? 'DOUBLE' : 'VARCHAR', ref: { datasetId: 'd', column: label },
});

describe('format model', () => {
  it('merges number format changes and drops cleared keys', () => {
    expect(patchNumberFormat({ decimals: 2 }, { units: 'K' })).toEqual({ decimals: 2, units: 'K' });
    expect(patchNumberFormat({ decimals: 2, units: 'K' }, { decimals: undefined })).toEqual({ units: 'K' });
    expect(patchNumberFormat({ currency: '$' }, { currency: '' })).toBeUndefined();
    expect(patchNumberFormat('junk', { thousands: false })).toEqual({ thousands: false });
  });

  it('patches the border and per-series colours', () => {
    expect(patchBorder(undefined, { show: true })).toEqual({ show: true, width: 1 });
    expect(patchBorder({ show: true, width: 1 }, { color: '#FF0000' })).toEqual({ show: true, width: 1, color: '#FF0000' });
    expect(patchBorder({ show: true, color: '#FF0000' }, { color: null })).toEqual({ show: true, width: 1 });
    expect(patchSeriesColors({ East: '#111111' }, 'West', '#222222')).toEqual({ East: '#111111', West: '#222222' });
    expect(patchSeriesColors({ East: '#111111' }, 'East', null)).toBeUndefined();
  });

  it('names the page size presets', () => {
    expect(presetOf({ width: 1280, height: 720 })).toBe('16:9');
    expect(presetOf({ width: 816, height: 1056 })).toBe('letter');
    expect(presetOf({ width: 1000, height: 500 })).toBe('custom');
  });

  it('finds what a visual colours separately from its last result', () => {
    const region = field('c0', 'category', 'dimension', 'region');
    const year = field('c1', 'series', 'dimension', 'year');
    const qty = field('c2', 'values', 'measure', 'Sum of quantity');
    const price = field('c3', 'values', 'measure', 'Sum of price');
    const rows = [{ c0: 'East', c1: 2023, c2: 1 }, { c0: 'West', c1: 2024, c2: 2 }, { c0: 'North', c1: 2023, c2: 3 }, { c0: null, c1: null, c2: 4 }];
    expect(colorTargets('column', [region, year, qty], rows).map((t) => t.key)).toEqual(['2023', '2024', 'null']);
    expect(colorTargets('column', [region, qty, price], rows)).toEqual([{ key: 'Sum of quantity', label: 'Sum of quantity' }, { key: 'Sum of price', label: 'Sum of price' }]);
    expect(colorTargets('pie', [region, qty], rows)).toEqual([
      { key: 'East', label: 'East' }, { key: 'West', label: 'West' }, { key: 'North', label: 'North' }, { key: 'null', label: '(Blank)' },
    ]);
  });
});
