import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initWorkbook, listDatasets } from '@tessera/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalEngine } from '../local-engine';
import { nodeDuckDBFactory } from '../testing/duckdb-node';
import { commitImport, contentVersion, detectFormat, ImportCancelledError, ImportError, previewImport, type ImportPreview, type ImportStore } from './index';

/** The DatasetStore contract, in memory (the OPFS/IndexedDB stores are tested in Chromium). */
class MemoryStore implements ImportStore {
  readonly files = new Map<string, Uint8Array>();
  failNextSave?: Error;
  async save(id: string, pending: string | PromiseLike<string>, data: Uint8Array | Blob): Promise<void> {
    if (this.failNextSave) {
      const error = this.failNextSave;
      this.failNextSave = undefined;
      throw error;
    }
    const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data.slice();
    this.files.set(`${id}/${await pending}`, bytes);
  }
  async get(id: string, version: string): Promise<Uint8Array | undefined> {
    return this.files.get(`${id}/${version}`);
  }
  async delete(id: string, version?: string): Promise<void> {
    for (const key of [...this.files.keys()]) if (key === `${id}/${version}` || (version === undefined && key.startsWith(`${id}/`))) this.files.delete(key);
  }
}

const fixture = (name: string) => fileURLToPath(new URL(`../../../../tests/fixtures/${name}`, import.meta.url));
const fixtureFile = (name: string) => new File([readFileSync(fixture(name))], name);

const SALES_COLUMNS = ['order_id', 'order_date', 'region', 'product', 'quantity', 'price'];

let engine: LocalEngine;
let store: MemoryStore;
let doc: Y.Doc;

beforeAll(async () => {
  engine = new LocalEngine(nodeDuckDBFactory);
  await engine.ready();
});

afterAll(async () => {
  await engine.dispose();
});

beforeEach(() => {
  store = new MemoryStore();
  doc = new Y.Doc();
  initWorkbook(doc, { name: 'Import tests' });
});

async function scalar(sql: string): Promise<unknown> {
  const result = await engine.query(sql, { noCache: true });
  return Object.values(result.rows[0] ?? {})[0];
}

/** Nothing of a failed import may remain: no dataset, no stored bytes, no staging table, no registered file. */
async function expectNothingLeft(): Promise<void> {
  expect(listDatasets(doc)).toEqual([]);
  expect(store.files.size).toBe(0);
  expect(await scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE 'tessera_staging_%'")).toBe(0);
  const db = await engine.duckdb();
  expect(await db.globFiles('tessera_import_*')).toEqual([]);
}

describe('detectFormat', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('uses magic bytes before the extension', () => {
    expect(detectFormat('data.bin', new Uint8Array([0x50, 0x41, 0x52, 0x31, 0]))).toBe('parquet');
    expect(detectFormat('book.dat', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(() => detectFormat('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(ImportError);
  });
  it('tells a JSON array from NDJSON by content', () => {
    expect(detectFormat('a.json', bytes('[{"a":1}]'))).toBe('json');
    expect(detectFormat('a.json', bytes('{"a":1}\n{"a":2}\n'))).toBe('ndjson');
    expect(detectFormat('a.jsonl', bytes('{"a":1}\n'))).toBe('ndjson');
    expect(detectFormat('a.tsv', bytes('a\tb\n'))).toBe('tsv');
    expect(detectFormat('a.txt', bytes('a,b\n'))).toBe('csv');
  });
});

describe('previewImport + commitImport, every format', () => {
  const cases: { file: string; format: string; types: string[] }[] = [
    { file: 'sales.csv', format: 'csv', types: ['BIGINT', 'DATE', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE'] },
    { file: 'sales.tsv', format: 'tsv', types: ['BIGINT', 'DATE', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE'] },
    { file: 'sales.json', format: 'json', types: ['BIGINT', 'DATE', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE'] },
    { file: 'sales.ndjson', format: 'ndjson', types: ['BIGINT', 'DATE', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE'] },
    { file: 'sales.parquet', format: 'parquet', types: ['INTEGER', 'DATE', 'VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE'] },
    { file: 'sales.xlsx', format: 'xlsx', types: ['BIGINT', 'DATE', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE'] },
  ];
  for (const c of cases) {
    it(`${c.file}: sniffed columns, 100 preview rows, 200 rows committed`, async () => {
      const file = fixtureFile(c.file);
      const preview = await previewImport(engine, file);
      expect(preview.format).toBe(c.format);
      expect(preview.options.header).toBe(true);
      expect(preview.columns.map((col) => col.name)).toEqual(SALES_COLUMNS);
      expect(preview.columns.map((col) => col.type)).toEqual(c.types);
      expect(preview.rows).toHaveLength(100);
      expect(String(preview.rows[0][2])).toBe('South');
      expect(String(preview.rows[0][1])).toBe('2024-01-04');

      const fractions: number[] = [];
      const result = await commitImport(engine, store, doc, file, preview, { onProgress: (f) => fractions.push(f) });
      expect(result.rowCount).toBe(200);
      expect(result.name).toBe('sales');
      expect(result.version).toMatch(/^[0-9a-f]{16}$/);
      expect(fractions.at(-1)).toBe(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);

      const [dataset] = listDatasets(doc);
      expect(dataset).toMatchObject({ id: result.datasetId, name: 'sales', rowCount: 200, version: result.version });
      expect(dataset.source).toMatchObject({ kind: 'file', fileName: c.file, format: c.format });
      expect(dataset.columns.map((col) => col.type)).toEqual(c.types);
      const stored = store.files.get(`${result.datasetId}/${result.version}`);
      expect(stored).toBeDefined();
      // the version is the content hash of exactly the stored bytes
      expect(await contentVersion(stored!)).toBe(result.version);

      const view = engine.tableNameOf(result.datasetId);
      expect(view).toBeDefined();
      expect(await scalar(`SELECT round(sum(price * quantity), 2)::DOUBLE FROM "${view}"`)).toBeGreaterThan(0);
      expect(await scalar(`SELECT count(DISTINCT region)::INTEGER FROM "${view}" WHERE order_date >= DATE '2024-01-01'`)).toBe(4);
      await engine.unregisterDataset(result.datasetId);
    });
  }

  it('the same data gives the same content version, whatever the format', async () => {
    const versions = new Set<string>();
    for (const name of ['sales.csv', 'sales.tsv']) {
      const file = fixtureFile(name);
      const result = await commitImport(engine, store, doc, file, await previewImport(engine, file));
      versions.add(result.version);
      await engine.unregisterDataset(result.datasetId);
    }
    expect(versions.size).toBe(1);
    expect(listDatasets(doc).map((d) => d.name).sort()).toEqual(['sales', 'sales (2)']);
  });
});

describe('user edits', () => {
  it('applies renamed columns, changed types and the dataset name', async () => {
    const file = fixtureFile('sales.csv');
    const preview = await previewImport(engine, file);
    const edited: ImportPreview = {
      ...preview,
      columns: preview.columns.map((c) =>
        c.name === 'price' ? { ...c, name: 'unit_price', type: 'DECIMAL(18,3)' } : c.name === 'quantity' ? { ...c, type: 'INTEGER' } : c.name === 'order_id' ? { ...c, type: 'VARCHAR' } : c,
      ),
    };
    const result = await commitImport(engine, store, doc, file, edited, { name: 'Orders' });
    expect(result.name).toBe('Orders');
    const described = await engine.query(`DESCRIBE "${engine.tableNameOf(result.datasetId)}"`, { noCache: true });
    const types = Object.fromEntries(described.rows.map((r) => [r.column_name, r.column_type]));
    expect(types).toEqual({ order_id: 'VARCHAR', order_date: 'DATE', region: 'VARCHAR', product: 'VARCHAR', quantity: 'INTEGER', unit_price: 'DECIMAL(18,3)' });
    expect(await scalar(`SELECT unit_price::DOUBLE FROM "${engine.tableNameOf(result.datasetId)}" WHERE order_id = '1'`)).toBe(47.49);
    expect(listDatasets(doc)[0].columns.find((c) => c.name === 'unit_price')?.type).toBe('DECIMAL(18,3)');
    await engine.unregisterDataset(result.datasetId);
  });

  it('re-previews with a forced delimiter and no header row', async () => {
    const file = fixtureFile('sales.csv');
    const preview = await previewImport(engine, file, { header: false, delimiter: ',' });
    expect(preview.options).toMatchObject({ header: false, delimiter: ',' });
    expect(preview.columns.map((c) => c.name)).toEqual(['column0', 'column1', 'column2', 'column3', 'column4', 'column5']);
    expect(preview.rows[0]).toEqual(SALES_COLUMNS);
    const semicolon = await previewImport(engine, file, { delimiter: ';' });
    expect(semicolon.columns).toHaveLength(1);
  });

  it('refuses duplicate column names before touching anything', async () => {
    const file = fixtureFile('sales.csv');
    const preview = await previewImport(engine, file);
    const edited = { ...preview, columns: preview.columns.map((c) => (c.name === 'product' ? { ...c, name: 'Region' } : c)) };
    await expect(commitImport(engine, store, doc, file, edited)).rejects.toThrow(/Two columns are named "Region"/);
    await expectNothingLeft();
  });
});

describe('failures leave nothing behind', () => {
  it('malformed.csv: the line and column of the bad value', async () => {
    const file = fixtureFile('malformed.csv');
    const preview = await previewImport(engine, file);
    expect(preview.columns.find((c) => c.name === 'price')?.type).toBe('VARCHAR');
    const edited = { ...preview, columns: preview.columns.map((c) => (c.name === 'price' ? { ...c, type: 'DOUBLE' } : c)) };
    const error = await commitImport(engine, store, doc, file, edited).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const importError = error as ImportError;
    expect(importError.line).toBe(8);
    expect(importError.column).toBe('price');
    expect(importError.value).toBe('abc');
    expect(importError.message).toBe(`Line 8, column "price": "abc" is not a DOUBLE. Fix the file or change the column's type to VARCHAR, then import again.`);
    await expectNothingLeft();
  });

  it('a storage failure (quota) removes the staged data and adds no dataset', async () => {
    const file = fixtureFile('sales.csv');
    const preview = await previewImport(engine, file);
    store.failNextSave = Object.assign(new Error('The device is out of storage space for Tessera.'), { name: 'StorageError' });
    await expect(commitImport(engine, store, doc, file, preview)).rejects.toThrow(/could not be saved on this device: The device is out of storage space/);
    await expectNothingLeft();
    expect(engine.datasetVersions.size).toBe(0);
  });

  it('an NDJSON line that is not JSON is named', async () => {
    const lines = ['{"a":1,"b":"x"}', '{"a":2,"b":"y"}', '', '{"a":3,"b":}'];
    const file = new File([lines.join('\n')], 'bad.ndjson');
    const preview = await previewImport(engine, file).catch((e: unknown) => e);
    expect(preview).toBeInstanceOf(ImportError);
    expect((preview as ImportError).line).toBe(4);
    await expectNothingLeft();
  });
});

describe('large files: pieces, progress and cancel', () => {
  /** A CSV whose quoted notes hold newlines and quotes, so that chunk cuts must respect quoting. */
  function bigCsv(rows: number, badLine?: number): File {
    const parts = ['id,note,amount\n'];
    for (let i = 1; i <= rows; i++) {
      const amount = badLine !== undefined && i + 1 === badLine ? 'oops' : (i * 1.5).toFixed(1);
      parts.push(`${i},"note ${i}\nsecond ""line"", with comma",${amount}\n`);
    }
    return new File(parts, 'big.csv');
  }

  it('stages a file in many pieces with rising progress and exact rows', async () => {
    const file = bigCsv(5000);
    const preview = await previewImport(engine, file);
    expect(preview.columns.map((c) => c.type)).toEqual(['BIGINT', 'VARCHAR', 'DOUBLE']);
    const fractions: number[] = [];
    const result = await commitImport(engine, store, doc, file, preview, { chunkBytes: 16 * 1024, onProgress: (f, phase) => phase === 'reading' && fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(10);
    expect(result.rowCount).toBe(5000);
    const view = engine.tableNameOf(result.datasetId);
    expect(await scalar(`SELECT count(*)::INTEGER FROM "${view}" WHERE note = 'note ' || id || chr(10) || 'second "line", with comma'`)).toBe(5000);
    expect(await scalar(`SELECT sum(amount)::DOUBLE FROM "${view}"`)).toBe((1.5 * 5000 * 5001) / 2);
    await engine.unregisterDataset(result.datasetId);
  });

  it('names the right line of an error in a later piece', async () => {
    const file = bigCsv(5000, 4001);
    const preview = await previewImport(engine, file);
    const edited = { ...preview, columns: preview.columns.map((c) => (c.name === 'amount' ? { ...c, type: 'DOUBLE' } : c)) };
    const error = await commitImport(engine, store, doc, file, edited, { chunkBytes: 16 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(4001);
    expect((error as ImportError).column).toBe('amount');
    await expectNothingLeft();
  });

  it('cancel mid-import keeps nothing', async () => {
    const file = bigCsv(5000);
    const preview = await previewImport(engine, file);
    const controller = new AbortController();
    let steps = 0;
    const error = await commitImport(engine, store, doc, file, preview, {
      chunkBytes: 16 * 1024,
      signal: controller.signal,
      onProgress: (fraction, phase) => {
        if (phase === 'reading' && fraction > 0 && ++steps === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelledError);
    expect(steps).toBe(3);
    await expectNothingLeft();
  });
});

describe('XLSX sheets', () => {
  it('lists the sheets and imports the second one', async () => {
    const file = fixtureFile('sales.xlsx');
    const first = await previewImport(engine, file);
    expect(first.options.sheets).toEqual(['Sales', 'Regions']);
    expect(first.options.sheet).toBe('Sales');
    const preview = await previewImport(engine, file, { sheet: 'Regions' });
    expect(preview.options.sheet).toBe('Regions');
    expect(preview.columns.map((c) => [c.name, c.type])).toEqual([
      ['region', 'VARCHAR'],
      ['manager', 'VARCHAR'],
      ['target', 'DOUBLE'],
    ]);
    const result = await commitImport(engine, store, doc, file, preview, { name: 'Regions' });
    expect(result.rowCount).toBe(4);
    expect(listDatasets(doc)[0].source).toEqual({ kind: 'file', fileName: 'sales.xlsx', format: 'xlsx', sheet: 'Regions' });
    expect(await scalar(`SELECT manager FROM "${engine.tableNameOf(result.datasetId)}" WHERE region = 'East'`)).toBe('Alan Turing');
    await engine.unregisterDataset(result.datasetId);
  });
});

describe('contentVersion', () => {
  it('hashes blocks of the bytes: same bytes same version, any change another, Blob or array alike', async () => {
    const big = new Uint8Array((8 << 20) * 2 + 123).map((_, i) => i % 251);
    const v = await contentVersion(big);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(await contentVersion(new Blob([big]))).toBe(v);
    const changed = big.slice();
    changed[(8 << 20) + 5] ^= 1;
    expect(await contentVersion(changed)).not.toBe(v);
    expect(await contentVersion(new Uint8Array(0))).toMatch(/^[0-9a-f]{16}$/);
  });
});
