/**
 * A small accessible menu (role="menu" / "menuitem"): focus moves into it on open, arrow keys /
 * Home / End move between items, Escape or a click elsewhere closes it. Rendered in a portal at a
 * fixed viewport position.
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  shortcut?: string;
  /** draws a separator above the item */
  separated?: boolean;
}

export function Menu({ label, items, x, y, onClose }: { label: string; items: MenuItem[]; x: number; y: number; onClose: () => void }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (event: PointerEvent) => {
      if (ref.current && event.target instanceof Node && ref.current.contains(event.target)) return;
      onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (index: number) => all[(index + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else return;
    event.preventDefault();
  };

  // Keep the menu on screen.
  const left = Math.max(4, Math.min(x, window.innerWidth - 230));
  const top = Math.max(4, Math.min(y, window.innerHeight - items.length * 30 - 16));
  return createPortal(
    <div ref={ref} role="menu" aria-label={label} className="canvas-menu" style={{ left, top }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((item) => (
        <div key={item.label} className={item.separated ? 'canvas-menu__group' : undefined}>
          <button
            type="button"
            role="menuitem"
            className="canvas-menu__item"
            aria-disabled={item.disabled ? 'true' : undefined}
            tabIndex={-1}
            onClick={() => {
              if (item.disabled) return;
              onClose();
              item.onSelect();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut ? <span className="canvas-menu__shortcut">{item.shortcut}</span> : null}
          </button>
        </div>
      ))}
    </div>,
    document.body,
  );
}
