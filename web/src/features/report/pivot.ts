/**
 * Pure pivoting for the matrix visual: grouped result rows (row dims × column dims × values) →
 * a grid with row and column totals. Totals are shown only for additive aggregations
 * (sum, count); others would be wrong when added up, so their totals stay empty.
 */
import { type ResultField } from '@tessera/shared';

export interface PivotTable {
  rowKeys: string[][];
  colKeys: string[][];
  /** cells[rowIndex][colIndex][valueIndex] */
  cells: (number | null)[][][];
  rowTotals: (number | null)[][];
  colTotals: (number | null)[][];
  grandTotals: (number | null)[];
}

const keyOf = (row: Record<string, unknown>, fields: readonly ResultField[]): string[] => fields.map((f) => (row[f.key] === null || row[f.key] === undefined ? '(Blank)' : String(row[f.key])));

export function isAdditive(field: ResultField): boolean {
  return field.aggregate === 'sum' || field.aggregate === 'count';
}

function addTo(a: number | null, value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? (a ?? 0) + value : a;
}

export function pivot(rows: readonly Record<string, unknown>[], fields: readonly ResultField[]): PivotTable {
  const rowFields = fields.filter((f) => f.role === 'rows');
  const colFields = fields.filter((f) => f.role === 'columns');
  const values = fields.filter((f) => f.kind === 'measure');
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  const rowKeys: string[][] = [];
  const colKeys: string[][] = [];
  for (const row of rows) {
    const rk = keyOf(row, rowFields);
    const ck = keyOf(row, colFields);
    if (!rowIndex.has(rk.join('\u0001'))) {
      rowIndex.set(rk.join('\u0001'), rowKeys.length);
      rowKeys.push(rk);
    }
    if (!colIndex.has(ck.join('\u0001'))) {
      colIndex.set(ck.join('\u0001'), colKeys.length);
      colKeys.push(ck);
    }
  }
  const cells = rowKeys.map(() => colKeys.map(() => values.map((): number | null => null)));
  const rowTotals = rowKeys.map(() => values.map((): number | null => null));
  const colTotals = colKeys.map(() => values.map((): number | null => null));
  const grandTotals = values.map((): number | null => null);
  for (const row of rows) {
    const r = rowIndex.get(keyOf(row, rowFields).join('\u0001')) ?? 0;
    const c = colIndex.get(keyOf(row, colFields).join('\u0001')) ?? 0;
    values.forEach((v, i) => {
      const value = row[v.key];
      cells[r][c][i] = typeof value === 'number' ? value : null;
      if (!isAdditive(v)) return;
      rowTotals[r][i] = addTo(rowTotals[r][i], value);
      colTotals[c][i] = addTo(colTotals[c][i], value);
      grandTotals[i] = addTo(grandTotals[i], value);
    });
  }
  return { rowKeys, colKeys, cells, rowTotals, colTotals, grandTotals };
}
