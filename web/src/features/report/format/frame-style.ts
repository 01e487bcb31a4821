/** Inline styles the canvas applies from the theme and the format options (visual frame, page). */
import { readVisualFormat, type Page, type ThemeTokens } from '@tessera/shared';
import type { CSSProperties } from 'react';

/** A visual's frame: its background (format or theme), text colour, and the format pane's border. */
export function visualFrameStyle(format: Record<string, unknown>, theme: ThemeTokens): CSSProperties {
  const fmt = readVisualFormat(format);
  const style: CSSProperties = { background: fmt.background ?? theme.background, color: theme.foreground };
  if (fmt.border.show) {
    style.outline = `${Math.max(1, fmt.border.width)}px solid ${fmt.border.color ?? theme.gridColor}`;
    style.outlineOffset = -1;
  }
  return style;
}

/** The page canvas colour: the page's background, else the theme's. */
export function pageBackground(page: Page, theme: ThemeTokens): string {
  return page.background ?? theme.background;
}
