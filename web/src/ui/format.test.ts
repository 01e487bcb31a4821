import { describe, expect, it } from 'vitest';
import { formatBytes, formatCell, formatCount, formatNumber, formatTimestamp, isNumericType, pluralize } from './format';

describe('number formatting', () => {
  it('groups integers with thousands separators', () => {
    expect(formatCount(10_000_000)).toBe('10,000,000');
    expect(formatNumber(1234567, 'BIGINT')).toBe('1,234,567');
    expect(formatNumber(-42, 'INTEGER')).toBe('-42');
  });

  it('keeps the scale of DECIMAL columns', () => {
    expect(formatNumber(1234.5, 'DECIMAL(18,3)')).toBe('1,234.500');
    expect(formatNumber(0, 'DECIMAL(10,2)')).toBe('0.00');
  });

  it('shows floats with up to six decimals and extreme magnitudes as exponents', () => {
    expect(formatNumber(3.14159265, 'DOUBLE')).toBe('3.141593');
    expect(formatNumber(0.5, 'FLOAT')).toBe('0.5');
    expect(formatNumber(1e20, 'DOUBLE')).toBe('1e+20');
    expect(formatNumber(Number.NaN, 'DOUBLE')).toBe('NaN');
  });

  it('groups big integers that arrive as strings', () => {
    expect(formatCell('12345678901234567890', 'HUGEINT')).toBe('12,345,678,901,234,567,890');
    expect(formatCell(BigInt('-9007199254740993'), 'BIGINT')).toBe('-9,007,199,254,740,993');
  });

  it('recognises numeric types', () => {
    expect(isNumericType('DECIMAL(18,3)')).toBe(true);
    expect(isNumericType('UBIGINT')).toBe(true);
    expect(isNumericType('VARCHAR')).toBe(false);
    expect(isNumericType('INTERVAL')).toBe(false);
  });
});

describe('cell formatting', () => {
  it('formats dates and timestamps', () => {
    expect(formatCell('2024-01-05', 'DATE')).toBe('2024-01-05');
    expect(formatTimestamp('2024-01-05T10:00:00.000Z')).toBe('2024-01-05 10:00:00');
    expect(formatTimestamp('2024-01-05T10:00:00.250Z')).toBe('2024-01-05 10:00:00.250');
    expect(formatCell('2024-01-05T10:00:00.000+02:00', 'TIMESTAMP WITH TIME ZONE')).toBe('2024-01-05 10:00:00 +02:00');
  });

  it('formats nulls, booleans and nested values', () => {
    expect(formatCell(null, 'VARCHAR')).toBe('null');
    expect(formatCell(true, 'BOOLEAN')).toBe('true');
    expect(formatCell([1, 2], 'INTEGER[]')).toBe('[1,2]');
    expect(formatCell({ a: 1n }, 'STRUCT(a BIGINT)')).toBe('{"a":"1"}');
  });
});

describe('formatBytes and pluralize', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GB');
  });

  it('pluralizes counts', () => {
    expect(pluralize(1, 'row')).toBe('1 row');
    expect(pluralize(1234, 'row')).toBe('1,234 rows');
    expect(pluralize(2, 'query', 'queries')).toBe('2 queries');
  });
});
