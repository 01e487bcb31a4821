import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVisualQuery, type DatasetEntry, type Predicate, type Visual, type VisualQueryInput } from '@tessera/shared';
import { CubeStore } from '../../engine/cube-store';
import { LocalEngine } from '../../engine/local-engine';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { cubeSqlFor, prepareCube, probeSelection } from './crossfilter-cubes';

/** The app's cube path on real DuckDB-wasm: activation builds, a click reads the cube, a dataset change drops it. */
const sales: DatasetEntry = {
  id: 'sales',
  name: 'sales',
  source: { kind: 'derived', sql: 'fixture' },
  columns: [
    { name: 'day', type: 'DATE' },
    { name: 'category', type: 'VARCHAR' },
    { name: 'store', type: 'INTEGER' },
    { name: 'amount', type: 'DOUBLE' },
  ],
  rowCount: 20_000,
  version: 'v1',
  refreshedAt: '2025-01-01T00:00:00Z',
  transforms: [],
};

const bar: Visual = {
  id: 'bar', pageId: 'p', type: 'bar', x: 0, y: 0, w: 1, h: 1, z: 0, title: '', filters: [], format: {}, sort: null, topN: null,
  fields: { category: [{ datasetId: 'sales', column: 'store' }], values: [{ datasetId: 'sales', column: 'amount' }] },
};

const input = (filters: Predicate[], version = 'v1'): VisualQueryInput => ({ visual: bar, datasets: [{ ...sales, version }], relationships: [], measures: [], filters });
const byCategory = (value: string): Predicate => ({ kind: 'in', field: { datasetId: 'sales', column: 'category' }, values: [value] });
const byMonth = (value: string): Predicate => ({ kind: 'in', field: { datasetId: 'sales', column: 'day' }, values: [value] });

describe('cross-filter cubes in the app (real DuckDB-wasm)', () => {
  let engine: LocalEngine;
  let cubes: CubeStore;
  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
    await engine.exec(
      `CREATE TABLE ds_sales AS SELECT DATE '2024-01-01' + (i % 366)::INTEGER AS day, 'cat' || (i % 7) AS category, (i % 13)::INTEGER AS store, (i % 101)::DOUBLE AS amount FROM range(20000) t(i)`,
    );
    cubes = new CubeStore(engine);
  });
  afterAll(async () => {
    cubes?.dispose();
    await engine?.dispose();
  });

  const tablesNamed = async (prefix: string) => (await engine.query(`SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, '${prefix}')`, { noCache: true })).rows.length;

  it('first click runs the visual’s own SQL and starts the cube; later clicks read it with the same rows', async () => {
    const first = byCategory('cat3');
    expect(cubeSqlFor(cubes, input([first]), first)).toBeUndefined();
    // the build runs in the background: wait for it through the same call the activation uses
    expect(await prepareCube(cubes, input([first]), first)).toBe(true);
    for (const value of ['cat3', 'cat5', 'none']) {
      const selection = byCategory(value);
      const sql = cubeSqlFor(cubes, input([selection]), selection);
      expect(sql).toMatch(/__cube_/);
      // as the app runs it: one worker round trip
      const viaCube = await engine.query(sql!, { noCache: true, atOnce: true });
      const direct = await engine.query(compileVisualQuery(input([selection])).sql, { noCache: true });
      expect(viaCube.rows).toEqual(direct.rows);
      expect(direct.rows.length).toBe(value === 'none' ? 0 : 13);
    }
  });

  it('activation on a month-level chart prepares the cube its month clicks use', async () => {
    const probe = probeSelection({ visualId: 'line', ref: { datasetId: 'sales', column: 'day' }, level: 'month' })!;
    expect(await prepareCube(cubes, input([probe]), probe)).toBe(true);
    const click = byMonth('2024-03');
    const sql = cubeSqlFor(cubes, input([click]), click);
    expect(sql).toBeDefined();
    expect((await engine.query(sql!, { noCache: true })).rows).toEqual((await engine.query(compileVisualQuery(input([click])).sql, { noCache: true })).rows);
  });

  it('a new dataset version drops the cubes; the next click builds a new one', async () => {
    expect(await tablesNamed('__cube_')).toBeGreaterThan(0);
    await engine.registerDataset({ id: 'other', name: 'other', version: 'x' }, new Uint8Array(await (await engine.copyQueryToFile('SELECT 1 AS a', 'arrow'))));
    await cubes.dropped();
    expect(await tablesNamed('__cube_')).toBe(0);
    const click = byCategory('cat1');
    expect(cubeSqlFor(cubes, input([click], 'v2'), click)).toBeUndefined();
  });

  it('a cube with more rows than the limit is refused and the visual keeps its own SQL', async () => {
    const small = new CubeStore(engine, { maxRows: 10 });
    const click = byCategory('cat1');
    expect(await prepareCube(small, input([click]), click)).toBe(false);
    expect(cubeSqlFor(small, input([click]), click)).toBeUndefined();
    small.dispose();
  });
});
