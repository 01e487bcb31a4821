/**
 * A native modal `<dialog>` opened on mount and closed on unmount; Escape calls `onClose` (the owner unmounts it), and
 * keys typed inside do not reach the view's shortcuts (Ctrl+Z in the expression undoes text, not the model).
 */
import { useEffect, useRef, type ReactNode, type KeyboardEvent } from 'react';

export function ModalDialog({ label, className, onClose, onKeyDown, children }: { label: string; className: string; onClose: () => void; onKeyDown?: (e: KeyboardEvent) => void; children: ReactNode }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={className}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        onKeyDown?.(e);
      }}
    >
      {children}
    </dialog>
  );
}
