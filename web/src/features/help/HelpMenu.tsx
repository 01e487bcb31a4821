import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isEditableTarget } from '../report/use-report-keys';
import { isShortcutsKey } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import './help.css';

/** The "Help" menu of the top bar; "?" (outside text fields) and Ctrl+/ open the shortcuts too. */
export function HelpMenu(): ReactNode {
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !isShortcutsKey(event, isEditableTarget(event.target))) return;
      event.preventDefault();
      setMenuOpen(false);
      setDialogOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  return (
    <span className="topbar-menu" ref={root}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((v) => !v)}>
        Help
      </button>
      {menuOpen ? (
        <ul className="topbar-menu__list" role="menu" aria-label="Help">
          <li role="none">
            <button
              type="button"
              role="menuitem"
              className="topbar-menu__item"
              onClick={() => {
                setMenuOpen(false);
                setDialogOpen(true);
              }}
            >
              <span>Keyboard shortcuts</span>
              <kbd>?</kbd>
            </button>
          </li>
        </ul>
      ) : null}
      {dialogOpen ? <ShortcutsDialog onClose={() => setDialogOpen(false)} /> : null}
    </span>
  );
}
