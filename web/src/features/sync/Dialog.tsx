import { useEffect, useRef, type ReactNode } from 'react';

/** A modal panel named by its title; Escape or "Close" closes it. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, button:not(.sync-dialog__close)')?.focus();
  }, []);
  return (
    <div className="sync-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className="sync-dialog" role="dialog" aria-modal="true" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <header className="sync-dialog__header">
          <h2 className="sync-dialog__title">{title}</h2>
          <button type="button" className="sync-dialog__close" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

export function ProgressLine({ value, label }: { value: number; label: string }): ReactNode {
  return (
    <div className="sync-progress">
      <progress max={1} value={value} aria-label="Transfer progress" />
      <span>{label}</span>
    </div>
  );
}
