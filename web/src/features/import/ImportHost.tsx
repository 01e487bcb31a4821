import type { ReactNode } from 'react';
import { ImportDialog } from './ImportDialog';
import { ImportDropZone } from './ImportDropZone';
import { useImportStore } from './import-store';
import './import.css';

/** Mounted once by the shell: the window drop zone and the import dialog. */
export function ImportHost(): ReactNode {
  const file = useImportStore((state) => state.file);
  const key = useImportStore((state) => state.key);
  const close = useImportStore((state) => state.close);
  return (
    <>
      <ImportDropZone />
      {file && <ImportDialog key={key} file={file} onClose={close} />}
    </>
  );
}
