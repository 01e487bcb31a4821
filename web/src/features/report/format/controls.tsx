/**
 * Small labelled controls of the Format pane. Text and number fields commit on Enter or blur (one
 * undo step per change, not per keystroke); switches, selects and swatches commit at once.
 */
import { isColor } from '@tessera/shared';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function Section({ title, children, defaultOpen = false }: { title: string; children: ReactNode; defaultOpen?: boolean }): ReactNode {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div className={`fmt__section${open ? ' fmt__section--open' : ''}`}>
      <button type="button" className="fmt__section-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title}
      </button>
      {open ? (
        <div id={id} className="fmt__section-body" role="group" aria-label={title}>
          {children}
        </div>
      ) : null}
    </div>
  );
}

export function TextField({ label, value, placeholder, onCommit }: { label: string; value: string; placeholder?: string; onCommit: (value: string) => void }): ReactNode {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <label className="fmt__row">
      <span>{label}</span>
      <input type="text" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </label>
  );
}

/** A number or empty (null = automatic). Text that is not a number is refused with a message, nothing is written. */
export function NumberField({ label, value, placeholder = 'Auto', min, max, step, onCommit }: { label: string; value: number | null; placeholder?: string; min?: number; max?: number; step?: number; onCommit: (value: number | null) => void }): ReactNode {
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === shown) return setError(null);
    if (trimmed === '') {
      setError(null);
      return onCommit(null);
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n)) return setError(`“${trimmed}” is not a number. Type a number or leave it empty for automatic.`);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) return setError(`Use a number from ${min ?? '−∞'} to ${max ?? '∞'}.`);
    setError(null);
    onCommit(n);
  };
  return (
    <label className="fmt__row">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error ? (
        <span id={errorId} className="fmt__error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

export function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }): ReactNode {
  return (
    <label className="fmt__row fmt__row--check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }): ReactNode {
  return (
    <label className="fmt__row">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** `#rgb` / `#rrggbb(aa)` → `#rrggbb` for `<input type=color>` (which knows only that form). */
export function toInputColor(color: string | null, fallback: string): string {
  const c = (color ?? fallback).trim();
  if (/^#[0-9a-f]{6}$/i.test(c)) return c.toLowerCase();
  if (/^#[0-9a-f]{8}$/i.test(c)) return c.slice(0, 7).toLowerCase();
  if (/^#[0-9a-f]{3,4}$/i.test(c)) return `#${[...c.slice(1, 4)].map((x) => x + x).join('')}`.toLowerCase();
  return '#000000';
}

/** Theme palette swatches, a custom colour input and a reset to automatic. */
export function ColorField({ label, value, palette, fallback, onChange }: { label: string; value: string | null; palette: readonly string[]; fallback: string; onChange: (color: string | null) => void }): ReactNode {
  const current = value ?? fallback;
  return (
    <div className="fmt__color" role="group" aria-label={label}>
      <span className="fmt__color-label">
        <span className="fmt__swatch fmt__swatch--current" style={{ background: current }} aria-hidden="true" />
        {label}
      </span>
      <div className="fmt__swatches">
        {palette.slice(0, 10).map((c) => (
          <button
            key={c}
            type="button"
            className="fmt__swatch"
            style={{ background: c }}
            aria-label={`${label}: ${c}`}
            aria-pressed={value !== null && value.toLowerCase() === c.toLowerCase()}
            title={c}
            onClick={() => onChange(c)}
          />
        ))}
        <CustomColor label={`${label}: custom colour`} value={toInputColor(value, fallback)} onCommit={onChange} />
        {value !== null ? (
          <button type="button" className="link-button fmt__reset" aria-label={`Reset ${label}`} onClick={() => onChange(null)}>
            Reset
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * `<input type=color>`: the picker fires `input` while the user drags; only the native `change`
 * (picker closed) commits, so one pick is one undo step.
 */
function CustomColor({ label, value, onCommit }: { label: string; value: string; onCommit: (color: string) => void }): ReactNode {
  const ref = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = () => {
      if (isColor(el.value)) commitRef.current(el.value.toUpperCase());
    };
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, []);
  return <input ref={ref} type="color" className="fmt__custom-color" aria-label={label} title="Custom colour" value={shown} onChange={(e) => setShown(e.target.value)} />;
}
