import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPage,
  addVisual,
  bringVisualForward,
  bringVisualToFront,
  createUndoManager,
  initWorkbook,
  readWorkbook,
  sendVisualBackward,
  sendVisualToBack,
  visualsOnPage,
  CommandError,
} from '../index';

function page() {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'Z' });
  const pageId = readWorkbook(doc).pageOrder[0];
  const ids = ['a', 'b', 'c', 'd'].map((title) => addVisual(doc, { pageId, type: 'bar', x: 0, y: 0, w: 100, h: 100, title }));
  const order = () => visualsOnPage(readWorkbook(doc), pageId).map((v) => v.title);
  return { doc, pageId, ids, order };
}

describe('z-order commands', () => {
  it('moves one step forward / backward, to the back, and to the front', () => {
    const { doc, ids, order } = page();
    expect(order()).toEqual(['a', 'b', 'c', 'd']);
    bringVisualForward(doc, ids[0]);
    expect(order()).toEqual(['b', 'a', 'c', 'd']);
    sendVisualBackward(doc, ids[2]);
    expect(order()).toEqual(['b', 'c', 'a', 'd']);
    sendVisualToBack(doc, ids[3]);
    expect(order()).toEqual(['d', 'b', 'c', 'a']);
    bringVisualToFront(doc, ids[3]);
    expect(order()).toEqual(['b', 'c', 'a', 'd']);
    // At the ends the steps change nothing.
    bringVisualForward(doc, ids[3]);
    sendVisualBackward(doc, ids[1]);
    sendVisualToBack(doc, ids[1]);
    expect(order()).toEqual(['b', 'c', 'a', 'd']);
  });

  it('is one undoable transaction and rejects unknown ids', () => {
    const { doc, ids, order } = page();
    const undo = createUndoManager(doc);
    sendVisualToBack(doc, ids[3]);
    expect(order()).toEqual(['d', 'a', 'b', 'c']);
    undo.undo();
    expect(order()).toEqual(['a', 'b', 'c', 'd']);
    expect(() => bringVisualForward(doc, 'nope')).toThrow(CommandError);
    expect(() => sendVisualToBack(doc, 'nope')).toThrow(/no visual with id "nope"/);
  });

  it('only restacks the visuals of the same page', () => {
    const { doc, ids, order } = page();
    const otherPage = addPage(doc, { name: 'Other' });
    const other = addVisual(doc, { pageId: otherPage, type: 'card', x: 0, y: 0, w: 50, h: 50 });
    const zOther = readWorkbook(doc).visuals[other]?.z;
    sendVisualToBack(doc, ids[2]);
    expect(order()).toEqual(['c', 'a', 'b', 'd']);
    expect(readWorkbook(doc).visuals[other]?.z).toBe(zOther);
  });
});
