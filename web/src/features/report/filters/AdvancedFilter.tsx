/** "Advanced filtering": "Show items when the value" + up to two conditions joined by And / Or, applied with "Apply filter". */
import { type AdvancedCondition, type AdvancedOp, type Scalar } from '@tessera/shared';
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ColumnKind } from '../field-kinds';
import { OP_LABELS, needsValue, operatorsFor, parseInputValue, type AdvancedFilter as Advanced } from './filter-model';

interface Draft {
  op: AdvancedOp;
  value: string;
  value2: string;
}

const text = (v: Scalar | undefined): string => (v === undefined || v === null ? '' : String(v));
const toDraft = (c: AdvancedCondition | undefined, kind: ColumnKind): Draft => ({ op: c?.op ?? operatorsFor(kind)[0], value: text(c?.value), value2: text(c?.value2) });

function toCondition(d: Draft, kind: ColumnKind): AdvancedCondition {
  const value = needsValue(d.op) ? parseInputValue(d.value, kind) : undefined;
  const value2 = d.op === 'between' ? parseInputValue(d.value2, kind) : undefined;
  return { op: d.op, ...(value !== undefined ? { value } : {}), ...(value2 !== undefined ? { value2 } : {}) };
}

function ConditionRow({ n, draft, kind, disabled, onChange, onEnter }: { n: number; draft: Draft; kind: ColumnKind; disabled: boolean; onChange: (d: Draft) => void; onEnter: () => void }): ReactNode {
  const inputType = kind === 'numeric' ? 'number' : kind === 'date' ? 'date' : 'text';
  const key = (e: KeyboardEvent) => e.key === 'Enter' && onEnter();
  return (
    <div className="filter-card__condition">
      <select aria-label={`Condition ${n} operator`} value={draft.op} disabled={disabled} onChange={(e) => onChange({ ...draft, op: e.target.value as AdvancedOp })}>
        {operatorsFor(kind).map((op) => (
          <option key={op} value={op}>
            {OP_LABELS[op]}
          </option>
        ))}
      </select>
      {needsValue(draft.op) ? (
        <input type={inputType} aria-label={`Condition ${n} value`} value={draft.value} disabled={disabled} onChange={(e) => onChange({ ...draft, value: e.target.value })} onKeyDown={key} />
      ) : null}
      {draft.op === 'between' ? (
        <input type={inputType} aria-label={`Condition ${n} second value`} value={draft.value2} disabled={disabled} onChange={(e) => onChange({ ...draft, value2: e.target.value })} onKeyDown={key} />
      ) : null}
    </div>
  );
}

export function AdvancedFilter({ filter, kind, disabled, onChange }: { filter: Advanced; kind: ColumnKind; disabled: boolean; onChange: (f: Advanced) => void }): ReactNode {
  const [first, setFirst] = useState(() => toDraft(filter.conditions[0], kind));
  const [second, setSecond] = useState(() => toDraft(filter.conditions[1], kind));
  const [join, setJoin] = useState(filter.join);
  const [useSecond, setUseSecond] = useState(filter.conditions.length > 1);
  useEffect(() => {
    setFirst(toDraft(filter.conditions[0], kind));
    setSecond(toDraft(filter.conditions[1], kind));
    setJoin(filter.join);
    setUseSecond(filter.conditions.length > 1);
  }, [filter, kind]);

  const apply = () => {
    const conditions = [toCondition(first, kind), ...(useSecond ? [toCondition(second, kind)] : [])];
    onChange({ ...filter, join, conditions });
  };

  return (
    <div className="filter-card__advanced">
      <p className="filter-card__hint">Show items when the value</p>
      <ConditionRow n={1} draft={first} kind={kind} disabled={disabled} onChange={setFirst} onEnter={apply} />
      <div className="filter-card__join" role="radiogroup" aria-label="Join conditions">
        <label>
          <input type="checkbox" checked={useSecond} disabled={disabled} onChange={(e) => setUseSecond(e.target.checked)} /> Second condition
        </label>
        {useSecond ? (
          <>
            <label>
              <input type="radio" name={`join-${filter.id}`} checked={join === 'and'} disabled={disabled} onChange={() => setJoin('and')} /> And
            </label>
            <label>
              <input type="radio" name={`join-${filter.id}`} checked={join === 'or'} disabled={disabled} onChange={() => setJoin('or')} /> Or
            </label>
          </>
        ) : null}
      </div>
      {useSecond ? <ConditionRow n={2} draft={second} kind={kind} disabled={disabled} onChange={setSecond} onEnter={apply} /> : null}
      <button type="button" className="filter-card__apply" disabled={disabled} onClick={apply}>
        Apply filter
      </button>
    </div>
  );
}
