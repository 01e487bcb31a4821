import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from './local-engine';
import { nodeDuckDBFactory } from './testing/duckdb-node';
import { QueryCancelledError, QueryError, type QueryResult } from './types';

/** A query that keeps one connection busy long enough for others to queue behind it. */
const SLOW = 'SELECT count(*) AS n FROM range(60000000) t(a) WHERE a % 7 = 3';
/** A query that runs until cancelled. */
const ENDLESS = 'SELECT count(*) AS n FROM range(100000000000) t(a) WHERE a % 7 = 3';

describe('LocalEngine (real DuckDB-wasm)', () => {
  let engine: LocalEngine;
  let single: LocalEngine;

  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    single = new LocalEngine(nodeDuckDBFactory, { connections: 1 });
    await Promise.all([engine.ready(), single.ready()]);
  });

  afterAll(async () => {
    await Promise.all([engine?.dispose(), single?.dispose()]);
  });

  it('reports ready with the bundle and DuckDB version', () => {
    expect(engine.status).toMatchObject({ state: 'ready', bundle: 'eh' });
    expect(engine.status.state === 'ready' && engine.status.version).toMatch(/^v1\./);
  });

  it('runs queued queries by priority, FIFO within a priority', async () => {
    const order: string[] = [];
    const track = (name: string, p: Promise<QueryResult>) => p.then(() => order.push(name));
    const blocker = single.query(SLOW, { noCache: true });
    const all = [
      track('low', single.query('SELECT 1 AS low', { priority: 'low', noCache: true })),
      track('normal-1', single.query('SELECT 1 AS n1', { noCache: true })),
      track('high', single.query('SELECT 1 AS high', { priority: 'high', noCache: true })),
      track('normal-2', single.query('SELECT 1 AS n2', { priority: 'normal', noCache: true })),
    ];
    expect(single.status).toMatchObject({ state: 'busy', running: 1, queued: 4 });
    await Promise.all([blocker, ...all]);
    expect(order).toEqual(['high', 'normal-1', 'normal-2', 'low']);
    expect(single.status.state).toBe('ready');
  });

  it('drops a stale queued query with the same key', async () => {
    const blocker = single.query(SLOW, { noCache: true });
    const stale = single.query('SELECT 1 AS v', { key: 'visual:1', noCache: true });
    const fresh = single.query('SELECT 2 AS v', { key: 'visual:1', noCache: true });
    await expect(stale).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await fresh).rows).toEqual([{ v: 2 }]);
    await blocker;
  });

  it('cancels a running query superseded by a newer one with the same key', async () => {
    const running = single.query(ENDLESS, { key: 'grid:x', noCache: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fresh = single.query('SELECT 3 AS v', { key: 'grid:x', noCache: true });
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await fresh).rows).toEqual([{ v: 3 }]);
  });

  it('merges identical in-flight queries into one execution', async () => {
    const sql = 'SELECT random() AS r';
    const blocker = single.query(SLOW, { noCache: true });
    const a = single.query(sql);
    const b = single.query(sql, { priority: 'high' });
    expect(single.status).toMatchObject({ running: 1, queued: 1 });
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.rows[0].r).toBe(rb.rows[0].r);
    await blocker;
    // Without merging (noCache) the same SQL executes twice and random() differs.
    const [x, y] = await Promise.all([single.query(sql, { noCache: true }), single.query(sql, { noCache: true })]);
    expect(x.rows[0].r).not.toBe(y.rows[0].r);
  });

  it('caches results and invalidates them on exec and registerDataset', async () => {
    await engine.exec('CREATE OR REPLACE TABLE cache_t AS SELECT 1 AS v');
    const sql = 'SELECT sum(v)::INTEGER AS s FROM cache_t';
    expect((await engine.query(sql)).fromCache).toBe(false);
    const hit = await engine.query(sql);
    expect(hit.fromCache).toBe(true);
    expect(hit.rows).toEqual([{ s: 1 }]);
    await engine.exec('INSERT INTO cache_t VALUES (41)');
    const after = await engine.query(sql);
    expect(after.fromCache).toBe(false);
    expect(after.rows).toEqual([{ s: 42 }]);
    expect((await engine.query(sql)).fromCache).toBe(true);
    const bytes = await engine.copyQueryToFile('SELECT 1 AS x', 'arrow');
    await engine.registerDataset({ id: 'cache-ds', name: 'cache ds', version: 'v1' }, bytes);
    expect((await engine.query(sql)).fromCache).toBe(false);
    expect((await engine.query(sql, { noCache: true })).fromCache).toBe(false);
  });

  it('cancels through an AbortSignal, running or queued, and keeps working', async () => {
    const controller = new AbortController();
    const running = single.query(ENDLESS, { signal: controller.signal, noCache: true });
    const queuedController = new AbortController();
    const queued = single.query('SELECT 5 AS v', { signal: queuedController.signal, noCache: true });
    queuedController.abort();
    await expect(queued).rejects.toBeInstanceOf(QueryCancelledError);
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect((await single.query('SELECT 6 AS v', { noCache: true })).rows).toEqual([{ v: 6 }]);
    const pre = new AbortController();
    pre.abort();
    await expect(single.query('SELECT 7', { signal: pre.signal })).rejects.toBeInstanceOf(QueryCancelledError);
  });

  it('reports a bad column as QueryError with DuckDB message and position', async () => {
    const sql = 'SELECT nope FROM range(3)';
    const error = await engine.query(sql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    const qe = error as QueryError;
    expect(qe.message).toContain('Referenced column "nope" not found');
    expect(qe.sql).toBe(sql);
    expect(qe.position).toBe(sql.indexOf('nope'));

    const multi = 'SELECT range,\n  range * 2 AS twice,\n  missing_col\nFROM range(3)';
    const e2 = (await engine.query(multi).catch((e: unknown) => e)) as QueryError;
    expect(e2.position).toBe(multi.indexOf('missing_col'));

    const long = `SELECT ${Array.from({ length: 30 }, (_, i) => `range AS column_number_${i}`).join(', ')}, oops FROM range(2)`;
    const e3 = (await engine.query(long).catch((e: unknown) => e)) as QueryError;
    expect(e3.message).toMatch(/LINE 1: \.\.\./);
    expect(e3.position).toBe(long.indexOf('oops'));

    const e4 = (await engine.exec('CREATE TABLE (').catch((e: unknown) => e)) as QueryError;
    expect(e4).toBeInstanceOf(QueryError);
    expect(e4.message).toMatch(/Parser Error/);
  });

  it('converts BIGINT, HUGEINT, DATE, TIMESTAMP, DECIMAL and NULL', async () => {
    const result = await engine.query(`SELECT
      42::BIGINT AS big, 9007199254740993::BIGINT AS big_unsafe, -5::BIGINT AS neg,
      12::HUGEINT AS huge, 170141183460469231731687303715884105727::HUGEINT AS huge_max,
      DATE '2024-02-29' AS d, TIMESTAMP '2024-01-02 03:04:05.123' AS ts,
      12.345::DECIMAL(10,3) AS dec, -0.5::DECIMAL(4,2) AS dec_neg, 1234567.891::DECIMAL(18,3) AS dec18,
      NULL::INTEGER AS nothing, NULL::DATE AS no_date, 'x' AS s, 1.5::DOUBLE AS dbl, true AS b,
      [1, 2]::INTEGER[] AS l, {'k': 3::BIGINT} AS st`);
    expect(result.rows).toEqual([
      {
        big: 42, big_unsafe: '9007199254740993', neg: -5, huge: 12, huge_max: '170141183460469231731687303715884105727',
        d: '2024-02-29', ts: '2024-01-02T03:04:05.123', dec: 12.345, dec_neg: -0.5, dec18: 1234567.891,
        nothing: null, no_date: null, s: 'x', dbl: 1.5, b: true, l: [1, 2], st: { k: 3 },
      },
    ]);
    const types = Object.fromEntries(result.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ big: 'BIGINT', d: 'DATE', ts: 'TIMESTAMP', dec: 'DECIMAL(10,3)', s: 'VARCHAR', dbl: 'DOUBLE', b: 'BOOLEAN' });
    expect(() => JSON.stringify(result.rows)).not.toThrow();
  });

  it('registers a snapshot made by DuckDB and queries it by dataset name; rename and unregister', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE src AS SELECT range AS id, 'p' || (range % 3) AS product,
      (range * 1.5)::DECIMAL(10,2) AS amount, DATE '2024-01-01' + range::INTEGER AS day FROM range(1000)`);
    const snapshot = await engine.copyQueryToFile('SELECT * FROM src;', 'arrow');
    const entry = { id: 'a1b2-c3', name: 'Sales 2024.csv', version: 'v1' };
    await engine.registerDataset(entry, new Blob([snapshot as Uint8Array<ArrayBuffer>]));
    expect(snapshot.byteLength).toBeGreaterThan(0);
    expect(engine.tableNameOf(entry.id)).toBe('Sales_2024');
    expect(engine.datasetVersions.get(entry.id)).toBe('v1');
    const r = await engine.query('SELECT count(*) AS n, sum(amount) AS total, max(day) AS last FROM Sales_2024');
    expect(r.rows).toEqual([{ n: 1000, total: 749250, last: '2026-09-26' }]);
    const byTable = await engine.query(`SELECT count(DISTINCT product) AS p FROM "ds_a1b2-c3"`);
    expect(byTable.rows).toEqual([{ p: 3 }]);

    // A second dataset with a clashing name gets a unique identifier; a reserved word is avoided.
    await engine.registerDataset({ id: 'other', name: 'sales 2024', version: 'v1' }, snapshot);
    expect(engine.tableNameOf('other')).toBe('sales_2024_2');
    await engine.registerDataset({ id: 'kw', name: 'order', version: 'v1' }, snapshot);
    expect(engine.tableNameOf('kw')).toBe('order_data');

    // A failed re-registration keeps the earlier version.
    await expect(engine.registerDataset({ ...entry, version: 'v2' }, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).rejects.toThrow(
      /could not be loaded/,
    );
    expect(engine.datasetVersions.get(entry.id)).toBe('v1');
    expect((await engine.query('SELECT count(*) AS n FROM Sales_2024', { noCache: true })).rows).toEqual([{ n: 1000 }]);

    await engine.renameDataset(entry.id, 'Revenue');
    expect(engine.tableNameOf(entry.id)).toBe('Revenue');
    expect((await engine.query('SELECT count(*) AS n FROM Revenue')).rows).toEqual([{ n: 1000 }]);
    await expect(engine.query('SELECT count(*) FROM Sales_2024')).rejects.toBeInstanceOf(QueryError);

    await engine.unregisterDataset(entry.id);
    expect(engine.tableNameOf(entry.id)).toBeUndefined();
    await expect(engine.query('SELECT count(*) FROM Revenue')).rejects.toBeInstanceOf(QueryError);
  });

  it('reports Parquet snapshots clearly when the parquet extension is unavailable', async () => {
    const parquetLike = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0, 0x50, 0x41, 0x52, 0x31]);
    await expect(engine.registerDataset({ id: 'pq', name: 'pq', version: 'v1' }, parquetLike)).rejects.toThrow(
      /Dataset "pq" could not be loaded into the engine/,
    );
    expect(engine.tableNameOf('pq')).toBeUndefined();
  });

  it('adopts a staging table as a dataset without copying, replacing an earlier version', async () => {
    await engine.exec('CREATE TABLE staging_a AS SELECT range AS n FROM range(5)');
    await engine.adoptTable({ id: 'adopt-1', name: 'Adopted', version: 'v1' }, 'staging_a');
    expect(engine.tableNameOf('adopt-1')).toBe('Adopted');
    expect(engine.datasetVersions.get('adopt-1')).toBe('v1');
    expect((await engine.query('SELECT sum(n) AS s FROM Adopted', { noCache: true })).rows).toEqual([{ s: 10 }]);
    const leftovers = await engine.query("SELECT count(*) AS c FROM duckdb_tables() WHERE table_name = 'staging_a'", { noCache: true });
    expect(leftovers.rows).toEqual([{ c: 0 }]);

    await engine.exec('CREATE TABLE staging_b AS SELECT range AS n FROM range(3)');
    await engine.adoptTable({ id: 'adopt-1', name: 'Adopted', version: 'v2' }, 'staging_b');
    expect((await engine.query('SELECT count(*) AS c FROM Adopted')).rows).toEqual([{ c: 3 }]);
    await engine.unregisterDataset('adopt-1');
    expect(engine.tableNameOf('adopt-1')).toBeUndefined();
  });

  it('copies a query result to CSV', async () => {
    const bytes = await engine.copyQueryToFile(
      `SELECT range AS n, 'item ' || range AS label, CASE WHEN range = 1 THEN 'a,b' END AS tricky FROM range(3) ORDER BY n`,
      'csv',
    );
    expect(new TextDecoder().decode(bytes)).toBe('n,label,tricky\n0,item 0,\n1,item 1,"a,b"\n2,item 2,\n');
  });

  it('runs exec as a barrier: earlier queries see the old catalog, later ones the new', async () => {
    await single.exec('CREATE OR REPLACE TABLE barrier_t AS SELECT 1 AS v');
    const blocker = single.query(SLOW, { noCache: true });
    const before = single.query('SELECT count(*) AS c FROM barrier_t', { priority: 'low', noCache: true });
    const change = single.exec('INSERT INTO barrier_t VALUES (2)', { priority: 'low' });
    const after = single.query('SELECT count(*) AS c FROM barrier_t', { priority: 'high', noCache: true });
    await blocker;
    expect((await before).rows).toEqual([{ c: 1 }]);
    await change;
    expect((await after).rows).toEqual([{ c: 2 }]);
  });

  it('pipelines atOnce queries on one connection: all posted at once, answered alike, barriers kept', async () => {
    await single.exec('CREATE OR REPLACE TABLE pipe_t AS SELECT range AS v, range % 3 AS g FROM range(1000)');
    const sql = (g: number) => `SELECT g, count(*)::INTEGER AS n, sum(v)::DOUBLE AS s FROM pipe_t WHERE g = ${g} GROUP BY g`;
    const piped = [0, 1, 2].map((g) => single.query(sql(g), { priority: 'high', noCache: true, atOnce: true }));
    // one connection, yet all three are in flight: none waits in the queue
    expect(single.status).toMatchObject({ state: 'busy', running: 3, queued: 0 });
    // a query on the pending-query protocol waits for the lane to drain; so does a catalog change
    const plain = single.query(sql(1), { priority: 'high', noCache: true });
    const change = single.exec('INSERT INTO pipe_t VALUES (5000, 1)');
    const after = single.query(sql(1), { priority: 'high', noCache: true, atOnce: true });
    expect(single.status).toMatchObject({ running: 3, queued: 3 });
    const rows = (await Promise.all(piped)).map((r) => r.rows[0]);
    expect(rows).toEqual([0, 1, 2].map((g) => ({ g, n: g === 0 ? 334 : 333, s: Array.from({ length: 1000 }, (_, v) => v).filter((v) => v % 3 === g).reduce((a, b) => a + b, 0) })));
    expect((await plain).rows).toEqual([rows[1]]);
    await change;
    expect((await after).rows).toEqual([{ ...rows[1], n: 334, s: Number(rows[1].s) + 5000 }]);
    // an error in one pipelined query rejects it alone
    const bad = single.query('SELECT nope FROM pipe_t', { atOnce: true, noCache: true });
    const good = single.query(sql(2), { atOnce: true, noCache: true });
    await expect(bad).rejects.toBeInstanceOf(QueryError);
    expect((await good).rows).toEqual([rows[2]]);
    expect(single.status.state).toBe('ready');
  });

  it('a query still running when the engine is disposed fails instead of spinning', async () => {
    const doomed = new LocalEngine(nodeDuckDBFactory);
    await doomed.ready();
    const running = doomed.query(SLOW, { noCache: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await doomed.dispose();
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
  });

  it('notifies status listeners of busy and ready', async () => {
    const seen: string[] = [];
    const unsubscribe = single.subscribe((s) => seen.push(s.state));
    await single.query('SELECT 11 AS v', { noCache: true });
    unsubscribe();
    expect(seen).toEqual(['busy', 'ready']);
  });
});
