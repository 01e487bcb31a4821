import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { FIRST_PAGE, makeWorkbook } from '../../test/helpers';
import { createUndoManager, readWorkbook, setPageFilters, setReportFilters, setVisualFilters, addVisual, type Filter } from '../index';

const region = { datasetId: 'ds_sales', column: 'region' };
const qty = { datasetId: 'ds_sales', column: 'quantity' };
const day = { datasetId: 'ds_sales', column: 'order_date' };

const ALL_KINDS: Filter[] = [
  { id: 'f1', kind: 'values', field: region, values: ['North'], locked: true },
  { id: 'f2', kind: 'advanced', field: qty, join: 'and', conditions: [{ op: 'gt', value: 10 }, { op: 'between', value: 1, value2: 5 }], hidden: true },
  { id: 'f3', kind: 'relativeDate', field: day, direction: 'last', n: 3, unit: 'month', includeCurrent: true },
  { id: 'f4', kind: 'topN', field: region, direction: 'top', n: 2, by: { ...qty, aggregate: 'sum' } },
];

describe('report-level filters (meta.filters)', () => {
  it('setReportFilters stores every filter kind, reads back in the snapshot, and [] removes them', () => {
    const doc = makeWorkbook();
    expect(readWorkbook(doc).meta.filters).toBeUndefined();
    setReportFilters(doc, ALL_KINDS);
    expect(readWorkbook(doc).meta.filters).toEqual(ALL_KINDS);
    setReportFilters(doc, []);
    expect(readWorkbook(doc).meta.filters).toBeUndefined();
    expect(doc.getMap('meta').has('filters')).toBe(false);
  });

  it('is one undoable step and merges into another peer', () => {
    const doc = makeWorkbook();
    const undo = createUndoManager(doc);
    setReportFilters(doc, ALL_KINDS.slice(0, 1));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readWorkbook(peer).meta.filters).toEqual(ALL_KINDS.slice(0, 1));
    undo.undo();
    expect(readWorkbook(doc).meta.filters).toBeUndefined();
  });

  it('validates: a bad kind, a bad N, duplicate ids are refused and nothing is written', () => {
    const doc = makeWorkbook();
    setReportFilters(doc, ALL_KINDS.slice(0, 1));
    expect(errorOf(() => setReportFilters(doc, [{ ...ALL_KINDS[3], n: 0 } as Filter])).field).toBe('filters.0.n');
    expect(errorOf(() => setReportFilters(doc, [{ ...ALL_KINDS[0], kind: 'nope' } as unknown as Filter])).field).toBe('filters.0.kind');
    expect(errorOf(() => setReportFilters(doc, [ALL_KINDS[0], ALL_KINDS[0]])).field).toBe('filters.1.id');
    expect(readWorkbook(doc).meta.filters).toEqual(ALL_KINDS.slice(0, 1));
  });

  it('page and visual filters accept the new kinds too', () => {
    const doc = makeWorkbook();
    setPageFilters(doc, FIRST_PAGE, ALL_KINDS);
    const v = addVisual(doc, { pageId: FIRST_PAGE, type: 'card', x: 0, y: 0, w: 100, h: 100 });
    setVisualFilters(doc, v, ALL_KINDS.slice(1, 2));
    const snap = readWorkbook(doc);
    expect(snap.pages[FIRST_PAGE].filters).toEqual(ALL_KINDS);
    expect(snap.visuals[v].filters).toEqual(ALL_KINDS.slice(1, 2));
  });
});
