/** The basic filter's value list SQL, run through real DuckDB-wasm: the cap, the total, and a search that reaches past the cap. */
import type { DatasetEntry } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../../../engine/local-engine';
import { nodeDuckDBFactory } from '../../../engine/testing/duckdb-node';
import { DISTINCT_LIMIT, distinctValuesSql } from './distinct-values';

const N = 1500;
const name = (i: number): string => `item_${String(i).padStart(4, '0')}`;
const DS: DatasetEntry = {
  id: 'big',
  name: 'big',
  source: { kind: 'derived', sql: 'test' },
  columns: [
    { name: 'label', type: 'VARCHAR' },
    { name: 'n', type: 'BIGINT' },
  ],
  rowCount: N + 4,
  version: 'v1',
  refreshedAt: '',
  transforms: [],
};
const label = { datasetId: 'big', column: 'label' };
const n = { datasetId: 'big', column: 'n' };

describe('basic filter values (real DuckDB)', () => {
  let engine: LocalEngine;
  const values = async (search: string, field = label, limit?: number) => {
    const res = await engine.query(distinctValuesSql({ field, datasets: [DS], search, ...(limit ? { limit } : {}) }), { noCache: true });
    return { values: res.rows.map((r) => r.value), counts: res.rows.map((r) => r.count), total: Number(res.rows[0]?.total ?? 0) };
  };

  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
    // item_0001 … item_1500 once each (item_0002 twice), a blank, and values with LIKE wildcards and a quote
    await engine.exec(
      `CREATE TABLE "ds_big" AS SELECT 'item_' || lpad(CAST(i AS VARCHAR), 4, '0') AS label, i AS n FROM range(1, ${N + 1}) t(i) ` +
        `UNION ALL SELECT 'item_0002', 2 UNION ALL SELECT NULL, NULL UNION ALL SELECT '50%_off', 50 UNION ALL SELECT 'it''s', 7`,
    );
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('lists the first values with their row counts, blanks last, and counts all of them', async () => {
    const all = await values('');
    expect(all.values).toHaveLength(DISTINCT_LIMIT);
    expect(all.total).toBe(N + 3);
    expect(all.values.slice(0, 3)).toEqual(['50%_off', 'it\'s', 'item_0001'].sort());
    expect(all.counts[all.values.indexOf('item_0002')]).toBe(2);
    expect(all.values).not.toContain(name(1400));
    const everything = await values('', label, N + 10);
    expect(everything.values).toHaveLength(N + 3);
    expect(everything.values[everything.values.length - 1]).toBeNull();
  });

  it('search runs in SQL: a value beyond the listed ones is found; case-insensitive; wildcards and quotes are literal', async () => {
    expect(await values(name(1400))).toEqual({ values: [name(1400)], counts: [1], total: 1 });
    expect((await values('ITEM_14')).values).toEqual(Array.from({ length: 100 }, (_, i) => name(1400 + i)));
    expect((await values('%')).values).toEqual(['50%_off']);
    expect((await values('_o')).values).toEqual(['50%_off']);
    expect((await values("it's")).values).toEqual(["it's"]);
    expect(await values('no such value')).toEqual({ values: [], counts: [], total: 0 });
    // a capped search still says how many match
    const items = await values('item', label, 10);
    expect(items.values).toHaveLength(10);
    expect(items.total).toBe(N);
  });

  it('"(Blank)" is found by searching for blank; numbers are searched as text', async () => {
    expect((await values('blan')).values).toEqual([null]);
    expect((await values('149', n)).values).toEqual([149, 1149, 1490, 1491, 1492, 1493, 1494, 1495, 1496, 1497, 1498, 1499]);
  });

  it('a calculated column lists the values of its expression, searched the same way', async () => {
    const calculatedColumns = [{ id: 'c', datasetId: 'big', name: 'Band', expression: 'IF([n] > 1000, "high", IF([n] > 10, "mid", "low"))' }];
    const band = { datasetId: 'big', column: 'Band' };
    const list = async (search: string) => (await engine.query(distinctValuesSql({ field: band, datasets: [DS], calculatedColumns, search }), { noCache: true })).rows;
    // n: 1…1500 (2 twice, 50 and 7 once more) and one blank, which is not > 10: "low", as in DAX
    expect(await list('')).toEqual([
      { value: 'high', count: 500, total: 3 },
      { value: 'low', count: 13, total: 3 },
      { value: 'mid', count: 991, total: 3 },
    ]);
    expect(await list('I')).toEqual([
      { value: 'high', count: 500, total: 2 },
      { value: 'mid', count: 991, total: 2 },
    ]);
  });
});
