/**
 * The slicer's variants other than the plain list: dropdown (the list folded under a button), between (numbers: two
 * inputs and a two-thumb range slider), relative (dates: in the last N days/weeks/months/years) and date range (two date
 * inputs). Each writes its selection as the page filter `slicer_<visualId>` (shared `setPageFilters`), like the list.
 */
import { setPageFilters, type ColumnFieldRef, type Filter, type Page, type ResultField, type Scalar, type Visual } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { slicerFilterId } from '../report-actions';
import { useEdit } from '../use-edit';
import { draftCount, RelativeDateInputs, type RelativeDraft } from './RelativeDateFilter';
import type { SlicerStyle } from './slicer-style';

interface VariantProps {
  visual: Visual;
  page: Page;
  field: ResultField;
  fields: ResultField[];
  rows: Record<string, unknown>[];
}

const asScalar = (value: unknown): Scalar => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null);

function useSlicerFilter(visual: Visual, page: Page, field: ResultField) {
  const edit = useEdit();
  const id = slicerFilterId(visual.id);
  const current = page.filters.find((f) => f.id === id);
  const ref = field.ref as ColumnFieldRef;
  const column = { datasetId: ref.datasetId, column: ref.column };
  const write = (filter: Filter | null) =>
    edit((doc) => {
      const others = page.filters.filter((f) => f.id !== id);
      setPageFilters(doc, page.id, filter ? [...others, filter] : others);
    });
  return { id, current, column, write };
}

function Clear({ onClear }: { onClear: () => void }): ReactNode {
  return (
    <button type="button" className="link-button" onClick={onClear}>
      Clear selection
    </button>
  );
}

function DropdownSlicer({ visual, page, field, rows }: VariantProps): ReactNode {
  const { id, current, column, write } = useSlicerFilter(visual, page, field);
  const selected = current?.kind === 'values' ? current.values : [];
  const toggle = (value: Scalar, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    write(next.length ? { id, kind: 'values', field: column, values: next } : null);
  };
  const summary = selected.length === 0 ? 'All' : selected.length === 1 ? String(selected[0] ?? '(Blank)') : 'Multiple selections';
  return (
    <details className="slicer-variant">
      <summary aria-label={`${field.label}: ${summary}`}>{summary}</summary>
      <div className="slicer-variant__dropdown-list" role="group" aria-label={`Values of ${field.label}`}>
        {rows.map((row, i) => {
          const value = asScalar(row[field.key]);
          const text = value === null ? '(Blank)' : String(value);
          return (
            <label key={i} className="visual__slicer-item">
              <input type="checkbox" checked={selected.some((v) => v === value)} onChange={(e) => toggle(value, e.target.checked)} />
              {text}
            </label>
          );
        })}
      </div>
      {selected.length ? <Clear onClear={() => write(null)} /> : null}
    </details>
  );
}

function BetweenSlicer({ visual, page, field, fields, rows }: VariantProps): ReactNode {
  const { id, current, column, write } = useSlicerFilter(visual, page, field);
  const minKey = fields.find((f) => f.role === 'min')?.key;
  const maxKey = fields.find((f) => f.role === 'max')?.key;
  const lo = Number(minKey ? rows[0]?.[minKey] : NaN);
  const hi = Number(maxKey ? rows[0]?.[maxKey] : NaN);
  const chosenMin = current?.kind === 'range' && typeof current.min === 'number' ? current.min : lo;
  const chosenMax = current?.kind === 'range' && typeof current.max === 'number' ? current.max : hi;
  const [from, setFrom] = useState(String(chosenMin));
  const [to, setTo] = useState(String(chosenMax));
  useEffect(() => {
    setFrom(String(chosenMin));
    setTo(String(chosenMax));
  }, [chosenMin, chosenMax]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return <p className="visual__message">No numbers to slice.</p>;
  const commit = (a = from, b = to) => {
    const min = Number(a);
    const max = Number(b);
    if (a.trim() === '' || b.trim() === '' || !Number.isFinite(min) || !Number.isFinite(max)) return;
    const [x, y] = min <= max ? [min, max] : [max, min];
    if (current?.kind === 'range' && current.min === x && current.max === y) return;
    write({ id, kind: 'range', field: column, min: x, max: y });
  };
  const step = Number.isInteger(lo) && Number.isInteger(hi) ? 1 : (hi - lo) / 100 || 1;
  return (
    <div className="slicer-variant" role="group" aria-label={`Range of ${field.label}`}>
      <div className="slicer-variant__row">
        <input type="number" aria-label="Minimum" value={from} step="any" onChange={(e) => setFrom(e.target.value)} onBlur={() => commit()} onKeyDown={(e) => e.key === 'Enter' && commit()} />
        <input type="number" aria-label="Maximum" value={to} step="any" onChange={(e) => setTo(e.target.value)} onBlur={() => commit()} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      </div>
      <input type="range" aria-label="Minimum slider" min={lo} max={hi} step={step} value={Number(from)} onChange={(e) => setFrom(e.target.value)} onPointerUp={() => commit()} onKeyUp={() => commit()} />
      <input type="range" aria-label="Maximum slider" min={lo} max={hi} step={step} value={Number(to)} onChange={(e) => setTo(e.target.value)} onPointerUp={() => commit()} onKeyUp={() => commit()} />
      {current ? <Clear onClear={() => write(null)} /> : null}
    </div>
  );
}

function RelativeSlicer({ visual, page, field }: VariantProps): ReactNode {
  const { id, current, column, write } = useSlicerFilter(visual, page, field);
  const fromFilter = (): RelativeDraft =>
    current?.kind === 'relativeDate' ? { direction: current.direction, n: String(current.n), unit: current.unit, includeCurrent: current.includeCurrent } : { direction: 'last', n: '', unit: 'month', includeCurrent: true };
  const [draft, setDraft] = useState(fromFilter);
  useEffect(() => setDraft(fromFilter()), [current]);
  const commit = (d: RelativeDraft) => {
    const n = draftCount(d.n);
    if (typeof n === 'string') return;
    write({ id, kind: 'relativeDate', field: column, direction: d.direction, n, unit: d.unit, includeCurrent: d.includeCurrent });
  };
  const change = (d: RelativeDraft) => {
    setDraft(d);
    if (d.n === draft.n) commit(d);
  };
  return (
    <div className="slicer-variant" role="group" aria-label={`Relative date of ${field.label}`}>
      <RelativeDateInputs draft={draft} disabled={false} onChange={change} onEnter={() => commit(draft)} />
      <button type="button" className="link-button" onClick={() => commit(draft)}>
        Apply
      </button>
      {current ? <Clear onClear={() => write(null)} /> : null}
    </div>
  );
}

function DateRangeSlicer({ visual, page, field, fields, rows }: VariantProps): ReactNode {
  const { id, current, column, write } = useSlicerFilter(visual, page, field);
  const minKey = fields.find((f) => f.role === 'min')?.key;
  const maxKey = fields.find((f) => f.role === 'max')?.key;
  const day = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : '');
  const lo = day(minKey ? rows[0]?.[minKey] : undefined);
  const hi = day(maxKey ? rows[0]?.[maxKey] : undefined);
  const start = current?.kind === 'range' && typeof current.min === 'string' ? current.min : lo;
  const end = current?.kind === 'range' && typeof current.max === 'string' ? current.max : hi;
  const set = (min: string, max: string) => {
    if (!min && !max) return write(null);
    write({ id, kind: 'range', field: column, ...(min ? { min } : {}), ...(max ? { max } : {}) });
  };
  return (
    <div className="slicer-variant" role="group" aria-label={`Date range of ${field.label}`}>
      <div className="slicer-variant__row">
        <input type="date" aria-label="Start date" value={start} min={lo} max={hi} onChange={(e) => set(e.target.value, end)} />
        <input type="date" aria-label="End date" value={end} min={lo} max={hi} onChange={(e) => set(start, e.target.value)} />
      </div>
      {current ? <Clear onClear={() => write(null)} /> : null}
    </div>
  );
}

export function SlicerVariant({ style, ...props }: VariantProps & { style: Exclude<SlicerStyle, 'list'> }): ReactNode {
  if (style === 'dropdown') return <DropdownSlicer {...props} />;
  if (style === 'between') return <BetweenSlicer {...props} />;
  if (style === 'relative') return <RelativeSlicer {...props} />;
  return <DateRangeSlicer {...props} />;
}
