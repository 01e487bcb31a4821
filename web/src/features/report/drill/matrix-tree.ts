/**
 * The matrix as a tree of row groups (Power BI's stepped layout): the compiler's GROUPING SETS rows
 * carry `__level` (how many row fields a row is grouped by; 0 = grand total) and `__colLevel` (the
 * same for column fields). Each group row shows its subtotal; expanded groups show their children.
 * Columns: the full column-field combinations, then the row total (`__colLevel` 0). Pure.
 */
import { type ResultField } from '@tessera/shared';

export interface MatrixNode {
  /** Values of the row fields down to this node's level. */
  path: string[];
  level: number;
  /** cells[colIndex][valueIndex]; the last column is the total when there are column fields. */
  cells: unknown[][];
  children: MatrixNode[];
}

export interface MatrixTree {
  rowFields: ResultField[];
  colFields: ResultField[];
  values: ResultField[];
  colKeys: string[][];
  /** Top-level groups (level 1), or the detail rows when there are no row fields. */
  roots: MatrixNode[];
  grandTotal: MatrixNode | undefined;
}

const text = (v: unknown): string => (v === null || v === undefined ? '(Blank)' : String(v));
const SEP = '\u0001';
const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

export const nodeKey = (path: readonly string[]): string => path.join(SEP);

export function matrixTree(rows: readonly Record<string, unknown>[], fields: readonly ResultField[]): MatrixTree {
  const rowFields = fields.filter((f) => f.role === 'rows');
  const colFields = fields.filter((f) => f.role === 'columns');
  const values = fields.filter((f) => f.kind === 'measure');
  const fullCol = colFields.length;
  const colKeys: string[][] = [];
  const colIndex = new Map<string, number>();
  for (const row of rows) {
    if (num(row.__colLevel) !== fullCol || fullCol === 0) continue;
    const ck = colFields.map((f) => text(row[f.key]));
    if (!colIndex.has(nodeKey(ck))) {
      colIndex.set(nodeKey(ck), colKeys.length);
      colKeys.push(ck);
    }
  }
  const width = fullCol === 0 ? 1 : colKeys.length + 1;
  const nodes = new Map<string, MatrixNode>();
  const order: MatrixNode[] = [];
  const nodeOf = (path: string[]): MatrixNode => {
    const k = `${path.length}${SEP}${nodeKey(path)}`;
    let node = nodes.get(k);
    if (!node) {
      node = { path, level: path.length, cells: Array.from({ length: width }, () => values.map(() => null)), children: [] };
      nodes.set(k, node);
      order.push(node);
    }
    return node;
  };
  for (const row of rows) {
    const level = num(row.__level ?? rowFields.length);
    const colLevel = num(row.__colLevel ?? fullCol);
    if (colLevel !== fullCol && colLevel !== 0) continue; // intermediate column subtotals are not shown
    const node = nodeOf(rowFields.slice(0, level).map((f) => text(row[f.key])));
    const c = fullCol === 0 ? 0 : colLevel === 0 ? colKeys.length : (colIndex.get(nodeKey(colFields.map((f) => text(row[f.key])))) ?? -1);
    if (c < 0) continue;
    node.cells[c] = values.map((v) => row[v.key]);
  }
  // link children to parents (in result order: the compiler sorts groups by value)
  const roots: MatrixNode[] = [];
  let grandTotal: MatrixNode | undefined;
  for (const node of order) {
    if (node.level === 0) {
      grandTotal = node;
      continue;
    }
    if (node.level === 1) roots.push(node);
    else nodes.get(`${node.level - 1}${SEP}${nodeKey(node.path.slice(0, -1))}`)?.children.push(node);
  }
  return { rowFields, colFields, values, colKeys, roots: rowFields.length === 0 ? [] : roots, grandTotal };
}
