import { addVisual, initWorkbook, readWorkbook, visualsOnPage } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alignVisuals, distributeVisuals, restackVisuals } from './arrange-actions';

function setup() {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'Arrange' });
  const pageId = readWorkbook(doc).pageOrder[0];
  const add = (title: string, x: number, y: number) => addVisual(doc, { pageId, type: 'bar', x, y, w: 100, h: 60, title });
  const ids = [add('a', 16, 16), add('b', 200, 120), add('c', 500, 40), add('d', 48, 300)];
  const order = () => visualsOnPage(readWorkbook(doc), pageId).map((v) => v.title);
  return { doc, ids, order };
}

describe('arrange actions on a real workbook', () => {
  it('aligns and distributes through moveVisual', () => {
    const { doc, ids } = setup();
    expect(alignVisuals(doc, [ids[0], ids[1]], 'left')).toBe(1);
    expect(readWorkbook(doc).visuals[ids[1]].x).toBe(16);
    expect(alignVisuals(doc, [ids[0]], 'left')).toBe(0);
    distributeVisuals(doc, [ids[0], ids[2], ids[3]], 'vertical');
    const v = readWorkbook(doc).visuals;
    // 16..360 span, heights 180 → gaps 82: c at 16+60+82 = 158
    expect(v[ids[2]].y).toBe(158);
    expect(v[ids[0]].y).toBe(16);
    expect(v[ids[3]].y).toBe(300);
  });

  it('restacks several visuals keeping their own order', () => {
    const { doc, ids, order } = setup();
    restackVisuals(doc, [ids[0], ids[1]], 'front');
    expect(order()).toEqual(['c', 'd', 'a', 'b']);
    restackVisuals(doc, [ids[0], ids[1]], 'back');
    expect(order()).toEqual(['a', 'b', 'c', 'd']);
    restackVisuals(doc, [ids[0], ids[1]], 'forward');
    expect(order()).toEqual(['c', 'a', 'b', 'd']);
    restackVisuals(doc, [ids[1], ids[3]], 'backward');
    expect(order()).toEqual(['c', 'b', 'd', 'a']);
  });
});
