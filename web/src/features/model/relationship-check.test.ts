import { compileVisualQuery, relationshipProblem, type CalculatedColumn, type Relationship, type Visual } from '@tessera/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../../engine/local-engine';
import { nodeDuckDBFactory } from '../../engine/testing/duckdb-node';
import { autodetectText, checkCardinality, checkContext, columnUniqueness, detectRelationships } from './relationship-check';
import { testDataset } from '@tessera/shared/testing';

/** The checks of the Model view's relationship dialog and Autodetect on real DuckDB-wasm. */
const dataset = (id: string, columns: [string, string][]) => testDataset(id, id, columns, 0);

// sales: 40 orders over 5 stores, 4 regions and 10 days; stores: 5, two of them in North; regions: 4; calendar: 10 days
const sales = dataset('sales', [['id', 'INTEGER'], ['store_id', 'BIGINT'], ['Region', 'VARCHAR'], ['day', 'DATE'], ['amount', 'DOUBLE']]);
const stores = dataset('stores', [['store_id', 'INTEGER'], ['region', 'VARCHAR'], ['id', 'INTEGER']]);
const regions = dataset('regions', [['region', 'VARCHAR'], ['manager', 'VARCHAR']]);
const calendar = dataset('calendar', [['DAY', 'DATE'], ['store_id', 'VARCHAR']]);
const blanks = dataset('blanks', [['key', 'BIGINT']]);
const datasets = [sales, stores, regions, calendar, blanks];
const ref = (datasetId: string, column: string) => ({ datasetId, column });
const rel = (id: string, from: [string, string], to: [string, string], extra: Partial<Relationship> = {}): Relationship => ({
  id, from: ref(...from), to: ref(...to), cardinality: 'many-to-one', crossFilter: 'single', active: true, ...extra,
});

describe('relationship checks (real DuckDB-wasm)', () => {
  let engine: LocalEngine;
  beforeAll(async () => {
    engine = new LocalEngine(nodeDuckDBFactory);
    await engine.ready();
    const regionOf = `['North', 'South', 'East', 'West'][1 + (i % 4)]`;
    await engine.exec(
      `CREATE TABLE ds_sales AS SELECT i::INTEGER AS id, (i % 5)::BIGINT AS store_id, ${regionOf} AS "Region", DATE '2024-01-01' + (i % 10)::INTEGER AS day, (i * 1.5)::DOUBLE AS amount FROM range(40) t(i)`,
    );
    await engine.exec(`CREATE TABLE ds_stores AS SELECT i::INTEGER AS store_id, ['North', 'North', 'South', 'East', 'West'][1 + i] AS region, (100 + i)::INTEGER AS id FROM range(5) t(i)`);
    await engine.exec(`CREATE TABLE ds_regions AS SELECT ${regionOf} AS region, 'Manager ' || i AS manager FROM range(4) t(i)`);
    await engine.exec(`CREATE TABLE ds_calendar AS SELECT DATE '2024-01-01' + i::INTEGER AS "DAY", i::VARCHAR AS store_id FROM range(10) t(i)`);
    await engine.exec(`CREATE TABLE ds_blanks AS SELECT * FROM (VALUES (1::BIGINT), (NULL), (NULL), (2)) t(key)`);
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('counts repeated values in SQL, blanks left out', async () => {
    const ctx = checkContext({ datasets });
    expect(await columnUniqueness(engine, ctx, ref('sales', 'store_id'))).toEqual({ values: 40, duplicateValues: 5, duplicateRows: 35, examples: ['0', '1', '2'] });
    expect(await columnUniqueness(engine, ctx, ref('stores', 'region'))).toEqual({ values: 5, duplicateValues: 1, duplicateRows: 1, examples: ['North'] });
    expect(await columnUniqueness(engine, ctx, ref('stores', 'store_id'))).toEqual({ values: 5, duplicateValues: 0, duplicateRows: 0, examples: [] });
    expect(await columnUniqueness(engine, ctx, ref('blanks', 'key'))).toMatchObject({ values: 2, duplicateValues: 0 });
    // names are quoted: a column named like a keyword, in any case
    expect(await columnUniqueness(engine, ctx, ref('calendar', 'DAY'))).toMatchObject({ values: 10, duplicateValues: 0 });
  });

  it('the "one" side must be unique; the message counts the repeats and says what to do', async () => {
    expect(await checkCardinality(engine, { datasets }, { from: ref('sales', 'store_id'), to: ref('stores', 'store_id'), cardinality: 'many-to-one' })).toEqual({ ok: true });
    expect(await checkCardinality(engine, { datasets }, { from: ref('stores', 'store_id'), to: ref('sales', 'store_id'), cardinality: 'one-to-many' })).toEqual({ ok: true });
    expect(await checkCardinality(engine, { datasets }, { from: ref('sales', 'Region'), to: ref('stores', 'region'), cardinality: 'many-to-many' })).toEqual({ ok: true });

    // chosen the wrong way round: the fix swaps the sides
    const swapped = await checkCardinality(engine, { datasets }, { from: ref('stores', 'store_id'), to: ref('sales', 'store_id'), cardinality: 'many-to-one' });
    expect(swapped).toEqual({
      ok: false,
      message:
        'sales.store_id must have unique values on the “one” side of Many to one (*:1), but 5 of its values appear more than once (“0”, “1”, “2” …; 35 duplicate rows). ' +
        'stores.store_id is unique, so the sides look swapped: swap them, or choose “Many to many”.',
      fix: { label: 'Swap sides', draft: { from: ref('sales', 'store_id'), to: ref('stores', 'store_id'), cardinality: 'many-to-one' } },
    });
    // one to one with one unique side: the fix makes it many to one from the other
    const oneToOne = await checkCardinality(engine, { datasets }, { from: ref('stores', 'store_id'), to: ref('sales', 'store_id'), cardinality: 'one-to-one' });
    expect(oneToOne.ok === false && oneToOne.fix).toEqual({ label: 'Use Many to one', draft: { from: ref('sales', 'store_id'), to: ref('stores', 'store_id'), cardinality: 'many-to-one' } });
    // neither side unique: Many to many or another column
    const neither = await checkCardinality(engine, { datasets }, { from: ref('sales', 'Region'), to: ref('stores', 'region'), cardinality: 'many-to-one' });
    expect(neither).toEqual({
      ok: false,
      message: 'stores.region must have unique values on the “one” side of Many to one (*:1), but 1 of its values appears more than once (“North”; 1 duplicate row). Choose “Many to many”, or another column whose values are unique.',
    });
  });

  it('calculated columns are checked as their expressions, also through RELATED', async () => {
    const calc = (id: string, datasetId: string, name: string, expression: string): CalculatedColumn => ({ id, datasetId, name, expression });
    const calculated = [
      calc('c1', 'stores', 'Store key', 'stores[store_id] * 10'),
      calc('c2', 'sales', 'Store key', 'sales[store_id] * 10'),
      calc('c3', 'stores', 'Region upper', 'UPPER(stores[region])'),
      calc('c4', 'sales', 'Store region', 'RELATED(stores[region])'),
    ];
    const relationships = [rel('r1', ['sales', 'store_id'], ['stores', 'store_id'])];
    const ctx = checkContext({ datasets, relationships, calculated });
    expect(await columnUniqueness(engine, ctx, ref('stores', 'Store key'))).toEqual({ values: 5, duplicateValues: 0, duplicateRows: 0, examples: [] });
    expect(await columnUniqueness(engine, ctx, ref('stores', 'Region upper'))).toEqual({ values: 5, duplicateValues: 1, duplicateRows: 1, examples: ['NORTH'] });
    // sales joined to stores: stores 0 and 1 are in North, 8 sales each
    expect(await columnUniqueness(engine, ctx, ref('sales', 'Store region'))).toMatchObject({ values: 40, duplicateValues: 4, examples: ['North', 'East', 'South'] });
    const model = { datasets, relationships, calculated };
    expect(await checkCardinality(engine, model, { from: ref('sales', 'Store key'), to: ref('stores', 'Store key'), cardinality: 'many-to-one' })).toEqual({ ok: true });
    const swapped = await checkCardinality(engine, model, { from: ref('stores', 'Store key'), to: ref('sales', 'Store key'), cardinality: 'many-to-one' });
    expect(swapped.ok === false && swapped.fix?.label).toBe('Swap sides');
  });

  it('types are checked against the model before any query', () => {
    const problem = relationshipProblem({ datasets, relationships: [] }, { from: ref('sales', 'Region'), to: ref('calendar', 'DAY') });
    expect(problem?.message).toContain('sales.Region holds text (VARCHAR) and calendar.DAY holds dates (DATE)');
    expect(relationshipProblem({ datasets, relationships: [] }, { from: ref('sales', 'store_id'), to: ref('stores', 'store_id') })).toBeUndefined();
  });

  it('autodetect relates same-named columns of compatible types where exactly one side is unique', async () => {
    const found = await detectRelationships(engine, { datasets, relationships: [] });
    expect(found).toEqual([
      // calendar–sales: day (case-insensitive); calendar.store_id is VARCHAR, never paired with a number
      { from: ref('sales', 'day'), to: ref('calendar', 'DAY'), active: true },
      { from: ref('sales', 'Region'), to: ref('regions', 'region'), active: true },
      { from: ref('stores', 'region'), to: ref('regions', 'region'), active: true },
      // sales–stores: id is unique on both sides (skipped); store_id, but the tables are already connected through regions
      { from: ref('sales', 'store_id'), to: ref('stores', 'store_id'), active: false },
    ]);
    expect(autodetectText(datasets, found)).toBe(
      'Added 4 relationships: sales.day → calendar.DAY, sales.Region → regions.region, stores.region → regions.region, sales.store_id → stores.store_id (inactive: the tables were already connected).',
    );
    // pairs of tables already related (either way) are left alone
    const existing = [rel('r1', ['stores', 'store_id'], ['sales', 'store_id'], { cardinality: 'one-to-many' }), rel('r2', ['sales', 'Region'], ['regions', 'region'])];
    expect(await detectRelationships(engine, { datasets, relationships: existing })).toEqual([
      { from: ref('sales', 'day'), to: ref('calendar', 'DAY'), active: true },
      { from: ref('stores', 'region'), to: ref('regions', 'region'), active: false },
    ]);
    const all = found.map((r, i) => rel(`a${i}`, [r.from.datasetId, r.from.column], [r.to.datasetId, r.to.column], { active: r.active }));
    expect(await detectRelationships(engine, { datasets, relationships: all })).toEqual([]);
    expect(autodetectText(datasets, [])).toBe('No new relationships found.');
  });

  it('a detected relationship joins as the compiler plans it: totals by a dimension column match the fact', async () => {
    const [salesToRegions] = (await detectRelationships(engine, { datasets: [sales, regions], relationships: [] })).map((r) => rel('r', [r.from.datasetId, r.from.column], [r.to.datasetId, r.to.column]));
    const visual: Visual = {
      id: 'v', pageId: 'p', type: 'bar', x: 0, y: 0, w: 1, h: 1, z: 0, title: '', filters: [], format: {}, sort: null, topN: null,
      fields: { category: [ref('regions', 'manager')], values: [ref('sales', 'amount')] },
    };
    const { sql } = compileVisualQuery({ visual, datasets: [sales, regions], relationships: [salesToRegions], measures: [], filters: [] });
    const { rows } = await engine.query(sql);
    const direct = await engine.query(`SELECT r.manager, sum(s.amount) AS total FROM ds_sales s JOIN ds_regions r ON s."Region" = r.region GROUP BY 1`);
    expect(new Map(rows.map((r) => [r.c0, r.c1]))).toEqual(new Map(direct.rows.map((r) => [r.manager, r.total])));
    expect(rows).toHaveLength(4);
  });
});
