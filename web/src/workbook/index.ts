export { DatasetAttacher } from './DatasetAttacher';
export { DatasetReconciler } from './dataset-attacher';
export type { AttachInfo, AttachState } from './attach-state';
export {
  WorkbookProvider,
  useAttachStates,
  useDatasetAttachInfo,
  useDatasetAttachState,
  useDatasets,
  useWorkbookDoc,
  useWorkbookInfo,
  useWorkbookSnapshot,
} from './WorkbookProvider';
export { CURRENT_WORKBOOK_KEY, DEFAULT_WORKBOOK_NAME, currentWorkbookId, openLocalWorkbook, type LocalWorkbook } from './open-local-workbook';
