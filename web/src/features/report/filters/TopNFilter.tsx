/** "Top N": show the Top / Bottom N values of the field ranked by a measure or an aggregated numeric column (in the visual's filter context). */
import { type FieldRef, type WorkbookSnapshot } from '@tessera/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { columnKind, modelColumns } from '../field-kinds';
import type { TopNFilter as TopN } from './filter-model';

interface RankOption {
  key: string;
  label: string;
  ref: FieldRef;
}

/** What a Top N can rank by: every measure, and the sum / count of every column (calculated ones too) of the workbook. */
export function rankOptions(snapshot: WorkbookSnapshot): RankOption[] {
  const out: RankOption[] = [];
  for (const m of Object.values(snapshot.model.measures)) out.push({ key: `m:${m.id}`, label: m.name, ref: { measureId: m.id } });
  for (const d of Object.values(snapshot.datasets)) {
    for (const c of modelColumns(d, Object.values(snapshot.model.columns))) {
      const numeric = columnKind(c.type) === 'numeric';
      const aggregate = numeric ? 'sum' : 'count';
      out.push({ key: `c:${d.id}:${c.name}:${aggregate}`, label: `${numeric ? 'Sum' : 'Count'} of ${c.name}`, ref: { datasetId: d.id, column: c.name, aggregate } });
    }
  }
  return out;
}

const keyOf = (ref: FieldRef): string => ('measureId' in ref ? `m:${ref.measureId}` : `c:${ref.datasetId}:${ref.column}:${ref.aggregate ?? 'sum'}`);

export function TopNFilter({ filter, snapshot, disabled, onChange }: { filter: TopN; snapshot: WorkbookSnapshot; disabled: boolean; onChange: (f: TopN) => void }): ReactNode {
  const options = rankOptions(snapshot);
  const [direction, setDirection] = useState(filter.direction);
  const [n, setN] = useState(String(filter.n));
  const [by, setBy] = useState(keyOf(filter.by));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDirection(filter.direction);
    setN(String(filter.n));
    setBy(keyOf(filter.by));
  }, [filter]);
  const apply = () => {
    const count = Number(n);
    const rank = options.find((o) => o.key === by);
    if (!Number.isInteger(count) || count < 1) return setError('Enter a whole number of items (1 or more).');
    if (!rank) return setError('Choose the field to rank by.');
    setError(null);
    onChange({ ...filter, direction, n: count, by: rank.ref });
  };
  return (
    <div className="filter-card__topn">
      <label>
        <span>Show items</span>
        <select aria-label="Show items" value={direction} disabled={disabled} onChange={(e) => setDirection(e.target.value === 'bottom' ? 'bottom' : 'top')}>
          <option value="top">Top</option>
          <option value="bottom">Bottom</option>
        </select>
      </label>
      <input type="number" min={1} step={1} aria-label="Number of items" value={n} disabled={disabled} onChange={(e) => setN(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      <label>
        <span>By value</span>
        <select aria-label="By value" value={by} disabled={disabled} onChange={(e) => setBy(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">Ranked within the other filters that apply to the visual.</p>
      {error ? <p role="alert">{error}</p> : null}
      <button type="button" className="filter-card__apply" disabled={disabled} onClick={apply}>
        Apply filter
      </button>
    </div>
  );
}
