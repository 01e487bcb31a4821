import { describe, expect, it } from 'vitest';
import { alignRects, distributeRects, guidesFor, marqueeHits, rectFromPoints } from './arrange';

const a = { x: 10, y: 20, w: 100, h: 50 };
const b = { x: 200, y: 100, w: 60, h: 80 };
const c = { x: 400, y: 300, w: 40, h: 40 };

describe('marquee', () => {
  it('selects the rects the marquee touches, dragged in any direction', () => {
    expect(rectFromPoints({ x: 250, y: 150 }, { x: 5, y: 5 })).toEqual({ x: 5, y: 5, w: 245, h: 145 });
    expect(marqueeHits(rectFromPoints({ x: 250, y: 150 }, { x: 5, y: 5 }), { a, b, c })).toEqual(['a', 'b']);
    expect(marqueeHits({ x: 115, y: 0, w: 50, h: 50 }, { a, b, c })).toEqual([]);
    expect(marqueeHits({ x: 110, y: 0, w: 1, h: 1 }, { a, b, c })).toEqual([]);
    expect(marqueeHits({ x: 109, y: 69, w: 1, h: 1 }, { a, b, c })).toEqual(['a']);
  });
});

describe('align', () => {
  it('aligns edges and centres to the bounding box of the selection', () => {
    expect(alignRects({ a, b, c }, 'left')).toEqual({ b: { x: 10, y: 100 }, c: { x: 10, y: 300 } });
    expect(alignRects({ a, b, c }, 'right')).toEqual({ a: { x: 340, y: 20 }, b: { x: 380, y: 100 } });
    expect(alignRects({ a, b }, 'center')).toEqual({ a: { x: 85, y: 20 }, b: { x: 105, y: 100 } });
    expect(alignRects({ a, b, c }, 'top')).toEqual({ b: { x: 200, y: 20 }, c: { x: 400, y: 20 } });
    expect(alignRects({ a, b, c }, 'bottom')).toEqual({ a: { x: 10, y: 290 }, b: { x: 200, y: 260 } });
    expect(alignRects({ a, b }, 'middle')).toEqual({ a: { x: 10, y: 75 }, b: { x: 200, y: 60 } });
  });
  it('needs two visuals', () => {
    expect(alignRects({ a }, 'left')).toEqual({});
  });
});

describe('distribute', () => {
  it('makes equal gaps, keeping the outer visuals in place', () => {
    // total span 10..440 = 430, widths 200 → gaps of 115
    expect(distributeRects({ c, a, b }, 'horizontal')).toEqual({ b: { x: 225, y: 100 } });
    // span 20..340 = 320, heights 170 → gaps of 75
    expect(distributeRects({ a, b, c }, 'vertical')).toEqual({ b: { x: 200, y: 145 } });
  });
  it('needs three visuals', () => {
    expect(distributeRects({ a, b }, 'horizontal')).toEqual({});
  });
});

describe('alignment guides', () => {
  it('snaps a near edge onto another visual and draws the line', () => {
    const moving = { m: { x: 13, y: 400, w: 80, h: 40 } };
    const { dx, dy, guides } = guidesFor(moving, [a]);
    expect(dx).toBe(-3);
    expect(dy).toBe(0);
    expect(guides).toEqual([{ orientation: 'vertical', at: 10, from: 20, to: 440 }]);
  });
  it('snaps centres too, and nothing when far away', () => {
    const { dx, guides } = guidesFor({ m: { x: 32, y: 400, w: 60, h: 40 } }, [a]);
    expect(dx).toBe(-2);
    expect(guides.map((g) => g.at)).toEqual([60]);
    expect(guidesFor({ m: { x: 600, y: 600, w: 10, h: 10 } }, [a])).toEqual({ dx: 0, dy: 0, guides: [] });
  });
});
