import { describe, expect, it } from 'vitest';
import { clampToPage, fitScale, movedRect, nudgeDelta, pastedRect, rectAtDrop, resizedRect, snap } from './geometry';

const page = { width: 1280, height: 720 };

describe('canvas geometry', () => {
  it('snaps to the 8-px grid', () => {
    expect(snap(0)).toBe(0);
    expect(snap(3)).toBe(0);
    expect(snap(4)).toBe(8);
    expect(snap(13)).toBe(16);
    expect(snap(-5)).toBe(-8);
  });

  it('moves with snapping and keeps the visual on the page', () => {
    expect(movedRect({ x: 16, y: 16, w: 200, h: 100 }, 21, 5, page)).toEqual({ x: 40, y: 24, w: 200, h: 100 });
    expect(movedRect({ x: 16, y: 16, w: 200, h: 100 }, -100, -100, page)).toEqual({ x: 0, y: 0, w: 200, h: 100 });
    expect(movedRect({ x: 1000, y: 600, w: 200, h: 100 }, 500, 500, page)).toEqual({ x: 1080, y: 620, w: 200, h: 100 });
  });

  it('resizes from each handle, keeping the opposite edges and a minimum size', () => {
    const r = { x: 80, y: 80, w: 200, h: 120 };
    expect(resizedRect(r, 'se', 30, 10, page)).toEqual({ x: 80, y: 80, w: 232, h: 128 });
    expect(resizedRect(r, 'nw', -24, -24, page)).toEqual({ x: 56, y: 56, w: 224, h: 144 });
    expect(resizedRect(r, 'e', -1000, 0, page).w).toBe(48);
    expect(resizedRect(r, 'n', 0, 1000, page)).toEqual({ x: 80, y: 160, w: 200, h: 40 });
    expect(resizedRect(r, 'w', -500, 0, page)).toEqual({ x: 0, y: 80, w: 280, h: 120 });
  });

  it('nudges 1 px, or one grid step with Shift', () => {
    expect(nudgeDelta('ArrowLeft', false)).toEqual({ dx: -1, dy: 0 });
    expect(nudgeDelta('ArrowDown', true)).toEqual({ dx: 0, dy: 8 });
    expect(nudgeDelta('a', false)).toBeUndefined();
  });

  it('centres a dropped visual on the drop point, on the grid, on the page', () => {
    expect(rectAtDrop({ x: 300, y: 200 }, 240, 136, page)).toEqual({ x: 184, y: 136, w: 240, h: 136 });
    expect(rectAtDrop({ x: 5, y: 5 }, 240, 136, page)).toEqual({ x: 0, y: 0, w: 240, h: 136 });
  });

  it('places pasted copies offset, and back inside at the edge', () => {
    expect(pastedRect({ x: 100, y: 100, w: 200, h: 100 }, page)).toEqual({ x: 116, y: 116, w: 200, h: 100 });
    expect(pastedRect({ x: 100, y: 100, w: 200, h: 100 }, page, 2)).toEqual({ x: 132, y: 132, w: 200, h: 100 });
    expect(pastedRect({ x: 1080, y: 620, w: 200, h: 100 }, page)).toEqual({ x: 1064, y: 604, w: 200, h: 100 });
  });

  it('clamps and fits', () => {
    expect(clampToPage({ x: -10, y: 5, w: 5000, h: 10 }, page)).toEqual({ x: 0, y: 5, w: 1280, h: 40 });
    expect(fitScale(page, { width: 640, height: 10_000 })).toBe(0.5);
    expect(fitScale(page, { width: 0, height: 0 })).toBe(1);
  });
});
