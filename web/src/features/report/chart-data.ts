/**
 * Pure helpers between result rows and charts: which result field a click filters by, the value
 * a clicked datum carries for it, and the data-less "shape" of a spec (so that a change of rows
 * alone updates the Vega view in place instead of re-embedding it).
 */
import { isMeasureRef, type ColumnFieldRef, type Scalar } from '@tessera/shared';
import { type ResultField } from '@tessera/shared';

const FILTER_ROLES = ['category', 'series', 'x', 'rows', 'field', 'location', 'columns', 'details'];

/** The dimension field a click on a datum filters by (category first), with a plain column ref. */
export function crossFilterField(fields: readonly ResultField[]): { field: ResultField; ref: ColumnFieldRef } | undefined {
  // a date shown at a hierarchy level publishes its level key ('2024-03'), which the predicate compiler reads as that period
  const dims = fields.filter((f) => f.kind === 'dimension' && !isMeasureRef(f.ref));
  for (const role of FILTER_ROLES) {
    const hit = dims.find((f) => f.role === role);
    if (hit && !isMeasureRef(hit.ref)) return { field: hit, ref: { datasetId: hit.ref.datasetId, column: hit.ref.column } };
  }
  const first = dims[0];
  if (first && !isMeasureRef(first.ref)) return { field: first, ref: { datasetId: first.ref.datasetId, column: first.ref.column } };
  return undefined;
}

/** A datum's value as a filter scalar (Vega turns temporal strings into Dates: back to 'YYYY-MM-DD'). */
export function datumValue(datum: unknown, key: string): Scalar | undefined {
  if (typeof datum !== 'object' || datum === null || !(key in datum)) return undefined;
  const value: unknown = (datum as Record<string, unknown>)[key];
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return undefined;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits a spec into its shape (the 'table' data emptied) and whether rows were found there.
 * Handles Vega-Lite (`data: {name:'table', values}`) and Vega (`data: [{name:'table', values}, …]`).
 */
export function specShape(spec: Json): { shape: Json; hasTable: boolean } {
  const data = spec.data;
  if (isRecord(data) && data.name === 'table' && Array.isArray(data.values)) return { shape: { ...spec, data: { ...data, values: [] } }, hasTable: true };
  if (Array.isArray(data)) {
    const at = data.findIndex((d) => isRecord(d) && d.name === 'table' && Array.isArray(d.values));
    if (at >= 0) {
      const copy = [...data];
      copy[at] = { ...(data[at] as Json), values: [] };
      return { shape: { ...spec, data: copy }, hasTable: true };
    }
  }
  return { shape: spec, hasTable: false };
}
