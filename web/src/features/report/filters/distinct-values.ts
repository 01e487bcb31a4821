/** The SQL of a basic filter's value list: each distinct value of a column with its row count (blanks last). */
import { duckdb, tableOf, type ColumnFieldRef } from '@tessera/shared';

export const DISTINCT_LIMIT = 1000;

export function distinctValuesSql(field: ColumnFieldRef, limit = DISTINCT_LIMIT): string {
  const column = duckdb.identifier(field.column);
  return `SELECT ${column} AS "value", CAST(COUNT(*) AS INTEGER) AS "count" FROM ${duckdb.identifier(tableOf(field.datasetId))} GROUP BY 1 ORDER BY 1 NULLS LAST LIMIT ${duckdb.limit(limit + 1)}`;
}
