import { addDataset, addVisual, initWorkbook, readWorkbook, setPageFilters } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeType, clearFilter, filterSummary, isAllSelected, isChecked, levelFilters, newFilter, putFilter, removeFilter, selectAll, toggleFlag, toggleValue, type FilterLevel } from './filter-model';
import { defaultSlicerStyle, slicerStyleOf } from './slicer-style';

const region = { datasetId: 'ds1', column: 'region' };

function workbook(): Y.Doc {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'W', firstPageId: 'p1' });
  return doc;
}

describe('filter model', () => {
  it('basic filter: tick values, select all inverts to exclude, untick under select all excludes the value', () => {
    let f = newFilter(region, 'f1');
    expect(filterSummary(f)).toBe('is (All)');
    f = toggleValue(f, 'North', true);
    expect(f).toMatchObject({ values: ['North'] });
    expect(isChecked(f, 'North')).toBe(true);
    expect(filterSummary(f)).toBe('is North');
    f = selectAll(f, true);
    expect(isAllSelected(f)).toBe(true);
    expect(isChecked(f, 'South')).toBe(true);
    f = toggleValue(f, 'South', false);
    expect(f).toMatchObject({ values: ['South'], exclude: true });
    expect(isChecked(f, 'South')).toBe(false);
    expect(filterSummary(f)).toBe('is not South');
    expect(clearFilter(f, 'text')).toMatchObject({ kind: 'values', values: [] });
  });

  it('type changes keep the lock / hide flags; clearing a relative date goes back to an empty basic filter', () => {
    const locked = toggleFlag(toggleFlag(newFilter(region, 'f'), 'locked'), 'hidden');
    const adv = changeType(locked, 'advanced', 'numeric');
    expect(adv).toEqual({ id: 'f', field: region, locked: true, hidden: true, kind: 'advanced', join: 'and', conditions: [{ op: 'eq' }] });
    const rel = changeType(adv, 'relativeDate', 'date');
    expect(filterSummary(rel)).toBe('in the last 1 month (including current)');
    expect(clearFilter(rel, 'date')).toEqual({ id: 'f', field: region, locked: true, hidden: true, kind: 'values', values: [] });
    expect(toggleFlag(locked, 'locked').locked).toBeUndefined();
  });

  it('put / remove at each level through the shared commands; slicer filters are kept but not listed', () => {
    const doc = workbook();
    addDataset(doc, { id: 'ds1', name: 'sales', source: { kind: 'file', fileName: 's.csv', format: 'csv' }, columns: [{ name: 'region', type: 'VARCHAR' }], rowCount: 1, version: 'v', refreshedAt: '' });
    const v = addVisual(doc, { pageId: 'p1', type: 'card', x: 0, y: 0, w: 10, h: 10 });
    setPageFilters(doc, 'p1', [{ id: 'slicer_x', kind: 'values', field: region, values: ['A'] }]);
    const levels: FilterLevel[] = [{ kind: 'report' }, { kind: 'page', pageId: 'p1' }, { kind: 'visual', visualId: v }];
    for (const level of levels) {
      putFilter(doc, level, newFilter(region, 'a'));
      putFilter(doc, level, toggleValue(newFilter(region, 'a'), 'North', true));
      expect(levelFilters(readWorkbook(doc), level)).toEqual([{ id: 'a', kind: 'values', field: region, values: ['North'] }]);
    }
    expect(readWorkbook(doc).pages.p1.filters.map((f) => f.id)).toEqual(['slicer_x', 'a']);
    for (const level of levels) removeFilter(doc, level, 'a');
    expect(readWorkbook(doc).meta.filters).toBeUndefined();
    expect(readWorkbook(doc).pages.p1.filters.map((f) => f.id)).toEqual(['slicer_x']);
  });

  it('slicer style: default per field kind, a chosen style only when it fits', () => {
    expect([defaultSlicerStyle('text'), defaultSlicerStyle('numeric'), defaultSlicerStyle('date')]).toEqual(['list', 'between', 'dateRange']);
    expect(slicerStyleOf({ slicerStyle: 'relative' }, 'date')).toBe('relative');
    expect(slicerStyleOf({ slicerStyle: 'between' }, 'text')).toBe('list');
    expect(slicerStyleOf({ slicerStyle: 'dropdown' }, 'numeric')).toBe('dropdown');
  });
});
