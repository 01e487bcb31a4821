/** The table "Show data" displays: one column per result field (its label), formatted values, optional sort. */
import { formatValue, readNumberFormat, type ResultField } from '@tessera/shared';
import { numberFormatOf } from '../field-format';

export interface ShowDataColumn {
  name: string;
  type: string;
  field: ResultField;
}

/** Column names are the field labels, made unique ("Sum of x", "Sum of x (2)"). */
export function showDataColumns(fields: readonly ResultField[]): ShowDataColumn[] {
  const used = new Map<string, number>();
  return fields.map((field) => {
    const n = (used.get(field.label) ?? 0) + 1;
    used.set(field.label, n);
    return { name: n === 1 ? field.label : `${field.label} (${n})`, type: field.kind === 'measure' ? 'value' : 'group', field };
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Rows keyed by column name with display strings, sorted by a column's raw values when asked. */
export function showDataRows(
  columns: readonly ShowDataColumn[],
  rows: readonly Record<string, unknown>[],
  visualFormat: Record<string, unknown>,
  sort?: { column: string; direction: 'asc' | 'desc' } | null,
): Record<string, string>[] {
  let ordered = [...rows];
  const by = sort ? columns.find((c) => c.name === sort.column) : undefined;
  if (sort && by) {
    ordered = ordered.sort((x, y) => compare(x[by.field.key], y[by.field.key]) * (sort.direction === 'asc' ? 1 : -1));
  }
  const number = readNumberFormat(visualFormat.numberFormat);
  return ordered.map((row) => Object.fromEntries(columns.map((c) => [c.name, formatValue(row[c.field.key], c.field, { ...number, ...numberFormatOf(c.field) })])));
}
