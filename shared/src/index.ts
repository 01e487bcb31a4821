export * from './workbook/schema';
export * from './workbook/commands';
export { INIT_ORIGIN, initWorkbook, observeWorkbook, readMeta, readPageOrder, readWorkbook, visualsOnPage, type InitWorkbookInput } from './workbook/doc';
export { CURRENT_SCHEMA_VERSION, MIGRATION_ORIGIN, MigrationError, checkAndMigrate, migrations, readSchemaVersion, type Migration, type MigrationResult } from './workbook/migrations';
export { TOP as WORKBOOK_TOP_TYPES } from './workbook/layout';
export { newId } from './workbook/ids';
export { base64ToBytes, bytesToBase64 } from './workbook/base64';
