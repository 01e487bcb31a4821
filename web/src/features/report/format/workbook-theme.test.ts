import { DARK_THEME, LIGHT_THEME, ThemeError } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { customThemeName, encodeImportedTheme, resolveWorkbookTheme, themeChoice } from './workbook-theme';

describe('workbook theme', () => {
  it('follows the app for "default", fixes light/dark otherwise', () => {
    expect(resolveWorkbookTheme('default', 'dark')).toBe(DARK_THEME);
    expect(resolveWorkbookTheme('default', 'light')).toBe(LIGHT_THEME);
    expect(resolveWorkbookTheme('light', 'dark')).toBe(LIGHT_THEME);
    expect(resolveWorkbookTheme('dark', 'light')).toBe(DARK_THEME);
    expect(themeChoice('anything else')).toBe('default');
  });

  it('stores an imported Power BI theme and reads its colours back', () => {
    const stored = encodeImportedTheme(JSON.stringify({ name: 'Tessera', dataColors: ['#7A3E9D', '#00A5A8'], background: '#FAFAFA', visualStyles: {} }));
    expect(JSON.parse(stored)).toEqual({ name: 'Tessera', dataColors: ['#7A3E9D', '#00A5A8'], background: '#FAFAFA' });
    expect(themeChoice(stored)).toBe('custom');
    expect(customThemeName(stored)).toBe('Tessera');
    const tokens = resolveWorkbookTheme(stored, 'dark');
    expect(tokens.dataColors).toEqual(['#7A3E9D', '#00A5A8']);
    expect(tokens.background).toBe('#FAFAFA');
  });

  it('names an unnamed theme after its file', () => {
    expect(customThemeName(encodeImportedTheme('{"dataColors":["#123456"]}', 'ocean.json'))).toBe('ocean');
  });

  it('refuses a bad theme file with every problem listed', () => {
    let error: unknown;
    try {
      encodeImportedTheme('{"dataColors":["#12", "blue"], "background": 3}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThemeError);
    expect((error as ThemeError).problems).toHaveLength(3);
    expect(() => encodeImportedTheme('not json')).toThrow(/not valid JSON/);
  });

  it('falls back to the app theme when a stored custom theme is broken', () => {
    expect(resolveWorkbookTheme('{"dataColors": []}', 'light')).toBe(LIGHT_THEME);
  });
});
