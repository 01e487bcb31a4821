import { describe, expect, it } from 'vitest';
import { PageCache, type Row } from './page-cache';

const rows = (from: number, count: number): Row[] => Array.from({ length: count }, (_, i) => ({ n: from + i }));

describe('PageCache', () => {
  it('asks for the page-aligned span of missing pages, clipped to the row count', () => {
    const cache = new PageCache(100, 10);
    expect(cache.missingSpan(150, 260, 1000)).toEqual({ offset: 100, limit: 200 });
    expect(cache.missingSpan(950, 1200, 1000)).toEqual({ offset: 900, limit: 100 });
    expect(cache.missingSpan(0, 10, 0)).toBeNull();
  });

  it('serves stored rows and only asks for what is still missing', () => {
    const cache = new PageCache(100, 10);
    cache.store(100, rows(100, 100));
    expect(cache.get(150)).toEqual({ n: 150 });
    expect(cache.get(250)).toBeUndefined();
    expect(cache.missingSpan(150, 260, 1000)).toEqual({ offset: 200, limit: 100 });
    cache.store(200, rows(200, 100));
    expect(cache.missingSpan(150, 260, 1000)).toBeNull();
  });

  it('splits a multi-page fetch into pages and evicts the least recently used', () => {
    const cache = new PageCache(10, 3);
    cache.store(0, rows(0, 30));
    expect(cache.size).toBe(3);
    cache.touch(0, 5);
    cache.store(30, rows(30, 10));
    expect(cache.size).toBe(3);
    expect(cache.get(5)).toEqual({ n: 5 });
    expect(cache.get(15)).toBeUndefined();
    expect(cache.get(35)).toEqual({ n: 35 });
  });

  it('rejects unaligned offsets', () => {
    expect(() => new PageCache(10).store(5, rows(5, 10))).toThrow(/not a multiple/);
  });
});
