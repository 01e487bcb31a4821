/**
 * Builders for tests (`@tessera/shared/testing`), shared by the packages' unit and integration tests. Not used by
 * the app.
 */
import * as Y from 'yjs';
import { addDataset } from './workbook/dataset-commands';
import { initWorkbook } from './workbook/doc';
import type { DatasetEntry } from './workbook/schema';

/** A dataset entry with `columns` as [name, DuckDB type] pairs (a derived source; the version "v1"). */
export const testDataset = (id: string, name: string, columns: [string, string][], rowCount = 100): DatasetEntry => ({
  id,
  name,
  source: { kind: 'derived', sql: 'fixture' },
  columns: columns.map(([n, type]) => ({ name: n, type })),
  rowCount,
  version: 'v1',
  refreshedAt: '',
  transforms: [],
});

/** A new workbook document holding one file dataset, "sales" (region VARCHAR, quantity BIGINT by default). */
export function salesWorkbook(columns: [string, string][] = [['region', 'VARCHAR'], ['quantity', 'BIGINT']]): { doc: Y.Doc; ds: string } {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'w' });
  const ds = addDataset(doc, {
    name: 'sales',
    source: { kind: 'file', fileName: 'sales.csv', format: 'csv' },
    columns: columns.map(([name, type]) => ({ name, type })),
    rowCount: 1,
    version: 'v1',
  });
  return { doc, ds };
}
