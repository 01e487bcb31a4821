import { describe, expect, it } from 'vitest';
import type { DatasetEntry, Filter } from '../workbook/schema';
import { conditionToPredicate, filterToPredicate } from './filter-predicates';
import { compilePredicate, filtersToPredicates, QueryCompileError, type Predicate } from './index';
import { withTopNContext } from './topn';

const s: DatasetEntry = {
  id: 's',
  name: 'Sales',
  source: { kind: 'derived', sql: 'x' },
  columns: [
    { name: 'region', type: 'VARCHAR' },
    { name: 'qty', type: 'INTEGER' },
    { name: 'day', type: 'DATE' },
  ],
  rowCount: 1,
  version: 'v',
  refreshedAt: '',
  transforms: [],
};
const region = { datasetId: 's', column: 'region' };
const qty = { datasetId: 's', column: 'qty' };
const day = { datasetId: 's', column: 'day' };

describe('filter → predicate', () => {
  it('basic: ticked values → in; nothing ticked → no predicate; exclude kept', () => {
    expect(filterToPredicate({ id: 'a', kind: 'values', field: region, values: ['North'] })).toEqual({ kind: 'in', field: region, values: ['North'] });
    expect(filterToPredicate({ id: 'a', kind: 'values', field: region, values: [] })).toBeUndefined();
    expect(filterToPredicate({ id: 'a', kind: 'values', field: region, values: [null], exclude: true, locked: true })).toEqual({ kind: 'in', field: region, values: [null], exclude: true });
  });

  it('range: an empty range is no predicate; aggregates on the field ref are dropped', () => {
    expect(filterToPredicate({ id: 'r', kind: 'range', field: { ...qty, aggregate: 'sum' }, min: 2 })).toEqual({ kind: 'range', field: qty, min: 2 });
    expect(filterToPredicate({ id: 'r', kind: 'range', field: qty })).toBeUndefined();
  });

  it('advanced: text operators', () => {
    expect(conditionToPredicate(region, { op: 'contains', value: 'or' })).toEqual({ kind: 'compare', field: region, op: 'contains', value: 'or' });
    expect(conditionToPredicate(region, { op: 'notContains', value: 'or' })).toEqual({
      kind: 'or',
      items: [{ kind: 'compare', field: region, op: 'isBlank' }, { kind: 'not', item: { kind: 'compare', field: region, op: 'contains', value: 'or' } }],
    });
    expect(conditionToPredicate(region, { op: 'startsWith', value: 'N' })).toEqual({ kind: 'compare', field: region, op: 'startsWith', value: 'N' });
    expect(conditionToPredicate(region, { op: 'is', value: 'East' })).toEqual({ kind: 'compare', field: region, op: 'eq', value: 'East' });
    expect(conditionToPredicate(region, { op: 'isNot', value: 'East' })).toEqual({ kind: 'compare', field: region, op: 'ne', value: 'East' });
    expect(conditionToPredicate(region, { op: 'isBlank' })).toEqual({ kind: 'compare', field: region, op: 'isBlank' });
    // a condition without its value does not filter yet
    expect(conditionToPredicate(region, { op: 'contains', value: '' })).toBeUndefined();
    expect(conditionToPredicate(region, { op: 'is' })).toBeUndefined();
  });

  it('advanced: number and date operators, between, and/or join', () => {
    for (const [op, to] of [['eq', 'eq'], ['ne', 'ne'], ['gt', 'gt'], ['ge', 'ge'], ['lt', 'lt'], ['le', 'le']] as const) {
      expect(conditionToPredicate(qty, { op, value: 10 })).toEqual({ kind: 'compare', field: qty, op: to, value: 10 });
    }
    for (const [op, to] of [['on', 'eq'], ['after', 'gt'], ['onOrAfter', 'ge'], ['before', 'lt'], ['onOrBefore', 'le']] as const) {
      expect(conditionToPredicate(day, { op, value: '2024-03-01' })).toEqual({ kind: 'compare', field: day, op: to, value: '2024-03-01' });
    }
    expect(conditionToPredicate(qty, { op: 'between', value: 2, value2: 5 })).toEqual({ kind: 'range', field: qty, min: 2, max: 5 });
    expect(conditionToPredicate(qty, { op: 'between', value2: 5 })).toEqual({ kind: 'range', field: qty, max: 5 });
    const f: Filter = { id: 'x', kind: 'advanced', field: qty, join: 'or', conditions: [{ op: 'lt', value: 3 }, { op: 'gt', value: 10 }, { op: 'eq' }] };
    expect(filterToPredicate(f)).toEqual({ kind: 'or', items: [{ kind: 'compare', field: qty, op: 'lt', value: 3 }, { kind: 'compare', field: qty, op: 'gt', value: 10 }] });
    expect(filterToPredicate({ ...f, join: 'and', conditions: [{ op: 'gt', value: 10 }] })).toEqual({ kind: 'compare', field: qty, op: 'gt', value: 10 });
    expect(filterToPredicate({ ...f, conditions: [] })).toBeUndefined();
  });

  it('relative date and Top N', () => {
    expect(filterToPredicate({ id: 'd', kind: 'relativeDate', field: day, direction: 'last', n: 3, unit: 'month', includeCurrent: true })).toEqual({
      kind: 'relativeDate', field: day, unit: 'month', last: 3, includeCurrent: true,
    });
    expect(filterToPredicate({ id: 'd', kind: 'relativeDate', field: day, direction: 'next', n: 2, unit: 'week', includeCurrent: false })).toEqual({
      kind: 'relativeDate', field: day, unit: 'week', last: 2, includeCurrent: false, direction: 'next',
    });
    expect(filterToPredicate({ id: 't', kind: 'topN', field: region, direction: 'bottom', n: 2, by: { ...qty, aggregate: 'sum' } })).toEqual({
      kind: 'topN', field: region, n: 2, by: { ...qty, aggregate: 'sum' }, direction: 'bottom',
    });
  });

  it('Top N: the other (non Top N) predicates of the list are the context it ranks in', () => {
    const top: Filter = { id: 't', kind: 'topN', field: region, direction: 'top', n: 2, by: { ...qty, aggregate: 'sum' } };
    const top2: Filter = { ...top, id: 't2', field: day };
    const north: Filter = { id: 'r', kind: 'values', field: region, values: ['North'] };
    const big: Filter = { id: 'q', kind: 'range', field: qty, min: 5 };
    const [p1, p2, p3, p4] = filtersToPredicates([top, north, top2, big]);
    const context = [filterToPredicate(north), filterToPredicate(big)];
    expect(p1).toEqual({ ...filterToPredicate(top), within: context });
    expect(p2).toEqual(context[0]);
    expect(p3).toEqual({ ...filterToPredicate(top2), within: context });
    expect(p4).toEqual(context[1]);
    // alone, it ranks over every row; applied again to a longer list, the context is that list's
    expect(filtersToPredicates([top])).toEqual([filterToPredicate(top)]);
    const cross: Predicate = { kind: 'in', field: region, values: ['East'] };
    expect(withTopNContext([p1, cross])).toEqual([{ ...filterToPredicate(top), within: [cross] }, cross]);
    expect(withTopNContext([cross])).toEqual([cross]);
  });

  it('filters on a measure are left out (they are not row predicates)', () => {
    expect(filtersToPredicates([{ id: 'm', kind: 'values', field: { measureId: 'x' }, values: [1] }, { id: 'r', kind: 'values', field: region, values: ['A'] }])).toEqual([
      { kind: 'in', field: region, values: ['A'] },
    ]);
  });
});

describe('new predicates as SQL', () => {
  it('relative date: last / next with and without the current period', () => {
    const sql = (direction: 'last' | 'next', includeCurrent: boolean) =>
      compilePredicate({ kind: 'relativeDate', field: day, unit: 'day', last: 7, includeCurrent, today: '2024-03-10', direction }, [s]);
    expect(sql('last', true)).toContain(`INTERVAL '-6 day'`);
    expect(sql('last', false)).toContain(`INTERVAL '-7 day'`);
    expect(sql('next', true)).toContain(`INTERVAL '7 day'`);
    expect(sql('next', false)).toMatch(/INTERVAL '1 day'.*INTERVAL '8 day'/);
  });

  it('Top N: a grouped, ordered, limited subquery', () => {
    const sql = compilePredicate({ kind: 'topN', field: region, n: 2, by: { ...qty, aggregate: 'sum' }, direction: 'top' }, [s]);
    expect(sql).toBe(
      `("ds_s"."region" IN (SELECT "ds_s"."region" FROM "ds_s" WHERE ("ds_s"."region" IS NOT NULL) GROUP BY "ds_s"."region" ORDER BY CAST(SUM("ds_s"."qty") AS DOUBLE) DESC NULLS LAST, "ds_s"."region" ASC LIMIT 2))`,
    );
    expect(() => compilePredicate({ kind: 'topN', field: region, n: 2, by: { ...region, aggregate: 'sum' }, direction: 'top' }, [s])).toThrow(QueryCompileError);
    expect(() => compilePredicate({ kind: 'topN', field: region, n: 0, by: qty, direction: 'top' }, [s])).toThrow(/N to be a whole number/);
  });

  it('Top N in context: the context goes into the ranking subquery; a context it cannot reach is left out', () => {
    const other: DatasetEntry = { ...s, id: 'o', name: 'Other', columns: [{ name: 'k', type: 'VARCHAR' }] };
    const [top] = withTopNContext([
      { kind: 'topN', field: region, n: 2, by: { ...qty, aggregate: 'sum' }, direction: 'top' },
      { kind: 'in', field: day, values: ['2024-01-02'] },
      { kind: 'in', field: { datasetId: 'o', column: 'k' }, values: ['x'] },
    ]);
    expect(compilePredicate(top, [s, other])).toBe(
      `("ds_s"."region" IN (SELECT "ds_s"."region" FROM "ds_s" WHERE (("ds_s"."region" IS NOT NULL) AND ("ds_s"."day" IN (CAST('2024-01-02' AS DATE)))) GROUP BY "ds_s"."region" ORDER BY CAST(SUM("ds_s"."qty") AS DOUBLE) DESC NULLS LAST, "ds_s"."region" ASC LIMIT 2))`,
    );
  });
});
