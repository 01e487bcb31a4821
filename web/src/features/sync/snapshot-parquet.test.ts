import { parquetMetadata } from 'hyparquet';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../../engine/local-engine';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { parquetToSnapshot, snapshotToParquet } from './snapshot-parquet';

// The types an import can give a column (IMPORT_COLUMN_TYPES), as the workbook's dataset entry lists them.
const COLUMNS = [
  { name: 'i', type: 'BIGINT' },
  { name: 'big', type: 'BIGINT' },
  { name: 'n', type: 'INTEGER' },
  { name: 'd', type: 'DOUBLE' },
  { name: 'amount', type: 'DECIMAL(18,3)' },
  { name: 'label', type: 'VARCHAR' },
  { name: 'flag', type: 'BOOLEAN' },
  { name: 'day', type: 'DATE' },
  { name: 'stamp', type: 'TIMESTAMP' },
];

// Edge values first (extremes, NULL in every column, text that needs CSV quoting, dates before 1970),
// then enough ordinary rows for several Parquet row groups and several staging pieces.
const SOURCE = `CREATE TABLE src AS
  SELECT * FROM (VALUES
    (0::BIGINT, 9223372036854775807::BIGINT, 2147483647, 1e300, 999999999.999::DECIMAL(18,3), 'a "quoted", comma', true, DATE '1900-01-01', TIMESTAMP '1969-12-31 23:59:59.999'),
    (1, -9223372036854775808, -2147483648, -1.5e-300, -0.001, 'line
break', false, DATE '2038-01-19', TIMESTAMP '2038-01-19 03:14:08.5'),
    (2, 9007199254740993, 0, 0.1, 0.1, 'ünïcødé ✓  ', NULL, DATE '2024-02-29', TIMESTAMP '2024-02-29 00:00:00'),
    (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
  ) t(${COLUMNS.map((c) => c.name).join(', ')})
  UNION ALL
  SELECT i + 4, i * 1000003, (i % 70000)::INTEGER, i / 7, (i * 1.237)::DECIMAL(18,3), 'row ' || i, i % 3 = 0,
    DATE '2020-01-01' + (i % 2000)::INTEGER, TIMESTAMP '2021-06-01 08:00:00' + INTERVAL (i * 1001) MILLISECOND
  FROM range(30000) r(i)`;

describe('dataset snapshots ⇄ Parquet at the network boundary (real DuckDB-wasm)', () => {
  let engine: LocalEngine;
  let snapshot: Blob;
  /** The snapshot converted by loading it into a scratch table (the dataset is not registered). */
  let parquet: Uint8Array;

  const scalar = async (sql: string): Promise<unknown> => Object.values((await engine.query(sql, { noCache: true })).rows[0] ?? {})[0];
  const describeTypes = async (table: string) =>
    (await engine.query(`SELECT column_name, column_type FROM (DESCRIBE ${table})`, { noCache: true })).rows.map((r) => `${String(r.column_name)} ${String(r.column_type)}`);

  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
    await engine.exec(SOURCE);
    // The snapshot exactly as the import pipeline writes it.
    snapshot = new Blob((await engine.exportArrowChunks('SELECT * FROM src')) as Uint8Array<ArrayBuffer>[]);
    parquet = await snapshotToParquet(engine, { id: 'ds_up', version: 'v1' }, snapshot);
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('round-trips every import type, NULLs, extremes and row order: Arrow → Parquet → Arrow', async () => {
    // Real Parquet: the magic at both ends, a readable footer with the rows and the columns.
    expect(new TextDecoder().decode(parquet.subarray(0, 4))).toBe('PAR1');
    expect(new TextDecoder().decode(parquet.subarray(-4))).toBe('PAR1');
    const meta = parquetMetadata(parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer);
    expect(Number(meta.num_rows)).toBe(30_004);
    expect(meta.schema.slice(1).map((s) => s.name)).toEqual(COLUMNS.map((c) => c.name));
    // Typed Parquet columns where the writer keeps every value exactly; DECIMAL travels as its text.
    const kinds = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, `${s.type}${s.converted_type ? ` ${s.converted_type}` : ''}`]));
    expect(kinds).toEqual({
      i: 'INT64',
      big: 'INT64',
      n: 'INT32',
      d: 'DOUBLE',
      amount: 'BYTE_ARRAY UTF8',
      label: 'BYTE_ARRAY UTF8',
      flag: 'BOOLEAN',
      day: 'INT32 DATE',
      stamp: 'INT64 TIMESTAMP_MILLIS',
    });

    const progress: number[] = [];
    const back = await parquetToSnapshot(engine, new Blob([parquet as Uint8Array<ArrayBuffer>]), { name: 'Sales', columns: COLUMNS }, { onProgress: (f) => progress.push(f), chunkRows: 8_000 });
    expect(progress).toHaveLength(4);
    expect(progress.at(-1)).toBe(1);
    // The snapshot's Arrow schema is the original one, field for field.
    const schemaOf = async (blob: Blob) => tableFromIPC(new Uint8Array(await blob.arrayBuffer())).schema.fields.map((f) => `${f.name}: ${String(f.type)}`);
    expect(await schemaOf(back)).toEqual(await schemaOf(snapshot));

    await engine.registerDataset({ id: 'ds_back', name: 'Back', version: 'v1' }, back);
    const table = engine.internalTableOf('ds_back') ?? '';
    expect(await describeTypes(table)).toEqual(await describeTypes('src'));
    expect(await scalar(`SELECT count(*)::INTEGER FROM ${table}`)).toBe(30_004);
    // Same rows, values and NULLs (EXCEPT ALL compares NULLs as equal) in both directions …
    expect(await scalar(`SELECT count(*)::INTEGER FROM (SELECT * FROM src EXCEPT ALL SELECT * FROM ${table})`)).toBe(0);
    expect(await scalar(`SELECT count(*)::INTEGER FROM (SELECT * FROM ${table} EXCEPT ALL SELECT * FROM src)`)).toBe(0);
    // … in the same order.
    expect(await scalar(`SELECT count(*)::INTEGER FROM (SELECT i, row_number() OVER () - 1 AS r FROM ${table}) WHERE i <> r`)).toBe(0);
    const edge = (await engine.query(`SELECT big::VARCHAR AS big, amount::VARCHAR AS amount, label, stamp::VARCHAR AS stamp FROM ${table} WHERE i < 4 ORDER BY i`, { noCache: true })).rows;
    expect(edge).toEqual([
      { big: '9223372036854775807', amount: '999999999.999', label: 'a "quoted", comma', stamp: '1969-12-31 23:59:59.999' },
      { big: '-9223372036854775808', amount: '-0.001', label: 'line\nbreak', stamp: '2038-01-19 03:14:08.5' },
      { big: '9007199254740993', amount: '0.100', label: 'ünïcødé ✓  ', stamp: '2024-02-29 00:00:00' },
      { big: null, amount: null, label: null, stamp: null },
    ]);
  });

  it('keeps values the Parquet writer cannot hold exactly: 18-digit decimals, microseconds, NaN and ±Infinity', async () => {
    await engine.exec(`CREATE TABLE fine AS SELECT * FROM (VALUES
      (0, 999999999999999.999::DECIMAL(18,3), TIMESTAMP '2024-01-01 00:00:00.123456', 'inf'::DOUBLE),
      (1, -999999999999999.999::DECIMAL(18,3), TIMESTAMP '1960-06-30 23:59:59.000001', '-inf'::DOUBLE),
      (2, 123456789012345.678::DECIMAL(18,3), NULL, 'nan'::DOUBLE),
      (3, NULL, TIMESTAMP '2024-01-01 00:00:00', 0.1::DOUBLE)
    ) t(i, amount, stamp, d)`);
    const fine = new Blob((await engine.exportArrowChunks('SELECT * FROM fine')) as Uint8Array<ArrayBuffer>[]);
    const columns = [
      { name: 'i', type: 'INTEGER' },
      { name: 'amount', type: 'DECIMAL(18,3)' },
      { name: 'stamp', type: 'TIMESTAMP' },
      { name: 'd', type: 'DOUBLE' },
    ];
    const sent = await snapshotToParquet(engine, { id: 'ds_fine', version: 'v1' }, fine);
    const back = await parquetToSnapshot(engine, new Blob([sent as Uint8Array<ArrayBuffer>]), { name: 'Fine', columns });
    await engine.registerDataset({ id: 'ds_fine_back', name: 'Fine back', version: 'v1' }, back);
    const table = engine.internalTableOf('ds_fine_back') ?? '';
    const read = async (from: string) =>
      (await engine.query(`SELECT i, amount::VARCHAR AS amount, stamp::VARCHAR AS stamp, d::VARCHAR AS d FROM ${from} ORDER BY i`, { noCache: true })).rows;
    expect(await read(table)).toEqual(await read('fine'));
    expect((await read(table))[0]).toEqual({ i: 0, amount: '999999999999999.999', stamp: '2024-01-01 00:00:00.123456', d: 'inf' });
    expect(await describeTypes(table)).toEqual(await describeTypes('fine'));
  });

  it('reads the open workbook’s registered table instead of loading the snapshot again', async () => {
    await engine.registerDataset({ id: 'ds_open', name: 'Open', version: 'v7' }, snapshot);
    // A snapshot argument that is not Arrow at all: the registered table must be what is read.
    const fromTable = await snapshotToParquet(engine, { id: 'ds_open', version: 'v7' }, new Blob(['not arrow']));
    // (toEqual on a large byte array is very slow: compare the bytes directly)
    expect(fromTable.length).toBe(parquet.length);
    expect(fromTable.every((byte, i) => byte === parquet[i])).toBe(true);
    // A different version is not the registered one: the given snapshot is used (and here fails).
    await expect(snapshotToParquet(engine, { id: 'ds_open', version: 'v8' }, new Blob(['not arrow']))).rejects.toThrow('not readable Arrow data');
    // No scratch table is left behind either way.
    expect(await scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE 'tessera_upload_%'")).toBe(0);
  });

  it('refuses a server copy that lacks a column the workbook uses, leaving no staging table', async () => {
    const columns = [...COLUMNS, { name: 'region', type: 'VARCHAR' }];
    await expect(parquetToSnapshot(engine, new Blob([parquet as Uint8Array<ArrayBuffer>]), { name: 'Sales', columns })).rejects.toThrow(
      'The server copy of “Sales” lacks the column “region” the workbook uses',
    );
    await expect(parquetToSnapshot(engine, new Blob(['PAR1 but not really PAR1']), { name: 'Sales', columns: COLUMNS })).rejects.toThrow(/could not be read as Parquet/);
    expect(await scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE 'tessera_download_%'")).toBe(0);
  });
});
