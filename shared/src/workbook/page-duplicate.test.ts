import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { FIRST_PAGE, makeWorkbook } from '../../test/helpers';
import {
  addPage,
  addVisual,
  bindField,
  createUndoManager,
  duplicatePage,
  readWorkbook,
  setPageBackground,
  setPageFilters,
  setVisualFilters,
  setVisualFormat,
  setVisualInteraction,
  setVisualSort,
} from '../index';

const qty = { datasetId: 'd1', column: 'quantity' };
const region = { datasetId: 'd1', column: 'region' };

describe('duplicatePage', () => {
  it('copies the page, its filters and every visual with new ids, right after the original, in one undo step', () => {
    const doc = makeWorkbook();
    const last = addPage(doc, { name: 'Last' });
    const chart = addVisual(doc, { pageId: FIRST_PAGE, type: 'column', x: 10, y: 20, w: 300, h: 200, title: 'Units' });
    bindField(doc, chart, 'category', region);
    bindField(doc, chart, 'values', { ...qty, aggregate: 'sum', label: 'Units' });
    setVisualFormat(doc, chart, 'legendPosition', 'top');
    setVisualSort(doc, chart, { field: qty, direction: 'asc' });
    setVisualFilters(doc, chart, [{ id: 'vf1', kind: 'values', field: region, values: ['North'] }]);
    const slicer = addVisual(doc, { pageId: FIRST_PAGE, type: 'slicer', x: 400, y: 20, w: 200, h: 200 });
    setPageFilters(doc, FIRST_PAGE, [
      { id: `slicer_${slicer}`, kind: 'values', field: region, values: ['South'] },
      { id: 'pf1', kind: 'range', field: qty, min: 1 },
    ]);
    setPageBackground(doc, FIRST_PAGE, '#ffeeaa');
    setVisualInteraction(doc, FIRST_PAGE, slicer, chart, 'highlight');
    const other = addVisual(doc, { pageId: last, type: 'card', x: 0, y: 0, w: 100, h: 100 });

    const undo = createUndoManager(doc);
    const copy = duplicatePage(doc, FIRST_PAGE, { name: 'Page 3' });
    const snap = readWorkbook(doc);
    expect(snap.pageOrder).toEqual([FIRST_PAGE, copy, last]);
    const page = snap.pages[copy];
    expect(page.name).toBe('Page 3');
    expect(page.background).toBe('#ffeeaa');
    expect(page.size).toEqual(snap.pages[FIRST_PAGE].size);

    const copies = Object.values(snap.visuals).filter((v) => v.pageId === copy);
    expect(copies).toHaveLength(2);
    const chartCopy = copies.find((v) => v.type === 'column');
    const slicerCopy = copies.find((v) => v.type === 'slicer');
    if (!chartCopy || !slicerCopy) throw new Error('copies missing');
    expect([chartCopy.id, slicerCopy.id]).not.toContain(chart);
    expect([chartCopy.id, slicerCopy.id]).not.toContain(slicer);
    const original = snap.visuals[chart];
    expect({ ...chartCopy, id: '', pageId: '', filters: [] }).toEqual({ ...original, id: '', pageId: '', filters: [] });
    expect(chartCopy.fields.values).toEqual([{ ...qty, aggregate: 'sum', label: 'Units' }]);
    expect(chartCopy.filters).toHaveLength(1);
    expect(chartCopy.filters[0].id).not.toBe('vf1');
    expect(chartCopy.filters[0]).toEqual({ ...original.filters[0], id: chartCopy.filters[0].id });

    // the slicer's page filter follows the copied slicer; other filters get new ids
    expect(page.filters.map((f) => f.id)[0]).toBe(`slicer_${slicerCopy.id}`);
    expect(page.filters[1]).toEqual({ id: page.filters[1].id, kind: 'range', field: qty, min: 1 });
    expect(page.filters[1].id).not.toBe('pf1');
    expect(page.interactions).toEqual({ [slicerCopy.id]: { [chartCopy.id]: 'highlight' } });
    // the other page and the original are untouched
    expect(snap.visuals[other].pageId).toBe(last);
    expect(Object.values(snap.visuals).filter((v) => v.pageId === FIRST_PAGE)).toHaveLength(2);

    // a copy of the copy's visuals does not share Y types with the original: editing one leaves the other
    setVisualFormat(doc, chartCopy.id, 'legendPosition', 'bottom');
    expect(readWorkbook(doc).visuals[chart].format.legendPosition).toBe('top');

    undo.undo(); // the format change
    undo.undo(); // the whole duplicate, at once
    const after = readWorkbook(doc);
    expect(after.pageOrder).toEqual([FIRST_PAGE, last]);
    expect(Object.keys(after.visuals)).toHaveLength(3);
  });

  it('names the copy "Duplicate of …" by default and refuses unknown pages and empty names', () => {
    const doc = makeWorkbook();
    const copy = duplicatePage(doc, FIRST_PAGE);
    expect(readWorkbook(doc).pages[copy].name).toBe('Duplicate of Page 1');
    expect(readWorkbook(doc).pageOrder).toEqual([FIRST_PAGE, copy]);
    expect(errorOf(() => duplicatePage(doc, 'nope')).message).toContain('no page with id "nope"');
    expect(errorOf(() => duplicatePage(doc, FIRST_PAGE, { name: ' ' })).field).toBe('name');
  });
});

describe('field display names (label on a field ref)', () => {
  it('bindField keeps a label, and refuses an empty one', () => {
    const doc = makeWorkbook();
    const v = addVisual(doc, { pageId: FIRST_PAGE, type: 'column', x: 0, y: 0, w: 100, h: 100 });
    bindField(doc, v, 'values', { measureId: 'm1', label: 'Revenue' });
    bindField(doc, v, 'category', { ...region, label: 'Area' });
    expect(readWorkbook(doc).visuals[v].fields.values).toEqual([{ measureId: 'm1', label: 'Revenue' }]);
    expect(readWorkbook(doc).visuals[v].fields.category).toEqual([{ ...region, label: 'Area' }]);
    expect(errorOf(() => bindField(doc, v, 'values', { ...qty, label: '  ' })).message).toContain('must not be empty');
  });
});
