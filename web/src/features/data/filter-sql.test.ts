import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { compileFilter, compileWhere, countSql, FilterInputError, literalFor, pageSql, statsSql, type ColumnInfo, type DatasetQuery } from './filter-sql';
import { quoteIdent, quoteLiteral } from './sql-text';

const columns: ColumnInfo[] = [
  { name: 'id', type: 'INTEGER' },
  { name: 'we"ird name', type: 'VARCHAR' },
  { name: 'amount', type: 'DECIMAL(10,2)' },
  { name: 'day', type: 'DATE' },
];

describe('quoting', () => {
  it('doubles embedded quotes in identifiers and literals', () => {
    expect(quoteIdent('we"ird name')).toBe('"we""ird name"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral("'; DROP TABLE t; --")).toBe("'''; DROP TABLE t; --'");
  });
});

describe('compileFilter', () => {
  it('compiles each operator', () => {
    expect(compileFilter({ column: 'id', op: 'gt', value: ' 5 ' }, columns)).toBe('"id" > 5');
    expect(compileFilter({ column: 'amount', op: 'between', value: '1.5', value2: '10' }, columns)).toBe('"amount" BETWEEN 1.5 AND 10');
    expect(compileFilter({ column: 'we"ird name', op: 'contains', value: "O'Br" }, columns)).toBe(`contains(lower(CAST("we""ird name" AS VARCHAR)), lower('O''Br'))`);
    expect(compileFilter({ column: 'day', op: 'lt', value: '2024-02-01' }, columns)).toBe(`"day" < DATE '2024-02-01'`);
    expect(compileFilter({ column: 'we"ird name', op: 'isNull' }, columns)).toBe('"we""ird name" IS NULL');
    expect(compileFilter({ column: 'id', op: 'notNull' }, columns)).toBe('"id" IS NOT NULL');
  });

  it('refuses values that do not fit the column type, with a message that says how to write them', () => {
    expect(() => literalFor('1; DROP TABLE x', columns[0])).toThrow(FilterInputError);
    expect(() => literalFor('abc', columns[2])).toThrow(/not a number.*amount holds DECIMAL/);
    expect(() => literalFor('31/01/2024', columns[3])).toThrow(/YYYY-MM-DD/);
    expect(() => compileFilter({ column: 'id', op: 'eq', value: '' }, columns)).toThrow(/Enter a value/);
    expect(() => compileFilter({ column: 'gone', op: 'isNull' }, columns)).toThrow(/no column named “gone”/);
  });

  it('joins filters with AND and leaves no WHERE without filters', () => {
    expect(compileWhere([], columns)).toBe('');
    expect(compileWhere([{ column: 'id', op: 'gt', value: '1' }, { column: 'id', op: 'lt', value: '9' }], columns)).toBe('WHERE ("id" > 1) AND ("id" < 9)');
  });
});

describe('compiled SQL in a real DuckDB', () => {
  let db: AsyncDuckDB;
  let conn: AsyncDuckDBConnection;
  const table = `sales "2024"`;
  const query = (filters: DatasetQuery['filters'], sort: DatasetQuery['sort'] = null): DatasetQuery => ({ table, columns, filters, sort });

  const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
    (await conn.query(sql)).toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());

  beforeAll(async () => {
    ({ db } = await nodeDuckDBFactory());
    conn = await db.connect();
    await conn.query(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM (VALUES
      (1, 'O''Brien', 10.50, DATE '2024-01-05'),
      (2, '100% pure_cotton', 20.00, DATE '2024-02-10'),
      (3, NULL, 5.25, DATE '2024-03-15'),
      (4, 'obrien lower', NULL, NULL)
    ) AS t(${columns.map((column) => quoteIdent(column.name)).join(', ')})`);
  });

  afterAll(async () => {
    await conn?.close();
    await db?.terminate();
  });

  it('filters with quotes and wildcard characters taken literally', async () => {
    const quote = await rows(pageSql(query([{ column: 'we"ird name', op: 'contains', value: "o'b" }]), 0, 100));
    expect(quote.map((row) => row.id)).toEqual([1]);
    const percent = await rows(pageSql(query([{ column: 'we"ird name', op: 'contains', value: '0% pure_' }]), 0, 100));
    expect(percent.map((row) => row.id)).toEqual([2]);
    const underscore = await rows(pageSql(query([{ column: 'we"ird name', op: 'contains', value: '_' }]), 0, 100));
    expect(underscore.map((row) => row.id)).toEqual([2]);
  });

  it('sorts, pages and counts', async () => {
    const sorted = await rows(pageSql(query([{ column: 'amount', op: 'notNull' }], { column: 'amount', direction: 'desc' }), 1, 2));
    expect(sorted.map((row) => row.id)).toEqual([1, 3]);
    const between = await rows(countSql(query([{ column: 'day', op: 'between', value: '2024-01-01', value2: '2024-02-28' }])));
    expect(Number(between[0].n)).toBe(2);
    const nulls = await rows(countSql(query([{ column: 'we"ird name', op: 'isNull' }])));
    expect(Number(nulls[0].n)).toBe(1);
  });

  it('computes column statistics, exact and approximate', async () => {
    for (const approximate of [false, true]) {
      const [stats] = await rows(statsSql(query([]), 'we"ird name', approximate));
      expect(Number(stats.rows)).toBe(4);
      expect(Number(stats.nulls)).toBe(1);
      expect(Number(stats.distinct)).toBe(3);
      expect(stats.min).toBe('100% pure_cotton');
      expect(stats.max).toBe('obrien lower');
    }
  });
});
