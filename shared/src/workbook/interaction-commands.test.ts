import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { FIRST_PAGE, cloneDoc, makeWorkbook, syncPair } from '../../test/helpers';
import { addPage, addVisual, createUndoManager, readWorkbook, setPageDrillThrough, setVisualInteraction } from '../index';

const rect = { x: 0, y: 0, w: 100, h: 100 };

describe('interaction commands', () => {
  it('setVisualInteraction stores one mode per source → target pair, validated', () => {
    const doc = makeWorkbook();
    const a = addVisual(doc, { pageId: FIRST_PAGE, type: 'column', ...rect });
    const b = addVisual(doc, { pageId: FIRST_PAGE, type: 'card', ...rect });
    const c = addVisual(doc, { pageId: FIRST_PAGE, type: 'table', ...rect });
    expect(readWorkbook(doc).pages[FIRST_PAGE].interactions).toBeUndefined();
    setVisualInteraction(doc, FIRST_PAGE, a, b, 'none');
    setVisualInteraction(doc, FIRST_PAGE, a, c, 'highlight');
    setVisualInteraction(doc, FIRST_PAGE, a, b, 'filter');
    expect(readWorkbook(doc).pages[FIRST_PAGE].interactions).toEqual({ [a]: { [b]: 'filter', [c]: 'highlight' } });
    expect(errorOf(() => setVisualInteraction(doc, FIRST_PAGE, a, a, 'none')).field).toBe('targetVisualId');
    expect(errorOf(() => setVisualInteraction(doc, FIRST_PAGE, a, 'nope', 'none')).message).toContain('no visual with id "nope"');
    expect(errorOf(() => setVisualInteraction(doc, FIRST_PAGE, a, b, 'dim' as 'none')).field).toBe('mode');
    const other = addPage(doc, { name: 'Other' });
    const d = addVisual(doc, { pageId: other, type: 'card', ...rect });
    expect(errorOf(() => setVisualInteraction(doc, FIRST_PAGE, a, d, 'none')).message).toContain('not on page');
    expect(errorOf(() => setVisualInteraction(doc, 'nope', a, b, 'none')).message).toContain('no page with id "nope"');
  });

  it('concurrent edits of different pairs merge, and an edit undoes as one step', () => {
    const doc = makeWorkbook(1);
    const a = addVisual(doc, { pageId: FIRST_PAGE, type: 'column', ...rect });
    const b = addVisual(doc, { pageId: FIRST_PAGE, type: 'card', ...rect });
    const c = addVisual(doc, { pageId: FIRST_PAGE, type: 'table', ...rect });
    setVisualInteraction(doc, FIRST_PAGE, a, b, 'filter');
    const peer = cloneDoc(doc, 2);
    setVisualInteraction(doc, FIRST_PAGE, a, b, 'none');
    setVisualInteraction(peer, FIRST_PAGE, a, c, 'highlight');
    syncPair(doc, peer);
    expect(readWorkbook(doc).pages[FIRST_PAGE].interactions).toEqual({ [a]: { [b]: 'none', [c]: 'highlight' } });
    expect(readWorkbook(peer)).toEqual(readWorkbook(doc));
    const undo = createUndoManager(doc);
    setVisualInteraction(doc, FIRST_PAGE, b, a, 'highlight');
    undo.undo();
    expect(readWorkbook(doc).pages[FIRST_PAGE].interactions).toEqual({ [a]: { [b]: 'none', [c]: 'highlight' } });
  });

  it('setPageDrillThrough sets, replaces and clears the drill-through fields', () => {
    const doc = makeWorkbook();
    const page = addPage(doc, { name: 'Region detail' });
    setPageDrillThrough(doc, page, [{ datasetId: 'ds1', column: 'region' }]);
    expect(readWorkbook(doc).pages[page].drillThrough).toEqual([{ datasetId: 'ds1', column: 'region' }]);
    setPageDrillThrough(doc, page, [{ datasetId: 'ds1', column: 'region' }, { datasetId: 'ds1', column: 'product' }]);
    expect(readWorkbook(doc).pages[page].drillThrough?.map((f) => f.column)).toEqual(['region', 'product']);
    expect(errorOf(() => setPageDrillThrough(doc, page, [{ datasetId: 'ds1', column: 'region' }, { datasetId: 'ds1', column: 'region' }])).field).toBe('fields.1');
    expect(errorOf(() => setPageDrillThrough(doc, page, [{ datasetId: 'ds1', column: '' }])).field).toBe('fields.0.column');
    expect(errorOf(() => setPageDrillThrough(doc, 'nope', [])).message).toContain('no page');
    setPageDrillThrough(doc, page, []);
    expect(readWorkbook(doc).pages[page].drillThrough).toBeUndefined();
    expect(readWorkbook(doc).pages[page]).toEqual({ id: page, name: 'Region detail', filters: [], size: { width: 1280, height: 720 } });
  });
});
