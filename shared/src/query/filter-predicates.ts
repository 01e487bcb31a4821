/**
 * Workbook filters (report, page, visual — schema `Filter`) → query predicates. A filter that does not restrict anything yet
 * (a basic filter with nothing ticked, an advanced condition without its value, an empty range) gives no predicate, as in
 * Power BI where an unfinished filter shows all the data.
 */
import type { AdvancedCondition, ColumnFieldRef, Filter } from '../workbook/schema';
import { isMeasureRef } from '../workbook/schema';
import type { Predicate } from './types';

const has = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

const COMPARE: Partial<Record<AdvancedCondition['op'], Extract<Predicate, { kind: 'compare' }>['op']>> = {
  contains: 'contains',
  startsWith: 'startsWith',
  is: 'eq',
  isNot: 'ne',
  eq: 'eq',
  ne: 'ne',
  gt: 'gt',
  ge: 'ge',
  lt: 'lt',
  le: 'le',
  on: 'eq',
  after: 'gt',
  onOrAfter: 'ge',
  before: 'lt',
  onOrBefore: 'le',
};

/** One "Advanced filtering" condition as a predicate; undefined while it lacks the value(s) it needs. */
export function conditionToPredicate(field: ColumnFieldRef, c: AdvancedCondition): Predicate | undefined {
  switch (c.op) {
    case 'isBlank':
    case 'isNotBlank':
      return { kind: 'compare', field, op: c.op };
    case 'notContains':
    case 'notStartsWith': {
      if (!has(c.value)) return undefined;
      const match: Predicate = { kind: 'compare', field, op: c.op === 'notContains' ? 'contains' : 'startsWith', value: c.value };
      // blanks do not contain the text, so they are kept
      return { kind: 'or', items: [{ kind: 'compare', field, op: 'isBlank' }, { kind: 'not', item: match }] };
    }
    case 'between': {
      if (!has(c.value) && !has(c.value2)) return undefined;
      return { kind: 'range', field, ...(has(c.value) ? { min: c.value } : {}), ...(has(c.value2) ? { max: c.value2 } : {}) };
    }
    default: {
      const op = COMPARE[c.op];
      if (!op || !has(c.value)) return undefined;
      return { kind: 'compare', field, op, value: c.value };
    }
  }
}

/** One workbook filter as a predicate; undefined when it does not restrict anything (or is on a measure). */
export function filterToPredicate(f: Filter): Predicate | undefined {
  if (isMeasureRef(f.field)) return undefined;
  const field: ColumnFieldRef = { datasetId: f.field.datasetId, column: f.field.column };
  switch (f.kind) {
    case 'values':
      if (f.values.length === 0) return undefined;
      return { kind: 'in', field, values: f.values, ...(f.exclude ? { exclude: true } : {}) };
    case 'range':
      if (f.min === undefined && f.max === undefined) return undefined;
      return { kind: 'range', field, ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}) };
    case 'advanced': {
      const items = f.conditions.map((c) => conditionToPredicate(field, c)).filter((p): p is Predicate => p !== undefined);
      if (items.length === 0) return undefined;
      return items.length === 1 ? items[0] : { kind: f.join, items };
    }
    case 'relativeDate':
      return { kind: 'relativeDate', field, unit: f.unit, last: f.n, includeCurrent: f.includeCurrent, ...(f.direction === 'next' ? { direction: 'next' as const } : {}) };
    case 'topN':
      return { kind: 'topN', field, n: f.n, by: f.by, direction: f.direction };
  }
}
