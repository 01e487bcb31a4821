/**
 * Timestamp columns of every DuckDB flavour in date hierarchies, on real DuckDB-wasm: TIMESTAMP WITH TIME ZONE (what
 * DuckDB's CSV reader gives ISO values ending in Z or an offset, and Arrow timestamps with a zone) and
 * TIMESTAMP_NS/_MS/_S (Parquet). DuckDB-wasm has no ICU offline, so the zoned column is read as its UTC wall time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVisualQuery, type Visual } from '../../../shared/src/index';
import type { LocalEngine } from '../../../web/src/engine/local-engine';
import { entry, startEngine, table, visual } from './fixtures';

const EVENTS = entry('events', 'Events', [['at', 'TIMESTAMP WITH TIME ZONE'], ['at_ns', 'TIMESTAMP_NS'], ['at_ms', 'TIMESTAMP_MS'], ['amount', 'DOUBLE']], 4);
const f = (column: string) => ({ datasetId: 'events', column });

describe('zoned and sub-second timestamp columns (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = await startEngine();
    // 23:30 UTC on 31 March is still Q1 in UTC; the offset one is 2024-07-01 01:00 UTC
    await engine.exec(`CREATE TABLE "ds_events" AS SELECT CAST(a AS TIMESTAMPTZ) AS at, CAST(b AS TIMESTAMP_NS) AS at_ns, CAST(b AS TIMESTAMP_MS) AS at_ms, amount FROM (VALUES
      ('2024-03-31T23:30:00Z', '2024-03-31 23:30:00.123456789', 10.0),
      ('2024-07-01T03:00:00+02:00', '2024-07-01 01:00:00', 20.0),
      ('2024-12-31T12:00:00Z', '2024-12-31 12:00:00', 30.0),
      ('2025-01-02T00:00:00Z', '2025-01-02 00:00:00', 40.0)) t(a, b, amount)`);
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  const run = async (v: Visual, level: number) => {
    const compiled = compileVisualQuery({ visual: v, datasets: [EVENTS], relationships: [], measures: [], filters: [], drill: { level } });
    return { compiled, rows: (await engine.query(compiled.sql, { noCache: true })).rows };
  };

  it.each(['at', 'at_ns', 'at_ms'])('%s: year, quarter, month and day levels (UTC)', async (column) => {
    const v = visual('column', { category: [f(column)], values: [{ ...f('amount'), aggregate: 'sum' }] });
    const year = await run(v, 0);
    expect(year.compiled.fields[0]).toMatchObject({ drillLevel: 'year' });
    expect(table(year.rows, ['c0', 'c1'])).toEqual([['2024', 60], ['2025', 40]]);
    expect(table((await run(v, 1)).rows, ['c0', 'c1'])).toEqual([['2024 Q1', 10], ['2024 Q3', 20], ['2024 Q4', 30], ['2025 Q1', 40]]);
    expect(table((await run(v, 2)).rows, ['c0'])).toEqual([['2024-03'], ['2024-07'], ['2024-12'], ['2025-01']]);
    expect(table((await run(v, 3)).rows, ['c0'])).toEqual([['2024-03-31'], ['2024-07-01'], ['2024-12-31'], ['2025-01-02']]);
  });

  it('a zoned column on a continuous axis and in a table reads as its UTC time', async () => {
    const line = compileVisualQuery({ visual: visual('line', { category: [f('at')], values: [{ ...f('amount'), aggregate: 'sum' }] }), datasets: [EVENTS], relationships: [], measures: [], filters: [] });
    const rows = (await engine.query(line.sql, { noCache: true })).rows;
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.c1)).toEqual([10, 20, 30, 40]);
  });
});
