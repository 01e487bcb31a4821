/**
 * Every write to a workbook goes through one of these commands (DESIGN §2): each validates its
 * input with zod (a `CommandError` names the bad field) and runs as ONE transaction with
 * `LOCAL_ORIGIN`, which `createUndoManager` tracks.
 */
export { CommandError, LOCAL_ORIGIN, createUndoManager, type UndoOptions } from './command-kit';
export { renameWorkbook, setReportFilters, setWorkbookTheme } from './workbook-commands';
export * from './dataset-commands';
export * from './page-commands';
export * from './visual-commands';
export * from './z-order-commands';
export * from './model-commands';
export * from './interaction-commands';
export * from './page-duplicate';
