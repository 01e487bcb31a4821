import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/errors';
import { FIRST_PAGE, makeWorkbook } from '../../test/helpers';
import { createUndoManager, readWorkbook, setPageBackground } from '../index';

describe('setPageBackground', () => {
  it('sets, clears and validates the page background; absent by default', () => {
    const doc = makeWorkbook();
    expect('background' in readWorkbook(doc).pages[FIRST_PAGE]).toBe(false);
    setPageBackground(doc, FIRST_PAGE, '#F3F2F1');
    expect(readWorkbook(doc).pages[FIRST_PAGE].background).toBe('#F3F2F1');
    setPageBackground(doc, FIRST_PAGE, null);
    expect('background' in readWorkbook(doc).pages[FIRST_PAGE]).toBe(false);
    const bad = errorOf(() => setPageBackground(doc, FIRST_PAGE, 'red; x'));
    expect(bad.field).toBe('color');
    expect(bad.message).toContain('hex colour');
    expect(errorOf(() => setPageBackground(doc, 'nope', '#fff')).field).toBe('id');
  });

  it('is one undo step', () => {
    const doc = makeWorkbook();
    const undo = createUndoManager(doc);
    setPageBackground(doc, FIRST_PAGE, '#101010');
    undo.stopCapturing();
    setPageBackground(doc, FIRST_PAGE, '#202020');
    undo.undo();
    expect(readWorkbook(doc).pages[FIRST_PAGE].background).toBe('#101010');
    undo.undo();
    expect(readWorkbook(doc).pages[FIRST_PAGE].background).toBeUndefined();
  });
});
