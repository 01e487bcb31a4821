/** Buttons of a visual's header: "Focus mode" and a "More options" menu with "Show data". */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFocusStore } from './focus-store';
import { SortMenu } from '../extras';

const stop = (e: { stopPropagation(): void }) => e.stopPropagation();

export function VisualHeaderActions({ visualId, label }: { visualId: string; label: string }): ReactNode {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const focused = useFocusStore((s) => s.focusedId === visualId);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const showData = () => {
    setOpen(false);
    useFocusStore.getState().showData(visualId);
  };

  return (
    <span className="visual__actions" ref={root} onPointerDown={stop}>
      {focused ? null : (
        <button type="button" className="visual__action" aria-label="Focus mode" title={`Focus mode: show ${label} on its own`} onClick={() => useFocusStore.getState().enter(visualId)}>
          <span aria-hidden="true">⤢</span>
        </button>
      )}
      <button type="button" className="visual__action" aria-label="More options" aria-haspopup="menu" aria-expanded={open} title="More options" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⋯</span>
      </button>
      {open ? (
        <div
          className="visual__menu"
          role="menu"
          aria-label={`Options of ${label}`}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <button type="button" role="menuitem" onClick={showData} autoFocus>
            Show data
          </button>
          <SortMenu visualId={visualId} onDone={() => setOpen(false)} />
          {focused ? null : (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                useFocusStore.getState().enter(visualId);
              }}
            >
              Focus mode
            </button>
          )}
        </div>
      ) : null}
    </span>
  );
}
