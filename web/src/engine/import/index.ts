/** The import pipeline (no React): detect → preview → commit. */
export { ACCEPTED_EXTENSIONS, detectFormat } from './detect-format';
export { previewImport, PREVIEW_ROWS } from './preview';
export { commitImport, contentVersion, defaultDatasetName } from './commit';
export {
  IMPORT_COLUMN_TYPES,
  ImportCancelledError,
  ImportError,
  type CommitOptions,
  type ImportFormat,
  type ImportOptions,
  type ImportPhase,
  type ImportPreview,
  type ImportResult,
  type ImportStore,
  type PreviewColumn,
  type ResolvedImportOptions,
} from './types';
