export { ImportButton } from './ImportButton';
export { ImportHost } from './ImportHost';
export { ImportDropZone } from './ImportDropZone';
export { ImportDialog } from './ImportDialog';
export { useImport } from './import-store';
