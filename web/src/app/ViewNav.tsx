import { useEffect, type ReactNode } from 'react';
import { useUiStore, VIEWS, viewFromHash } from './ui-store';

const ICONS: Record<string, ReactNode> = {
  report: <path d="M3 16V9h3v7H3zm5 0V4h3v12H8zm5 0v-5h3v5h-3z" />,
  data: <path d="M3 3h14v14H3V3zm1.5 1.5v3h11v-3h-11zm0 4.5v3h5v-3h-5zm6.5 0v3h4.5v-3H11zm-6.5 4.5v3h5v-3h-5zm6.5 0v3h4.5v-3H11z" />,
  model: <path d="M4 3h5v4H4V3zm7 10h5v4h-5v-4zM4 13h5v4H4v-4zm2.5-6h1v6h-1V7zm1 7.5h3.5v1H7.5v-1z" />,
  home: <path d="M10 2.5l7.5 6.5h-2.2v8h-4v-5h-2.6v5h-4v-8H2.5L10 2.5z" />,
  sql: <path d="M3 4h14v12H3V4zm1.5 1.5v9h11v-9h-11zM6 8l2.5 2L6 12l-.8-.9L6.8 10 5.2 8.9 6 8zm3.5 3.5h4v1h-4v-1z" />,
};

/** Left navigation: Report / Data / Model / SQL / Home. Ctrl+1..5 (⌘ on macOS) switch too. */
export function ViewNav(): ReactNode {
  const view = useUiStore((state) => state.view);
  const setView = useUiStore((state) => state.setView);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index >= VIEWS.length) return;
      event.preventDefault();
      setView(VIEWS[index].id);
    };
    const onHash = (): void => {
      const next = viewFromHash(location.hash);
      if (next) setView(next);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
    };
  }, [setView]);

  return (
    <nav className="viewnav" aria-label="Views">
      <ul>
        {VIEWS.map((entry, index) => (
          <li key={entry.id}>
            <a
              href={`#/${entry.id}`}
              className="viewnav__link"
              aria-current={view === entry.id ? 'page' : undefined}
              title={`${entry.label} (Ctrl+${index + 1})`}
              onClick={(event) => {
                event.preventDefault();
                setView(entry.id);
              }}
            >
              <svg viewBox="0 0 20 20" aria-hidden="true">
                {ICONS[entry.id]}
              </svg>
              <span>{entry.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
