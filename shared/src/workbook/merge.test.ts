import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, cloneDoc, makeWorkbook, syncPair } from '../../test/helpers';
import { addPage, addVisual, bindField, movePage, moveVisual, readWorkbook, removePage, resizeVisual, setVisualFormat, setVisualTitle } from '../index';

/** Full-state exchange both ways (what a fresh connection does). */
function syncFull(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a);
  const ub = Y.encodeStateAsUpdate(b);
  Y.applyUpdate(b, ua);
  Y.applyUpdate(a, ub);
}

function twoPeers() {
  const a = makeWorkbook(1);
  const v1 = addVisual(a, { id: 'v1', pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 100, h: 100, title: 'Start' });
  const v2 = addVisual(a, { id: 'v2', pageId: FIRST_PAGE, type: 'line', x: 200, y: 0, w: 100, h: 100 });
  const b = cloneDoc(a, 2);
  return { a, b, v1, v2 };
}

describe.each([
  ['full updates', syncFull],
  ['state-vector diffs', syncPair],
])('merging two peers (%s)', (_name, sync) => {
  it('keeps concurrent edits of different properties of one visual', () => {
    const { a, b, v1 } = twoPeers();
    setVisualTitle(a, v1, 'Revenue');
    setVisualFormat(b, v1, 'color', '#00f');
    moveVisual(b, v1, 30, 40);
    bindField(a, v1, 'values', { measureId: 'm' });
    bindField(b, v1, 'category', { datasetId: 'd', column: 'c' });
    sync(a, b);
    for (const d of [a, b]) {
      expect(readWorkbook(d).visuals[v1]).toMatchObject({ title: 'Revenue', x: 30, y: 40, format: { color: '#00f' }, fields: { values: [{ measureId: 'm' }], category: [{ datasetId: 'd', column: 'c' }] } });
    }
    expect(readWorkbook(a)).toEqual(readWorkbook(b));
  });

  it('moves two different visuals moved concurrently', () => {
    const { a, b, v1, v2 } = twoPeers();
    moveVisual(a, v1, 11, 12);
    moveVisual(b, v2, 21, 22);
    resizeVisual(b, v1, 150, 160);
    sync(a, b);
    for (const d of [a, b]) {
      expect(readWorkbook(d).visuals[v1]).toMatchObject({ x: 11, y: 12, w: 150, h: 160 });
      expect(readWorkbook(d).visuals[v2]).toMatchObject({ x: 21, y: 22 });
    }
  });

  it('settles the same property edited on both sides on one value', () => {
    const { a, b, v1 } = twoPeers();
    setVisualTitle(a, v1, 'From A');
    setVisualTitle(b, v1, 'From B');
    moveVisual(a, v1, 1, 1);
    moveVisual(b, v1, 2, 2);
    sync(a, b);
    const sa = readWorkbook(a);
    expect(sa).toEqual(readWorkbook(b));
    expect(['From A', 'From B']).toContain(sa.visuals[v1].title);
    expect([1, 2]).toContain(sa.visuals[v1].x);
    expect(sa.visuals[v1].x).toBe(sa.visuals[v1].y);
  });

  it('keeps pages added on both sides and shows a page moved on both sides once', () => {
    const { a, b } = twoPeers();
    const pa = addPage(a, { id: 'pa', name: 'A' });
    const pb = addPage(b, { id: 'pb', name: 'B' });
    sync(a, b);
    movePage(a, pb, 0);
    movePage(b, pb, 1);
    sync(a, b);
    const order = readWorkbook(a).pageOrder;
    expect(order).toEqual(readWorkbook(b).pageOrder);
    expect([...order].sort()).toEqual([FIRST_PAGE, pa, pb].sort());
  });

  it('drops a visual added to a page that was removed concurrently', () => {
    const { a, b } = twoPeers();
    const p = addPage(a, { id: 'p2', name: 'Two' });
    sync(a, b);
    removePage(a, p);
    addVisual(b, { id: 'orphan', pageId: p, type: 'card', x: 0, y: 0, w: 10, h: 10 });
    sync(a, b);
    expect(readWorkbook(a)).toEqual(readWorkbook(b));
    expect('orphan' in readWorkbook(a).visuals).toBe(false);
    expect(readWorkbook(a).pageOrder).toEqual([FIRST_PAGE]);
  });

  it('applying the same update twice is harmless', () => {
    const { a, b, v1 } = twoPeers();
    moveVisual(a, v1, 5, 5);
    const update = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    Y.applyUpdate(b, update);
    Y.applyUpdate(b, update);
    expect(readWorkbook(b)).toEqual(readWorkbook(a));
  });
});
