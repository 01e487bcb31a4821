/**
 * Ephemeral UI state of the shell: the current view and the colour theme. Nothing about the
 * workbook's design lives here (that is the Y.Doc); only the theme choice survives a reload,
 * through localStorage.
 */
import { create } from 'zustand';

export type ViewId = 'report' | 'data' | 'model' | 'sql' | 'home';
export type Theme = 'light' | 'dark';

export const VIEWS: { id: ViewId; label: string }[] = [
  { id: 'report', label: 'Report' },
  { id: 'data', label: 'Data' },
  { id: 'model', label: 'Model' },
  { id: 'sql', label: 'SQL' },
  { id: 'home', label: 'Home' },
];

export const THEME_STORAGE_KEY = 'tessera-theme';

function isView(value: string): value is ViewId {
  return VIEWS.some((view) => view.id === value);
}

/** The view named by the URL hash (`#/data`), so a reload keeps the view. */
export function viewFromHash(hash: string): ViewId | undefined {
  const name = hash.replace(/^#\/?/, '');
  return isView(name) ? name : undefined;
}

function initialTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // storage blocked: fall through to the system preference
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface UiState {
  view: ViewId;
  theme: Theme;
  setView(view: ViewId): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
}

export const useUiStore = create<UiState>()((set, get) => ({
  view: (typeof location !== 'undefined' && viewFromHash(location.hash)) || 'report',
  theme: initialTheme(),
  setView(view) {
    if (get().view === view) return;
    set({ view });
    if (typeof history !== 'undefined') history.replaceState(history.state, '', `#/${view}`);
  },
  setTheme(theme) {
    set({ theme });
    try {
      localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // the choice just will not survive a reload
    }
  },
  toggleTheme() {
    get().setTheme(get().theme === 'dark' ? 'light' : 'dark');
  },
}));
