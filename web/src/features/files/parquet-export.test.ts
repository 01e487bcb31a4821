import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../../engine/local-engine';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { exportQueryToParquet, parquetKindOf } from './parquet-export';

describe('exportQueryToParquet (real DuckDB-wasm → hyparquet)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('maps DuckDB types to Parquet kinds', () => {
    expect(parquetKindOf('INTEGER')).toBe('INT32');
    expect(parquetKindOf('BIGINT')).toBe('INT64');
    expect(parquetKindOf('DECIMAL(18,3)')).toBe('DOUBLE');
    expect(parquetKindOf('TIMESTAMP WITH TIME ZONE')).toBe('TIMESTAMP');
    expect(parquetKindOf('VARCHAR')).toBe('STRING');
  });

  it('round-trips a small table across several batches, with nulls and every mapped type', async () => {
    const sql = `SELECT i::INTEGER AS i, (i * 10000000000)::BIGINT AS big, i / 4 AS d, 'row ' || i AS s,
      i % 2 = 0 AS b, DATE '2024-01-30' + i::INTEGER AS day, TIMESTAMP '2024-03-01 12:30:00' + INTERVAL (i) HOUR AS ts,
      CASE WHEN i = 3 THEN NULL ELSE i END AS maybe
      FROM range(7) t(i) ORDER BY i`;
    const bytes = await exportQueryToParquet(engine, sql, { batchSize: 3 });
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const meta = parquetMetadata(file);
    expect(Number(meta.num_rows)).toBe(7);
    expect(meta.row_groups).toHaveLength(3);
    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(7);
    expect(rows[5]).toEqual({
      i: 5,
      big: 50000000000n,
      d: 1.25,
      s: 'row 5',
      b: false,
      day: new Date('2024-02-04T00:00:00Z'),
      ts: new Date('2024-03-01T17:30:00Z'),
      maybe: 5n,
    });
    expect(rows[3].maybe).toBeNull();
  });

  it('writes an empty result as a valid file with the columns and no rows', async () => {
    const bytes = await exportQueryToParquet(engine, 'SELECT 1::INTEGER AS x WHERE false');
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const meta = parquetMetadata(file);
    expect(Number(meta.num_rows)).toBe(0);
    expect(meta.schema.map((s) => s.name)).toEqual(['root', 'x']);
  });
});
