import { parse, View } from 'vega';
import { describe, expect, it } from 'vitest';
import { formatNumber, numberFormatExpr, type NumberFormatOptions } from './number-format';
import { drillKeyExpr, formatDrillKey, formatValue, valueFormatExpr, type FormatField } from './value-format';

const measureField: FormatField = { kind: 'measure', vlType: 'quantitative' };
const dimField: FormatField = { kind: 'dimension', vlType: 'nominal' };

/** Evaluate Vega expressions over values with a real Vega dataflow. */
async function evalExprs(values: unknown[], exprs: string[]): Promise<unknown[][]> {
  const view = new View(
    parse({
      data: [{ name: 't', values: values.map((v) => ({ v })), transform: exprs.map((expr, i) => ({ type: 'formula', expr, as: `f${i}` })) }],
    }),
    { renderer: 'none' },
  );
  await view.runAsync();
  return (view.data('t') as Record<string, unknown>[]).map((row) => exprs.map((_, i) => row[`f${i}`]));
}

describe('formatNumber', () => {
  it('decimals, thousands, automatic decimals', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(1234.5, { decimals: 2 })).toBe('1,234.50');
    expect(formatNumber(1234.5, { decimals: 0, thousands: false })).toBe('1235');
    expect(formatNumber(12.3)).toBe('12.3');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
  });
  it('currency, percent', () => {
    expect(formatNumber(-1234.5, { currency: 'USD', decimals: 2 })).toBe('-$1,234.50');
    expect(formatNumber(99, { currency: 'EUR' })).toBe('€99');
    expect(formatNumber(0.256, { percent: true })).toBe('25.6%');
    expect(formatNumber(0.25, { percent: true, decimals: 1 })).toBe('25.0%');
  });
  it('units K / M / B / auto', () => {
    expect(formatNumber(1500, { units: 'K' })).toBe('1.5K');
    expect(formatNumber(2_000_000, { units: 'M' })).toBe('2M');
    expect(formatNumber(2_345_000_000, { units: 'B', decimals: 2 })).toBe('2.35B');
    expect(formatNumber(999, { units: 'auto' })).toBe('999');
    expect(formatNumber(12_345, { units: 'auto' })).toBe('12.3K');
    expect(formatNumber(-4_560_000, { units: 'auto', currency: '$' })).toBe('-$4.6M');
    expect(formatNumber(7.2e9, { units: 'auto' })).toBe('7.2B');
    expect(formatNumber(Number.NaN)).toBe('(Blank)');
  });
});

describe('formatValue', () => {
  it('numbers by the options, blanks, booleans, bigint, numeric strings', () => {
    expect(formatValue(1234.5, measureField, { decimals: 1 })).toBe('1,234.5');
    expect(formatValue(null, measureField)).toBe('(Blank)');
    expect(formatValue(undefined, dimField)).toBe('(Blank)');
    expect(formatValue(true, dimField)).toBe('True');
    expect(formatValue(12345678901n, measureField, { units: 'B' })).toBe('12.3B');
    expect(formatValue('2500.5', measureField)).toBe('2,500.5');
    expect(formatValue('n/a', measureField)).toBe('n/a');
  });
  it('dimensions are shown as they are (years have no separators)', () => {
    expect(formatValue(2024, { kind: 'dimension', vlType: 'ordinal' })).toBe('2024');
    expect(formatValue('East', dimField)).toBe('East');
    expect(formatValue('', dimField)).toBe('(Blank)');
  });
  it('dates stay YYYY-MM-DD; drill keys read nicely', () => {
    const date: FormatField = { kind: 'dimension', vlType: 'temporal' };
    expect(formatValue('2024-03-05', date)).toBe('2024-03-05');
    expect(formatValue(Date.UTC(2024, 2, 5), date)).toBe('2024-03-05');
    expect(formatValue(new Date(Date.UTC(2024, 2, 5, 13, 4, 5)), date)).toBe('2024-03-05 13:04:05');
    expect(formatValue('2024', { ...date, drillLevel: 'year' })).toBe('2024');
    expect(formatValue('2024 Q1', { ...date, drillLevel: 'quarter' })).toBe('2024 Qtr 1');
    expect(formatValue('2024-03', { ...date, drillLevel: 'month' })).toBe('Mar 2024');
    expect(formatValue('2024-03-05', { ...date, drillLevel: 'day' })).toBe('2024-03-05');
    expect(formatDrillKey(3, 'quarter')).toBe('Qtr 3');
    expect(formatDrillKey(11, 'month')).toBe('November');
    expect(formatDrillKey('2024-08-01', 'quarter')).toBe('2024 Qtr 3');
  });
});

describe('Vega expressions format exactly like formatValue', () => {
  const numbers = [0, 1, -1, 12.345, 999.999, 1000, 1234.5, -98765.4321, 1_500_000, 2_345_678_901, -0.004, 0.5, null, Number.NaN];
  const options: NumberFormatOptions[] = [
    {},
    { decimals: 2 },
    { decimals: 0, thousands: false },
    { currency: 'USD', decimals: 2 },
    { currency: '€' },
    { percent: true },
    { percent: true, decimals: 1 },
    { units: 'K' },
    { units: 'M', decimals: 2 },
    { units: 'B' },
    { units: 'auto' },
    { units: 'auto', currency: 'GBP', decimals: 1 },
  ];
  it('numbers, for every option set', async () => {
    const got = await evalExprs(numbers, options.map((o) => numberFormatExpr('datum.v', o)));
    numbers.forEach((n, i) => {
      options.forEach((o, j) => {
        expect({ n, o, text: got[i][j] }).toEqual({ n, o, text: n === null ? '(Blank)' : formatNumber(n, o) });
      });
    });
  });
  it('values of measures, dimensions and drill keys', async () => {
    const values = ['2024', '2024 Q3', '2024-03', '2024-03-05', 4, 11, 'East', null, '', 2500.5, true];
    const fields: FormatField[] = [
      measureField,
      dimField,
      { kind: 'dimension', vlType: 'ordinal', drillLevel: 'year' },
      { kind: 'dimension', vlType: 'ordinal', drillLevel: 'quarter' },
      { kind: 'dimension', vlType: 'ordinal', drillLevel: 'month' },
      { kind: 'dimension', vlType: 'ordinal', drillLevel: 'day' },
    ];
    const got = await evalExprs(values, fields.map((f) => valueFormatExpr('datum.v', f, { decimals: 1 })));
    values.forEach((v, i) => {
      fields.forEach((f, j) => {
        expect({ v, f, text: got[i][j] }).toEqual({ v, f, text: formatValue(v, f, { decimals: 1 }) });
      });
    });
    expect(drillKeyExpr('datum.v', 'month')).toContain('Mar');
  });
});
