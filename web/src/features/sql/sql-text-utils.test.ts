import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { capQuery, positionToLineColumn, runTarget, tokenEnd, uncapErrorMessage } from './sql-text-utils';

describe('positionToLineColumn', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const text = 'SELECT 1\nFROM t\nWHERE x';
    expect(positionToLineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionToLineColumn(text, 7)).toEqual({ line: 1, column: 8 });
    expect(positionToLineColumn(text, 9)).toEqual({ line: 2, column: 1 });
    expect(positionToLineColumn(text, text.indexOf('x'))).toEqual({ line: 3, column: 7 });
  });

  it('clamps out-of-range positions and handles CRLF', () => {
    expect(positionToLineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
    expect(positionToLineColumn('ab', -4)).toEqual({ line: 1, column: 1 });
    expect(positionToLineColumn('a\r\nbc', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('runTarget and tokenEnd', () => {
  it('runs the selection when there is one, else everything', () => {
    expect(runTarget('SELECT 1; SELECT 2', 10, 18)).toEqual({ sql: 'SELECT 2', start: 10 });
    expect(runTarget('SELECT 1', 3, 3)).toEqual({ sql: 'SELECT 1', start: 0 });
    expect(runTarget('SELECT 1   ', 9, 11)).toEqual({ sql: 'SELECT 1   ', start: 0 });
  });

  it('finds the end of the token at a position', () => {
    expect(tokenEnd('SELECT foo_bar FROM', 7)).toBe(14);
    expect(tokenEnd('a + b', 2)).toBe(3);
  });
});

describe('capQuery', () => {
  it('wraps single read queries and leaves everything else alone', () => {
    expect(capQuery('SELECT 1;', 10)).toEqual({ sql: 'SELECT * FROM (\nSELECT 1\n) LIMIT 11', prefixLength: 16, capped: true });
    expect(capQuery('-- top\nWITH a AS (SELECT 1) SELECT * FROM a', 5).capped).toBe(true);
    expect(capQuery('CREATE TABLE x AS SELECT 1').capped).toBe(false);
    expect(capQuery('DESCRIBE t').capped).toBe(false);
    expect(capQuery('SELECT 1; SELECT 2').capped).toBe(false);
    expect(capQuery("SELECT ';' AS semi").capped).toBe(true);
  });

  describe('in a real DuckDB', () => {
    let db: AsyncDuckDB;
    let conn: AsyncDuckDBConnection;
    beforeAll(async () => {
      ({ db } = await nodeDuckDBFactory());
      conn = await db.connect();
    });
    afterAll(async () => {
      await conn?.close();
      await db?.terminate();
    });

    it('keeps the order of the wrapped query and returns cap + 1 rows', async () => {
      const capped = capQuery('SELECT range AS n FROM range(1000000) ORDER BY n DESC -- last line comment', 1000);
      const rows = (await conn.query(capped.sql)).toArray().map((row: { toJSON(): { n: bigint } }) => Number(row.toJSON().n));
      expect(rows.length).toBe(1001);
      expect(rows.slice(0, 3)).toEqual([999999, 999998, 999997]);
      expect(rows.every((value, index) => index === 0 || value < rows[index - 1])).toBe(true);
    });

    it('points errors at the user text after the prefix is subtracted', async () => {
      const user = 'SELECT *\nFROM no_such_table';
      const capped = capQuery(user);
      const error = await conn.query(capped.sql).then(
        () => null,
        (caught: unknown) => caught as Error,
      );
      expect(error?.message).toMatch(/LINE 3: FROM no_such_table/);
      expect(uncapErrorMessage(error?.message ?? '', capped)).toMatch(/LINE 2: FROM no_such_table/);
    });
  });
});
