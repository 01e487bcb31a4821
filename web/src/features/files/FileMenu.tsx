import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFilesStore } from './files-store';
import { useWorkbookFiles } from './use-workbook-files';

interface Item {
  label: string;
  shortcut?: string;
  run: () => void;
}

/** The "File" menu of the top bar: new, open, save, save as, export the definition. */
export function FileMenu(): ReactNode {
  const files = useWorkbookFiles();
  const dirty = useFilesStore((state) => state.dirty);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const items: Item[] = [
    { label: 'New workbook', run: files.newWorkbook },
    { label: 'Open workbook…', shortcut: 'Ctrl+O', run: () => void files.open() },
    { label: 'Save', shortcut: 'Ctrl+S', run: () => void files.save() },
    { label: 'Save as…', shortcut: 'Ctrl+Shift+S', run: () => void files.saveAs() },
    { label: 'Export definition as JSON', run: files.exportDefinition },
  ];

  return (
    <span className="topbar-menu" ref={root}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        title={dirty ? 'File — changes not saved to a file' : 'File'}
        onClick={() => setOpen((value) => !value)}
      >
        File{dirty ? ' •' : ''}
      </button>
      {open ? (
        <ul className="topbar-menu__list" role="menu" aria-label="File">
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                className="topbar-menu__item"
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
              >
                <span>{item.label}</span>
                {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
