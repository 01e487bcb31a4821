export { FileMenu } from './FileMenu';
export { FilesHost } from './FilesHost';
export { ExportDatasetButton } from './ExportDatasetButton';
export { useWorkbookFiles, TESSERA_FILE_TYPE, type WorkbookFiles } from './use-workbook-files';
export { useFilesStore } from './files-store';
export { TESSERA_EXTENSION, TesseraFileError, packWorkbookFile, unpackWorkbookFile, type TesseraManifest } from './tessera-format';
