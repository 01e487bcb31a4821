/**
 * The matrix visual with expandable row groups: "+"/"−" per group ("Expand <value>" / "Collapse
 * <value>"), each group row showing its subtotal, a row total column when there are column fields,
 * and the grand total row.
 */
import { formatValue, type ResultField } from '@tessera/shared';
import { useMemo, useState, type ReactNode } from 'react';
import { numberFormatOf } from '../field-format';
import { matrixTree, nodeKey, type MatrixNode } from './matrix-tree';
import './drill.css';

export function MatrixTree({ fields, rows, label }: { fields: ResultField[]; rows: Record<string, unknown>[]; label: string }): ReactNode {
  const tree = useMemo(() => matrixTree(rows, fields), [rows, fields]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const { rowFields, colFields, values, colKeys } = tree;
  const fmt = (v: unknown, f: ResultField): string => (v === null || v === undefined ? '' : formatValue(v, f, numberFormatOf(f)));
  const columns = colFields.length === 0 ? [{ key: '', label: '' }] : [...colKeys.map((k) => ({ key: nodeKey(k), label: k.join(' · ') })), { key: '__total', label: 'Total' }];
  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };
  const out: ReactNode[] = [];
  const walk = (node: MatrixNode) => {
    const key = nodeKey(node.path);
    const value = node.path[node.path.length - 1] ?? '';
    const leaf = node.level >= rowFields.length;
    const open = expanded.has(key);
    out.push(
      <tr key={`${node.level}:${key}`} className={leaf ? undefined : 'matrix__subtotal'}>
        <th scope="row" style={{ paddingLeft: 6 + (node.level - 1) * 14 }}>
          {leaf ? null : (
            <button type="button" className="matrix__toggle" aria-label={`${open ? 'Collapse' : 'Expand'} ${value}`} aria-expanded={open} onClick={() => toggle(key)}>
              {open ? '−' : '+'}
            </button>
          )}
          {value}
        </th>
        {node.cells.map((cell, c) =>
          values.map((v, i) => (
            <td key={`${c}:${v.key}`} className={`num${colFields.length > 0 && c === node.cells.length - 1 ? ' total' : ''}`}>
              {fmt(cell[i], v)}
            </td>
          )),
        )}
      </tr>,
    );
    if (open) for (const child of node.children) walk(child);
  };
  for (const root of tree.roots) walk(root);
  return (
    <div className="visual__table-wrap">
      <table className="visual__table visual__matrix" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{rowFields.map((f) => f.label).join(' / ') || ' '}</th>
            {columns.map((c) =>
              values.map((v) => (
                <th key={`${c.key}:${v.key}`} scope="col" className="num">
                  {[c.label, values.length > 1 || colFields.length === 0 ? v.label : ''].filter(Boolean).join(' — ')}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {out}
          {tree.grandTotal ? (
            <tr className="total">
              <th scope="row">Total</th>
              {tree.grandTotal.cells.map((cell, c) => values.map((v, i) => <td key={`${c}:${v.key}`} className="num">{fmt(cell[i], v)}</td>))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
