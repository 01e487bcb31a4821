/**
 * The SQL of a basic filter's value list: each distinct value of a column with its row count (blanks last), at most
 * `limit` of them, plus how many distinct values match in all (`total`, the same on every row). The search runs in SQL
 * (case-insensitive "contains", wildcards escaped, on the value as text) so that a value beyond the listed ones can be
 * found; "(Blank)" is found by searching for "blank". A calculated column lists the values of its expression (over the
 * tables it reads through RELATED).
 */
import { duckdb, fieldSource, modelContext, predicateExpr, sqlAst, type CalculatedColumn, type ColumnFieldRef, type DatasetEntry, type Relationship, type SqlQuery } from '@tessera/shared';

/** How many values the card lists at most; the rest are reached by searching. */
export const DISTINCT_LIMIT = 1000;

/** The label of the blank value in the list (and what a search for blanks matches). */
export const BLANK_LABEL = '(Blank)';

export interface DistinctQuery {
  field: ColumnFieldRef;
  /** The datasets of the workbook (the column's type decides how the search compares). */
  datasets: DatasetEntry[];
  /** The relationships and calculated columns, for a field that is a calculated column. */
  relationships?: Relationship[];
  calculatedColumns?: CalculatedColumn[];
  /** Text typed into "Search values"; blank = every value. */
  search?: string;
  limit?: number;
}

export function distinctValuesSql({ field, datasets, relationships = [], calculatedColumns = [], search = '', limit = DISTINCT_LIMIT }: DistinctQuery): string {
  const { cast, fn, isNull, or, over } = sqlAst;
  const ctx = modelContext(datasets, relationships, [], calculatedColumns);
  const source = fieldSource(ctx, field);
  const x = source.field.expr;
  const text = search.trim();
  let where: SqlQuery['where'];
  if (text !== '') {
    const contains = predicateExpr(ctx, { kind: 'compare', field, op: 'contains', value: text });
    where = BLANK_LABEL.toLowerCase().includes(text.toLowerCase()) ? or(contains, isNull(x)) : contains;
  }
  const rows = fn('COUNT', { type: 'star' });
  const query: SqlQuery = {
    select: [
      { expr: x, alias: 'value' },
      { expr: cast(rows, 'INTEGER'), alias: 'count' },
      { expr: cast(over(rows), 'INTEGER'), alias: 'total' },
    ],
    from: source.from,
    joins: source.joins,
    ...(where ? { where } : {}),
    groupBy: { kind: 'plain', exprs: [x] },
    orderBy: [{ expr: x, nulls: 'last' }],
    limit,
  };
  return duckdb.query(query);
}
