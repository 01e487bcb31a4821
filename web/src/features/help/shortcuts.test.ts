import { describe, expect, it } from 'vitest';
import { isShortcutsKey, SHORTCUTS, SHORTCUT_SCOPES } from './shortcuts';
import { VIEWS } from '../../app/ui-store';

describe('SHORTCUTS', () => {
  it('has a Ctrl+N row for every view the navigation switches to', () => {
    VIEWS.forEach((_, i) => expect(SHORTCUTS.some((s) => s.keys === `Ctrl+${i + 1}`)).toBe(true));
  });
  it('puts every row in a listed scope, without duplicates', () => {
    for (const s of SHORTCUTS) expect(SHORTCUT_SCOPES).toContain(s.scope);
    const keys = SHORTCUTS.map((s) => `${s.scope}|${s.keys}|${s.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('isShortcutsKey', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('opens on ? outside text fields and on Ctrl+/ anywhere', () => {
    expect(isShortcutsKey(key('?'), false)).toBe(true);
    expect(isShortcutsKey(key('?'), true)).toBe(false);
    expect(isShortcutsKey(key('/', { ctrlKey: true }), true)).toBe(true);
    expect(isShortcutsKey(key('/'), false)).toBe(false);
  });
});
