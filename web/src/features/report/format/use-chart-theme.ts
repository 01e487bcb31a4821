/** The theme tokens charts and the canvas use: the workbook's theme (meta.theme), else the app's light/dark choice. */
import type { ThemeTokens } from '@tessera/shared';
import { useMemo } from 'react';
import { useUiStore } from '../../../app/ui-store';
import { useWorkbookSnapshot } from '../../../workbook';
import { resolveWorkbookTheme } from './workbook-theme';

export function useChartTheme(): ThemeTokens {
  const stored = useWorkbookSnapshot().meta.theme;
  const app = useUiStore((s) => s.theme);
  return useMemo(() => resolveWorkbookTheme(stored, app), [stored, app]);
}
