/**
 * The workbook's report theme, stored in `meta.theme` (a string, through `setWorkbookTheme`):
 * - 'default' — follow the app's light/dark choice;
 * - 'light' / 'dark' — Tessera's light or dark tokens whatever the app shows;
 * - a Power BI theme JSON object (as text) — imported with "Import theme", read with `themeFromPowerBI`.
 * Reading never throws: a stored theme that no longer parses falls back to the app's default.
 */
import { DARK_THEME, LIGHT_THEME, themeFromPowerBI, type ThemeTokens } from '@tessera/shared';

export type AppTheme = 'light' | 'dark';
export type ThemeChoice = 'default' | 'light' | 'dark' | 'custom';

export function themeChoice(stored: string): ThemeChoice {
  if (stored === 'light' || stored === 'dark') return stored;
  if (stored.trim().startsWith('{')) return 'custom';
  return 'default';
}

/** The tokens charts are drawn with. */
export function resolveWorkbookTheme(stored: string, app: AppTheme): ThemeTokens {
  const base = app === 'dark' ? DARK_THEME : LIGHT_THEME;
  const choice = themeChoice(stored);
  if (choice === 'light') return LIGHT_THEME;
  if (choice === 'dark') return DARK_THEME;
  if (choice === 'custom') {
    try {
      return themeFromPowerBI(stored);
    } catch {
      return base;
    }
  }
  return base;
}

/** The name of a stored custom theme (its "name" key), for the pane. */
export function customThemeName(stored: string): string | undefined {
  if (themeChoice(stored) !== 'custom') return undefined;
  try {
    const value = JSON.parse(stored) as unknown;
    if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' && value.name.trim()) return value.name.trim();
  } catch {
    return undefined;
  }
  return 'Custom theme';
}

/**
 * Validates a Power BI theme file's text and returns what to store in `meta.theme`: the keys Tessera
 * uses (name, dataColors, background, foreground, tableAccent), as compact JSON.
 * Throws `ThemeError` (listing every problem) when the file cannot be used.
 */
export function encodeImportedTheme(text: string, fileName?: string): string {
  const tokens = themeFromPowerBI(text);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const name = typeof parsed.name === 'string' && parsed.name.trim() ? parsed.name.trim() : fileName?.replace(/\.json$/i, '') || 'Imported theme';
  const out: Record<string, unknown> = { name, dataColors: tokens.dataColors };
  for (const key of ['background', 'foreground', 'tableAccent'] as const) if (typeof parsed[key] === 'string') out[key] = tokens[key];
  return JSON.stringify(out);
}
