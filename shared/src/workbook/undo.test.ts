import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, addSalesDatasets, cloneDoc, makeWorkbook, syncPair } from '../../test/helpers';
import { addVisual, bindField, createUndoManager, moveVisual, readWorkbook, removeVisual, setVisualFormat, setVisualTitle } from '../index';

describe('undo / redo', () => {
  it('undoes and redoes local commands one at a time', () => {
    const doc = makeWorkbook();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const id = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 100, h: 100 });
    moveVisual(doc, id, 50, 60);
    bindField(doc, id, 'values', { measureId: 'm1' });
    undo.undo();
    expect(readWorkbook(doc).visuals[id].fields.values).toEqual([]);
    undo.undo();
    expect(readWorkbook(doc).visuals[id]).toMatchObject({ x: 0, y: 0 });
    undo.undo();
    expect(readWorkbook(doc).visuals).toEqual({});
    undo.redo();
    undo.redo();
    expect(readWorkbook(doc).visuals[id]).toMatchObject({ x: 50, y: 60 });
    undo.redo();
    expect(readWorkbook(doc).visuals[id].fields.values).toEqual([{ measureId: 'm1' }]);
  });

  it('restores a removed visual with its fields and format', () => {
    const doc = makeWorkbook();
    addSalesDatasets(doc);
    const id = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 100, h: 100 });
    bindField(doc, id, 'category', { datasetId: 'ds_customers', column: 'Country' });
    setVisualFormat(doc, id, 'color', 'red');
    const before = readWorkbook(doc);
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    removeVisual(doc, id);
    undo.undo();
    expect(readWorkbook(doc)).toEqual(before);
  });

  it('never undoes a remote edit or initialisation', () => {
    const doc = makeWorkbook();
    const peer = cloneDoc(doc);
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const id = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 100, h: 100 });
    syncPair(doc, peer);
    setVisualTitle(peer, id, 'from peer');
    syncPair(doc, peer);
    moveVisual(doc, id, 9, 9);
    undo.undo();
    undo.undo();
    expect(undo.canUndo()).toBe(false);
    const snap = readWorkbook(doc);
    // our add and move are undone; the peer's title edit on the deleted visual is gone with it,
    // the rest of the workbook (from initWorkbook) stays
    expect(snap.visuals).toEqual({});
    expect(snap.pageOrder).toEqual([FIRST_PAGE]);
    expect(snap.meta.name).toBe('Sales');
  });

  it('keeps a peer edit made on another visual when undoing ours', () => {
    const doc = makeWorkbook();
    const a = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 100, h: 100 });
    const b = addVisual(doc, { pageId: FIRST_PAGE, type: 'card', x: 0, y: 0, w: 100, h: 100 });
    const peer = cloneDoc(doc);
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    moveVisual(doc, a, 10, 10);
    moveVisual(peer, b, 70, 70);
    syncPair(doc, peer);
    undo.undo();
    syncPair(doc, peer);
    for (const d of [doc, peer] as Y.Doc[]) {
      expect(readWorkbook(d).visuals[a]).toMatchObject({ x: 0, y: 0 });
      expect(readWorkbook(d).visuals[b]).toMatchObject({ x: 70, y: 70 });
    }
  });
});
