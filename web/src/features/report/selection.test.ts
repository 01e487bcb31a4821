import { describe, expect, it } from 'vitest';
import { clickSelection, moveInList, pruneSelection } from './selection';

describe('selection maths', () => {
  it('a plain click selects only the clicked visual', () => {
    expect(clickSelection(['a', 'b'], 'c', false)).toEqual(['c']);
    expect(clickSelection(['a', 'b'], 'a', false)).toEqual(['a']);
  });

  it('shift/ctrl-click toggles the visual in the selection', () => {
    expect(clickSelection(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(clickSelection(['a', 'b'], 'a', true)).toEqual(['b']);
  });

  it('prunes ids that are gone, keeping the same array when nothing changed', () => {
    const current = ['a', 'b'];
    expect(pruneSelection(current, new Set(['a', 'b', 'c']))).toBe(current);
    expect(pruneSelection(current, new Set(['b']))).toEqual(['b']);
  });

  it('moves an item in a list', () => {
    expect(moveInList(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveInList(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveInList(['a'], 5, 0)).toEqual(['a']);
  });
});
