import { useRef, type ReactNode } from 'react';
import { ACCEPTED_EXTENSIONS } from '../../engine/import';
import { useImport } from './import-store';

/** "Import data": a button opening the file picker; the chosen file opens the import dialog. */
export function ImportButton(): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const { openImport } = useImport();
  return (
    <>
      <button type="button" className="btn btn--primary" onClick={() => input.current?.click()}>
        Import data
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Choose a file to import"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) openImport(file);
        }}
      />
    </>
  );
}
