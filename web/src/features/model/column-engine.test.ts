/** Saving a calculated column asks real DuckDB-wasm for its type and checks every row evaluates. */
import { modelContext, type CalculatedColumn } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../../engine/local-engine';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { checkWithEngine, describeColumns } from './column-engine';
import { testDataset } from '@tessera/shared/testing';

const entry = (id: string, name: string, columns: [string, string][]) => testDataset(id, name, columns, 3);
const DATASETS = [
  entry('s', 'sales', [['quantity', 'INTEGER'], ['price', 'DECIMAL(10,2)'], ['day', 'DATE'], ['pid', 'VARCHAR'], ['year', 'BIGINT']]),
  entry('p', 'products', [['pid', 'VARCHAR'], ['category', 'VARCHAR']]),
];
const RELS = [{ id: 'r', from: { datasetId: 's', column: 'pid' }, to: { datasetId: 'p', column: 'pid' }, cardinality: 'many-to-one' as const, crossFilter: 'single' as const, active: true }];
const calc = (id: string, expression: string): CalculatedColumn => ({ id, datasetId: 's', name: id, expression });

describe('calculated columns checked by the engine (real DuckDB)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
    await engine.exec(
      `CREATE TABLE "ds_s" AS SELECT * FROM (VALUES (2, 10.50::DECIMAL(10,2), DATE '2024-03-05', 'a', 2024), (3, 1.25::DECIMAL(10,2), DATE '2024-12-31', 'b', 99999999)) t(quantity, price, day, pid, year)`,
    );
    await engine.exec(`CREATE TABLE "ds_p" AS SELECT * FROM (VALUES ('a', 'Tools')) t(pid, category)`);
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('gives the type DuckDB computes (not the inferred guess)', async () => {
    const cols = [calc('rev', '[quantity] * [price]'), calc('label', 'RELATED(products[category]) & "-" & [quantity]'), calc('next', '[day] + 1'), calc('flag', '[quantity] > 2')];
    const ctx = modelContext(DATASETS, RELS, [], cols);
    const types = await Promise.all(cols.map((c) => checkWithEngine(engine, ctx, c)));
    expect(types).toEqual([
      { ok: true, type: 'DECIMAL(18,2)' },
      { ok: true, type: 'VARCHAR' },
      { ok: true, type: 'DATE' },
      { ok: true, type: 'BOOLEAN' },
    ]);
    expect(await describeColumns(engine, ctx, cols.slice(0, 2))).toEqual(new Map([['rev', 'DECIMAL(18,2)'], ['label', 'VARCHAR']]));
  });

  it('a row DuckDB cannot compute is refused with its message, first line only', async () => {
    // the year 99999999 is out of DuckDB's date range: only that row fails
    const bad = calc('d', 'DATE([year], 1, 1)');
    const result = await checkWithEngine(engine, modelContext(DATASETS, RELS, [], [bad]), bad);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^The data engine cannot compute this column: .*date/i);
    expect(!result.ok && result.message).not.toContain('\n');
  });
});
