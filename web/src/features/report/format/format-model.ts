/** Pure helpers of the Format pane: what to write for a change, page-size presets, colour targets. */
import { readNumberFormat, type NumberFormatOptions, type PageSize, type ResultField, type VisualType } from '@tessera/shared';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The new `numberFormat` value after a change (undefined entries are removed); undefined when nothing is left. */
export function patchNumberFormat(raw: unknown, patch: Partial<Record<keyof NumberFormatOptions, unknown>>): NumberFormatOptions | undefined {
  const next: Record<string, unknown> = { ...readNumberFormat(raw) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') delete next[key];
    else next[key] = value;
  }
  const clean = readNumberFormat(next);
  return Object.keys(clean).length > 0 ? clean : undefined;
}

export interface BorderValue {
  show: boolean;
  color: string | null;
  width: number;
}

/** The new `border` value after a change. */
export function patchBorder(raw: unknown, patch: Partial<BorderValue>): Record<string, unknown> {
  const current = isRecord(raw) ? raw : typeof raw === 'boolean' ? { show: raw } : {};
  const next: Record<string, unknown> = { show: false, width: 1, ...current, ...patch };
  if (next.color === null || next.color === undefined) delete next.color;
  return next;
}

/** Per-series colours: the new `seriesColors` map (null removes that entry); undefined when empty. */
export function patchSeriesColors(raw: unknown, name: string, color: string | null): Record<string, string> | undefined {
  const next: Record<string, string> = {};
  if (isRecord(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') next[k] = v;
  if (color === null) delete next[name];
  else next[name] = color;
  return Object.keys(next).length > 0 ? next : undefined;
}

export interface PageSizePreset {
  id: '16:9' | '4:3' | 'letter' | 'custom';
  label: string;
  size?: PageSize;
}

export const PAGE_SIZE_PRESETS: readonly PageSizePreset[] = [
  { id: '16:9', label: '16:9 (1280 × 720)', size: { width: 1280, height: 720 } },
  { id: '4:3', label: '4:3 (960 × 720)', size: { width: 960, height: 720 } },
  { id: 'letter', label: 'Letter (816 × 1056)', size: { width: 816, height: 1056 } },
  { id: 'custom', label: 'Custom' },
];

export function presetOf(size: PageSize): PageSizePreset['id'] {
  return PAGE_SIZE_PRESETS.find((p) => p.size && p.size.width === size.width && p.size.height === size.height)?.id ?? 'custom';
}

const PART_WHOLE: ReadonlySet<string> = new Set(['pie', 'donut', 'funnel', 'treemap']);

/**
 * The names a visual colours separately (the keys of `seriesColors`), from its last query result:
 * the values of the Legend (series) well; for pie / donut / funnel / treemap the categories (each
 * data point has its colour); otherwise the measures' labels.
 */
export function colorTargets(type: VisualType, fields: readonly ResultField[], rows: readonly Record<string, unknown>[], max = 30): { key: string; label: string }[] {
  const byRole = (role: string) => fields.find((f) => f.role === role);
  const source = byRole('series') ?? (PART_WHOLE.has(type) ? byRole('category') : undefined);
  if (source) {
    const seen = new Map<string, string>();
    for (const row of rows) {
      const v = row[source.key] ?? null;
      // the spec keys colours by String(value) (null → 'null')
      seen.set(String(v), v === null || v === '' ? '(Blank)' : String(v));
      if (seen.size >= max) break;
    }
    return [...seen].map(([key, label]) => ({ key, label }));
  }
  return fields.filter((f) => f.kind === 'measure').map((f) => ({ key: f.label, label: f.label }));
}
