export { HomePanes, HomeView } from './HomeView';
export { WorkbookHousekeeping } from './WorkbookHousekeeping';
export { localWorkbookRegistry, WorkbookRegistry, UNDO_WINDOW_MS, type WorkbookEntry } from './workbook-registry';
