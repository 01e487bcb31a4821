import { describe, expect, it } from 'vitest';
import type { DatasetEntry, ResultField, Visual } from '@tessera/shared';
import { combineLevels, drilledInput, drillHierarchyOf, drillInto, drillUp, expandAll, nextLevel, TOP_STATE, COMBINED_KEY } from './hierarchy';
import { matrixTree } from './matrix-tree';
import { drillThroughFilters, drillThroughTargets } from './drill-through';
import { crossFilterFor, highlightFromRows, NOTHING } from '../interactions/interaction-mode';

const ds: DatasetEntry = {
  id: 'd',
  name: 'sales',
  source: { kind: 'derived', sql: 'x' },
  columns: [
    { name: 'order_date', type: 'DATE' },
    { name: 'region', type: 'VARCHAR' },
    { name: 'product', type: 'VARCHAR' },
    { name: 'quantity', type: 'BIGINT' },
  ],
  rowCount: 1,
  version: 'v',
  refreshedAt: '',
  transforms: [],
};
const visual = (category: string[], type: Visual['type'] = 'column'): Visual => ({
  id: 'v1',
  pageId: 'p1',
  type,
  x: 0,
  y: 0,
  w: 100,
  h: 100,
  z: 0,
  title: '',
  fields: { category: category.map((column) => ({ datasetId: 'd', column })), values: [{ datasetId: 'd', column: 'quantity', aggregate: 'sum' }] },
  filters: [],
  format: {},
  sort: null,
  topN: null,
});

describe('drill hierarchy', () => {
  it('a date on a column chart axis gets Year › Quarter › Month › Day; one text column or a line chart none', () => {
    expect(drillHierarchyOf(visual(['order_date']), [ds])?.levels).toEqual(['Year', 'Quarter', 'Month', 'Day']);
    expect(drillHierarchyOf(visual(['region']), [ds])).toBeUndefined();
    expect(drillHierarchyOf(visual(['order_date'], 'line'), [ds])).toBeUndefined();
    expect(drillHierarchyOf(visual(['region', 'product']), [ds])?.levels).toEqual(['region', 'product']);
  });

  it('date: next level, drill into Q1, drill up — date level and filters follow', () => {
    const v = visual(['order_date']);
    const h = drillHierarchyOf(v, [ds]);
    if (!h) throw new Error('no hierarchy');
    expect(drilledInput(v, h, TOP_STATE)).toMatchObject({ drill: { level: 0 }, predicates: [] });
    const quarters = nextLevel(h, TOP_STATE);
    expect(drilledInput(v, h, quarters)).toMatchObject({ drill: { level: 1 }, predicates: [] });
    const q1 = drillInto(h, quarters, ['2024 Q1']);
    expect(q1).toEqual({ level: 2, path: [{ level: 1, value: '2024 Q1' }], expandedFrom: null });
    expect(drilledInput(v, h, q1).predicates).toEqual([{ kind: 'in', field: { datasetId: 'd', column: 'order_date' }, values: ['2024 Q1'] }]);
    expect(drillUp(q1)).toEqual({ level: 1, path: [], expandedFrom: null });
    expect(drillUp(TOP_STATE)).toBe(TOP_STATE);
    const day = nextLevel(h, nextLevel(h, quarters));
    expect(nextLevel(h, day)).toBe(day);
  });

  it('columns: the axis narrows to the shown level; expand all combines labels; a click on a combined point drills by every level', () => {
    const v = visual(['region', 'product']);
    const h = drillHierarchyOf(v, [ds]);
    if (!h) throw new Error('no hierarchy');
    expect(drilledInput(v, h, TOP_STATE).visual.fields.category).toEqual([{ datasetId: 'd', column: 'region' }]);
    const west = drillInto(h, TOP_STATE, ['West']);
    const input = drilledInput(v, h, west);
    expect(input.visual.fields.category).toEqual([{ datasetId: 'd', column: 'product' }]);
    expect(input.predicates).toEqual([{ kind: 'in', field: { datasetId: 'd', column: 'region' }, values: ['West'] }]);
    const expanded = expandAll(h, TOP_STATE);
    expect(drilledInput(v, h, expanded).visual.fields.category?.map((r) => ('column' in r ? r.column : ''))).toEqual(['region', 'product']);
    const fields: ResultField[] = [
      { key: 'c0', role: 'category', label: 'region', kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column: 'region' } },
      { key: 'c1', role: 'category', label: 'product', kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column: 'product' } },
      { key: 'c2', role: 'values', label: 'Sum of quantity', kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref: { datasetId: 'd', column: 'quantity' } },
    ];
    const combined = combineLevels([{ c0: 'West', c1: 'Gizmo', c2: 3 }], fields, h);
    expect(combined.fields.map((f) => f.key)).toEqual([COMBINED_KEY, 'c2']);
    expect(combined.rows[0][COMBINED_KEY]).toBe('West Gizmo');
    expect(drillInto(h, { level: 1, path: [], expandedFrom: 0 }, ['West', 'Gizmo'])).toEqual(
      { level: 1, path: [], expandedFrom: 0 }, // already at the last level: nothing to drill into
    );
    expect(drillUp(expanded)).toEqual(TOP_STATE);
  });
});

describe('matrix tree', () => {
  it('groups rows by __level with subtotals and the grand total', () => {
    const f = (key: string, role: string, kind: 'dimension' | 'measure'): ResultField => ({ key, role, label: key, kind, vlType: 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column: key } });
    const fields = [f('c0', 'rows', 'dimension'), f('c1', 'rows', 'dimension'), f('c2', 'values', 'measure')];
    const rows = [
      { c0: 'East', c1: 'A', c2: 1, __level: 2, __colLevel: 0 },
      { c0: 'East', c1: 'B', c2: 2, __level: 2, __colLevel: 0 },
      { c0: 'East', c1: null, c2: 3, __level: 1, __colLevel: 0 },
      { c0: 'West', c1: 'A', c2: 4, __level: 2, __colLevel: 0 },
      { c0: 'West', c1: null, c2: 4, __level: 1, __colLevel: 0 },
      { c0: null, c1: null, c2: 7, __level: 0, __colLevel: 0 },
    ];
    const t = matrixTree(rows, fields);
    expect(t.roots.map((n) => [n.path, n.cells[0][0], n.children.map((c) => c.path[1])])).toEqual([
      [['East'], 3, ['A', 'B']],
      [['West'], 4, ['A']],
    ]);
    expect(t.grandTotal?.cells[0][0]).toBe(7);
  });
});

describe('drill-through and interactions', () => {
  const fields: ResultField[] = [{ key: 'c0', role: 'category', label: 'region', kind: 'dimension', vlType: 'nominal', sqlType: 'VARCHAR', ref: { datasetId: 'd', column: 'region' } }];
  const page = (id: string, drillThrough?: { datasetId: string; column: string }[]) => ({ id, name: id, filters: [], size: { width: 100, height: 100 }, ...(drillThrough ? { drillThrough } : {}) });

  it('offers pages whose drill-through fields the datum carries, and replaces earlier drill-through filters', () => {
    const pages = [page('p1', [{ datasetId: 'd', column: 'region' }]), page('p2', [{ datasetId: 'd', column: 'region' }]), page('p3', [{ datasetId: 'd', column: 'product' }]), page('p4')];
    const targets = drillThroughTargets(pages, 'p1', fields, { c0: 'West' });
    expect(targets.map((t) => t.page.id)).toEqual(['p2']);
    const first = drillThroughFilters(targets[0].page, targets[0].values);
    const again = drillThroughFilters({ ...targets[0].page, filters: first }, [{ field: { datasetId: 'd', column: 'region' }, value: 'East' }]);
    expect(again).toEqual([{ id: 'drillthrough_d_region', kind: 'values', field: { datasetId: 'd', column: 'region' }, values: ['East'] }]);
  });

  it('the cross-filter applies per the edited interaction; highlight rows give the bright keys', () => {
    const v = { ...visual(['region']), id: 'target' };
    const src = { ...visual(['product']), id: 'src' };
    const cross = { sourceVisualId: 'src', predicate: { kind: 'in' as const, field: { datasetId: 'd', column: 'product' }, values: ['Gizmo'] } };
    const snap = (mode?: 'filter' | 'highlight' | 'none') => ({
      meta: { schemaVersion: 1, name: 'w', theme: '', createdAt: '' },
      datasets: { d: ds },
      model: { relationships: {}, measures: {}, columns: {}, hierarchies: {} },
      pageOrder: ['p1'],
      pages: { p1: { ...page('p1'), ...(mode ? { interactions: { src: { target: mode } } } : {}) } },
      visuals: { target: v, src },
    });
    expect(crossFilterFor(v, snap(), cross)).toEqual({ filter: cross });
    expect(crossFilterFor(v, snap('none'), cross)).toEqual({});
    expect(crossFilterFor(v, snap('highlight'), cross)).toEqual({ highlight: cross.predicate });
    expect(crossFilterFor({ ...v, type: 'card' }, snap('highlight'), cross)).toEqual({ filter: cross });
    expect(crossFilterFor(src, snap(), cross)).toEqual({});
    expect(highlightFromRows('c0', [{ c0: 'West' }, { c0: 'East' }, { c0: 'West' }])).toEqual([{ key: 'c0', values: ['West', 'East'] }]);
    expect(highlightFromRows('c0', [])).toEqual([{ key: 'c0', values: [NOTHING] }]);
  });
});
