import type { FieldRef, ResultField, Visual } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { customSpecOf, defaultCustomSpec } from './custom-spec';
import { withDisplayName } from './RenameField';
import { effectiveSort, isSortedBy, sortOptions } from './sort-options';
import { mapKindOf } from './topology';

const region = { datasetId: 'd', column: 'region' };
const qty = { datasetId: 'd', column: 'quantity', aggregate: 'sum' as const };
const visual = (fields: Record<string, FieldRef[]>, sort: Visual['sort'] = null): Visual => ({
  id: 'v', pageId: 'p', type: 'column', x: 0, y: 0, w: 1, h: 1, z: 0, title: '', fields, filters: [], format: {}, sort, topN: null,
});

describe('sort options', () => {
  it('lists each field once with its shown label and finds the sort in effect', () => {
    const v = visual({ category: [region], values: [{ ...qty, label: 'Units' }], tooltips: [qty] });
    const options = sortOptions(v, []);
    expect(options).toEqual([
      { field: region, label: 'region' },
      { field: qty, label: 'Units' },
    ]);
    // default: the first measure, descending
    expect(effectiveSort(v, options)).toEqual({ field: qty, direction: 'desc' });
    const sorted = visual(v.fields, { field: region, direction: 'asc' });
    expect(effectiveSort(sorted, options)).toEqual({ field: region, direction: 'asc' });
    expect(isSortedBy(effectiveSort(sorted, options), region)).toBe(true);
    expect(isSortedBy(effectiveSort(sorted, options), qty)).toBe(false);
    expect(isSortedBy(effectiveSort(sorted, options), { ...qty, aggregate: 'avg' })).toBe(false);
  });
});

describe('display names', () => {
  it('sets, changes and clears a label; the default label is no label', () => {
    expect(withDisplayName(qty, ' Units ', 'Sum of quantity')).toEqual({ ...qty, label: 'Units' });
    expect(withDisplayName({ ...qty, label: 'Units' }, '', 'Sum of quantity')).toEqual(qty);
    expect(withDisplayName({ ...qty, label: 'Units' }, 'Sum of quantity', 'Sum of quantity')).toEqual(qty);
    expect(withDisplayName({ measureId: 'm' }, 'Revenue', 'Total')).toEqual({ measureId: 'm', label: 'Revenue' });
  });
});

describe('custom visual default spec and map kind', () => {
  const fields: ResultField[] = [
    { key: 'c0', role: 'category', label: 'region', kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR', ref: region },
    { key: 'c1', role: 'values', label: 'Sum of quantity', kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref: qty },
  ];
  it('bars the first dimension by the first measure, by label; a stored spec wins', () => {
    const spec = JSON.parse(defaultCustomSpec(fields)) as { mark: { type: string }; encoding: { x: { field: string }; y: { field: string } } };
    expect(spec.mark.type).toBe('bar');
    expect(spec.encoding.x.field).toBe('region');
    expect(spec.encoding.y.field).toBe('Sum of quantity');
    expect(customSpecOf({ customSpec: '{"mark":"point"}' }, fields)).toBe('{"mark":"point"}');
    expect(customSpecOf({ customSpec: '  ' }, fields)).toBe(defaultCustomSpec(fields));
  });
  it('map kind defaults to world', () => {
    expect(mapKindOf({})).toBe('world');
    expect(mapKindOf({ mapKind: 'us' })).toBe('us');
    expect(mapKindOf({ mapKind: 'mars' })).toBe('world');
  });
});

describe('map topology', () => {
  it('loads the world and US atlases and matches countries / states without warnings', async () => {
    const { buildSpec, LIGHT_THEME } = await import('@tessera/shared');
    const { loadTopology } = await import('./topology');
    const fields: ResultField[] = [
      { key: 'c0', role: 'location', label: 'country', kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column: 'country' } },
      { key: 'c1', role: 'values', label: 'Sum of value', kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref: { datasetId: 'd', column: 'value', aggregate: 'sum' } },
    ];
    const rows = ['France', 'Germany', 'Brazil', 'United States'].map((c0, i) => ({ c0, c1: i + 1 }));
    const base = { type: 'map' as const, fields, format: {}, theme: LIGHT_THEME, width: 400, height: 300 };
    const world = buildSpec({ ...base, rows, topology: await loadTopology('world') });
    expect(world.library).toBe('vega-lite');
    expect(world.library !== 'none' && world.warnings).toBeFalsy();
    const us = buildSpec({ ...base, rows: [{ c0: 'Texas', c1: 1 }, { c0: 'NY', c1: 2 }], topology: await loadTopology('us') });
    expect(us.library !== 'none' && us.warnings).toBeFalsy();
    const unmatched = buildSpec({ ...base, rows: [{ c0: 'Atlantis', c1: 1 }], topology: await loadTopology('world') });
    expect(unmatched.library !== 'none' && unmatched.warnings).toEqual(['1 location(s) match no country on the map: Atlantis.']);
  });
});

describe('specTableRows', () => {
  it('reads the "table" rows of Vega-Lite and Vega specs', async () => {
    const { specTableRows } = await import('./table-rows');
    const rows = [{ c0: 'France', __geo: 'France' }];
    expect(specTableRows({ data: { name: 'table', values: rows } })).toBe(rows);
    expect(specTableRows({ data: [{ name: 'other', values: [] }, { name: 'table', values: rows }] })).toBe(rows);
    expect(specTableRows({ data: { name: 'x', values: rows } })).toBeUndefined();
    expect(specTableRows({})).toBeUndefined();
  });
});
