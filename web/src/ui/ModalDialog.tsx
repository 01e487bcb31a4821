/**
 * A native modal `<dialog>` opened on mount and closed on unmount; Escape calls `onClose` (the owner unmounts it).
 * Pointer and key events inside do not reach the view behind it through React's tree (the canvas's selection and
 * drags, the views' shortcuts: Ctrl+Z in a text box undoes text, not the workbook).
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
      role="dialog"
      aria-label={label}
      className={className}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        onKeyDown?.(e);
      }}
    >
      {children}
    </dialog>
  );
}
