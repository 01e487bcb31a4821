/** "Relative date": in the last / next N days, weeks, months, quarters or years, optionally including the current one. */
import { RELATIVE_DATE_UNITS } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import type { RelativeDateFilter as Relative } from './filter-model';

type Unit = Relative['unit'];
export const UNIT_LABELS: Record<Unit, string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

export interface RelativeDraft {
  direction: 'last' | 'next';
  n: string;
  unit: Unit;
  includeCurrent: boolean;
}

/** The inputs of a relative date (shared by the filter card and the relative-date slicer). */
export function RelativeDateInputs({ draft, disabled, onChange, onEnter }: { draft: RelativeDraft; disabled: boolean; onChange: (d: RelativeDraft) => void; onEnter: () => void }): ReactNode {
  return (
    <div className="filter-card__relative">
      <select aria-label="Relative period" value={draft.direction} disabled={disabled} onChange={(e) => onChange({ ...draft, direction: e.target.value === 'next' ? 'next' : 'last' })}>
        <option value="last">is in the last</option>
        <option value="next">is in the next</option>
      </select>
      <input type="number" min={1} step={1} aria-label="Number of periods" value={draft.n} disabled={disabled} onChange={(e) => onChange({ ...draft, n: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && onEnter()} />
      <select aria-label="Period unit" value={draft.unit} disabled={disabled} onChange={(e) => onChange({ ...draft, unit: e.target.value as Unit })}>
        {RELATIVE_DATE_UNITS.map((u) => (
          <option key={u} value={u}>
            {UNIT_LABELS[u]}
          </option>
        ))}
      </select>
      <label>
        <input type="checkbox" checked={draft.includeCurrent} disabled={disabled} onChange={(e) => onChange({ ...draft, includeCurrent: e.target.checked })} /> Include today
      </label>
    </div>
  );
}

/** A draft's N as a whole number ≥ 1, or an error message for the user. */
export function draftCount(n: string): number | string {
  const v = Number(n);
  return Number.isInteger(v) && v >= 1 ? v : 'Enter a whole number of periods (1 or more).';
}

export function RelativeDateFilter({ filter, disabled, onChange }: { filter: Relative; disabled: boolean; onChange: (f: Relative) => void }): ReactNode {
  const fromFilter = (): RelativeDraft => ({ direction: filter.direction, n: String(filter.n), unit: filter.unit, includeCurrent: filter.includeCurrent });
  const [draft, setDraft] = useState(fromFilter);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(fromFilter()), [filter]);
  const apply = () => {
    const n = draftCount(draft.n);
    if (typeof n === 'string') {
      setError(n);
      return;
    }
    setError(null);
    onChange({ ...filter, direction: draft.direction, n, unit: draft.unit, includeCurrent: draft.includeCurrent });
  };
  return (
    <div>
      <p className="filter-card__hint">Show items when the value</p>
      <RelativeDateInputs draft={draft} disabled={disabled} onChange={setDraft} onEnter={apply} />
      {error ? <p role="alert">{error}</p> : null}
      <button type="button" className="filter-card__apply" disabled={disabled} onClick={apply}>
        Apply filter
      </button>
    </div>
  );
}
