/**
 * Builders for tests (`@tessera/shared/testing`), shared by the packages' unit and integration tests. Not used by
 * the app.
 */
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
