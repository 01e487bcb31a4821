/** Card, multi-row card and KPI visuals: big formatted numbers with their labels. */
import { type ResultField } from '@tessera/shared';
import { formatValue } from '@tessera/shared';
import { numberFormatOf } from './field-format';
import type { ReactNode } from 'react';

export function CardVisual({ fields, rows, format }: { fields: ResultField[]; rows: Record<string, unknown>[]; format?: Record<string, unknown> }): ReactNode {
  const field = fields.find((f) => f.kind === 'measure') ?? fields[0];
  if (!field) return null;
  const row = rows[0] ?? {};
  const text = rows.length === 0 ? '(Blank)' : formatValue(row[field.key], field, numberFormatOf(field, format));
  return (
    <div className="visual__card">
      <output className="visual__card-value" aria-label={field.label}>
        {text}
      </output>
      <span className="visual__card-label">{field.label}</span>
    </div>
  );
}

export function MultiRowCardVisual({ fields, rows, format }: { fields: ResultField[]; rows: Record<string, unknown>[]; format?: Record<string, unknown> }): ReactNode {
  const dims = fields.filter((f) => f.kind === 'dimension');
  const measures = fields.filter((f) => f.kind === 'measure');
  return (
    <ul className="visual__multicard">
      {rows.slice(0, 200).map((row, i) => (
        <li key={i}>
          {dims.map((f) => (
            <strong key={f.key}>{formatValue(row[f.key], f, numberFormatOf(f, format))}</strong>
          ))}
          <span className="visual__multicard-values">
            {measures.map((f) => (
              <span key={f.key}>
                <span className="visual__multicard-value">{formatValue(row[f.key], f, numberFormatOf(f, format))}</span> <span className="muted">{f.label}</span>
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function KpiVisual({ fields, rows, format }: { fields: ResultField[]; rows: Record<string, unknown>[]; format?: Record<string, unknown> }): ReactNode {
  const value = fields.find((f) => f.role === 'values');
  const target = fields.find((f) => f.role === 'target');
  const trend = fields.find((f) => f.role === 'trend');
  if (!value) return null;
  // with a trend axis the rows are one per period: the KPI shows the last one
  const row = (trend ? rows[rows.length - 1] : rows[0]) ?? {};
  const v = row[value.key];
  const t = target ? row[target.key] : undefined;
  const delta = typeof v === 'number' && typeof t === 'number' && t !== 0 ? (v - t) / Math.abs(t) : undefined;
  return (
    <div className="visual__card">
      <output className="visual__card-value" aria-label={value.label}>
        {formatValue(v, value, numberFormatOf(value, format))}
      </output>
      <span className="visual__card-label">{value.label}</span>
      {target && delta !== undefined ? (
        <span className={`visual__kpi-delta ${delta >= 0 ? 'good' : 'bad'}`}>
          {delta >= 0 ? '▲' : '▼'} {(delta * 100).toFixed(1)}% vs {target.label} ({formatValue(t, target, numberFormatOf(target, format))})
        </span>
      ) : null}
    </div>
  );
}
