import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { FIRST_PAGE, makeWorkbook } from '../../test/helpers';
import { addPage, addVisual, movePage, readWorkbook, removePage, renamePage, setPageFilters, setPageSize } from '../index';

describe('page commands', () => {
  it('initWorkbook made "Page 1"', () => {
    const snap = readWorkbook(makeWorkbook());
    expect(snap.pageOrder).toEqual([FIRST_PAGE]);
    expect(snap.pages[FIRST_PAGE]).toEqual({ id: FIRST_PAGE, name: 'Page 1', filters: [], size: { width: 1280, height: 720 } });
  });

  it('addPage appends (or inserts at index) and validates the name', () => {
    const doc = makeWorkbook();
    const p2 = addPage(doc, { name: 'Detail' });
    const p0 = addPage(doc, { name: 'Cover', index: 0 });
    expect(readWorkbook(doc).pageOrder).toEqual([p0, FIRST_PAGE, p2]);
    expect(readWorkbook(doc).pages[p2].name).toBe('Detail');
    expect(errorOf(() => addPage(doc, { name: ' ' })).field).toBe('name');
    expect(errorOf(() => addPage(doc, { id: p2, name: 'again' })).field).toBe('id');
  });

  it('renamePage', () => {
    const doc = makeWorkbook();
    renamePage(doc, FIRST_PAGE, 'Overview');
    expect(readWorkbook(doc).pages[FIRST_PAGE].name).toBe('Overview');
    expect(errorOf(() => renamePage(doc, FIRST_PAGE, '')).message).toContain('must not be empty');
    expect(errorOf(() => renamePage(doc, 'nope', 'x')).message).toContain('no page with id "nope"');
  });

  it('movePage reorders and clamps past the end', () => {
    const doc = makeWorkbook();
    const b = addPage(doc, { name: 'B' });
    const c = addPage(doc, { name: 'C' });
    movePage(doc, c, 0);
    expect(readWorkbook(doc).pageOrder).toEqual([c, FIRST_PAGE, b]);
    movePage(doc, c, 99);
    expect(readWorkbook(doc).pageOrder).toEqual([FIRST_PAGE, b, c]);
    movePage(doc, FIRST_PAGE, 1);
    expect(readWorkbook(doc).pageOrder).toEqual([b, FIRST_PAGE, c]);
    expect(errorOf(() => movePage(doc, b, -1)).field).toBe('toIndex');
    expect(errorOf(() => movePage(doc, 'nope', 0)).field).toBe('id');
  });

  it('removePage removes its visuals and refuses to remove the last page', () => {
    const doc = makeWorkbook();
    const other = addPage(doc, { name: 'Other' });
    const gone = addVisual(doc, { pageId: other, type: 'bar', x: 0, y: 0, w: 100, h: 100 });
    const kept = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 100, h: 100 });
    removePage(doc, other);
    const snap = readWorkbook(doc);
    expect(snap.pageOrder).toEqual([FIRST_PAGE]);
    expect(Object.keys(snap.visuals)).toEqual([kept]);
    expect(gone in snap.visuals).toBe(false);
    expect(errorOf(() => removePage(doc, FIRST_PAGE)).message).toContain('at least one page');
    expect(readWorkbook(doc).pageOrder).toEqual([FIRST_PAGE]);
  });

  it('setPageSize and setPageFilters validate', () => {
    const doc = makeWorkbook();
    setPageSize(doc, FIRST_PAGE, { width: 1920, height: 1080 });
    expect(readWorkbook(doc).pages[FIRST_PAGE].size).toEqual({ width: 1920, height: 1080 });
    expect(errorOf(() => setPageSize(doc, FIRST_PAGE, { width: 10, height: 1080 })).field).toBe('size.width');
    const filter = { id: 'f1', kind: 'values' as const, field: { datasetId: 'd', column: 'Country' }, values: ['FR', 'DE'] };
    setPageFilters(doc, FIRST_PAGE, [filter]);
    expect(readWorkbook(doc).pages[FIRST_PAGE].filters).toEqual([filter]);
    expect(errorOf(() => setPageFilters(doc, FIRST_PAGE, [{ ...filter, kind: 'nope' as 'values' }])).field).toBe('filters.0.kind');
  });
});
