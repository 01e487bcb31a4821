/**
 * The SQL of a basic filter's value list: each distinct value of a column with its row count (blanks last), at most
 * `limit` of them, plus how many distinct values match in all (`total`, the same on every row). The search runs in SQL
 * (case-insensitive "contains", wildcards escaped, on the value as text) so that a value beyond the listed ones can be
 * found; "(Blank)" is found by searching for "blank".
 */
import { compilePredicate, duckdb, tableOf, type ColumnFieldRef, type DatasetEntry } from '@tessera/shared';

/** How many values the card lists at most; the rest are reached by searching. */
export const DISTINCT_LIMIT = 1000;

/** The label of the blank value in the list (and what a search for blanks matches). */
export const BLANK_LABEL = '(Blank)';

export interface DistinctQuery {
  field: ColumnFieldRef;
  /** The datasets of the workbook (the column's type decides how the search compares). */
  datasets: DatasetEntry[];
  /** Text typed into "Search values"; blank = every value. */
  search?: string;
  limit?: number;
}

export function distinctValuesSql({ field, datasets, search = '', limit = DISTINCT_LIMIT }: DistinctQuery): string {
  const column = `${duckdb.identifier(tableOf(field.datasetId))}.${duckdb.identifier(field.column)}`;
  const text = search.trim();
  let where = '';
  if (text !== '') {
    const contains = compilePredicate({ kind: 'compare', field, op: 'contains', value: text }, datasets);
    where = ` WHERE ${BLANK_LABEL.toLowerCase().includes(text.toLowerCase()) ? `(${contains} OR ${column} IS NULL)` : contains}`;
  }
  return (
    `SELECT ${column} AS "value", CAST(COUNT(*) AS INTEGER) AS "count", CAST(COUNT(*) OVER () AS INTEGER) AS "total" ` +
    `FROM ${duckdb.identifier(tableOf(field.datasetId))}${where} GROUP BY 1 ORDER BY 1 NULLS LAST LIMIT ${duckdb.limit(limit)}`
  );
}
