import { describe, expect, it } from 'vitest';
import { MAX_SPACER_HEIGHT, nextSort, rowWindow, scrollGeometry } from './grid-geometry';

describe('scrollGeometry', () => {
  it('uses the real height when it fits', () => {
    const g = scrollGeometry(100, 28, 40, 600);
    expect(g.spacerHeight).toBe(100 * 28 + 40);
    expect(g.scale).toBe(1);
    expect(g.maxVirtualTop).toBe(100 * 28 + 40 - 600);
  });

  it('caps the spacer for 10M rows and scales the scroll position onto every row', () => {
    const g = scrollGeometry(10_000_000, 28, 40, 600);
    expect(g.spacerHeight).toBe(MAX_SPACER_HEIGHT);
    expect(g.scale).toBeGreaterThan(30);
    // The bottom of the real scroll range reaches the last row.
    const bottom = (g.spacerHeight - 600) * g.scale;
    const win = rowWindow(bottom, 600 - 40, 28, 10_000_000);
    expect(win.last).toBe(9_999_999);
  });

  it('never makes the spacer shorter than the viewport', () => {
    expect(scrollGeometry(0, 28, 40, 600)).toEqual({ spacerHeight: 600, scale: 1, maxVirtualTop: 0 });
  });
});

describe('rowWindow', () => {
  it('returns the rows overlapping the body', () => {
    expect(rowWindow(0, 100, 25, 1000)).toEqual({ first: 0, last: 3, offset: 0 });
    expect(rowWindow(30, 100, 25, 1000)).toEqual({ first: 1, last: 5, offset: 5 });
  });

  it('clips to the row count and handles empty results', () => {
    expect(rowWindow(0, 1000, 25, 3)).toEqual({ first: 0, last: 2, offset: 0 });
    expect(rowWindow(0, 1000, 25, 0)).toEqual({ first: 0, last: -1, offset: 0 });
  });
});

describe('nextSort', () => {
  it('cycles ascending → descending → none', () => {
    const asc = nextSort(null, 'a');
    expect(asc).toEqual({ column: 'a', direction: 'asc' });
    const desc = nextSort(asc, 'a');
    expect(desc).toEqual({ column: 'a', direction: 'desc' });
    expect(nextSort(desc, 'a')).toBeNull();
    expect(nextSort(desc, 'b')).toEqual({ column: 'b', direction: 'asc' });
  });
});
