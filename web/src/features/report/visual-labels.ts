/** Names of visuals: the accessible label (title, or "<Type> <n>") and the header text. */
import { isMeasureRef, type FieldRef, type Visual, type WorkbookSnapshot } from '@tessera/shared';
import { fieldLabel } from './field-kinds';
import { visualTypeLabel } from './visual-types';

/** Labels of a page's visuals: the title, else the type and its rank among untitled visuals of that type (by z, then id). */
export function visualLabels(visuals: readonly Visual[]): Map<string, string> {
  const counts = new Map<string, number>();
  const out = new Map<string, string>();
  for (const v of visuals) {
    const title = v.title.trim();
    if (title) {
      out.set(v.id, title);
      continue;
    }
    const n = (counts.get(v.type) ?? 0) + 1;
    counts.set(v.type, n);
    out.set(v.id, `${visualTypeLabel(v.type)} ${n}`);
  }
  return out;
}

/** Header text: the title, else what it shows ("Sum of quantity by region"), else the type's name. */
export function visualHeading(visual: Visual, snapshot: WorkbookSnapshot): string {
  if (visual.format.showTitle === false) return '';
  if (typeof visual.format.title === 'string' && visual.format.title.trim()) return visual.format.title.trim();
  if (visual.title.trim()) return visual.title.trim();
  const measures = Object.values(snapshot.model.measures);
  // a field renamed for this visual shows its display name
  const shown = (r: FieldRef): string => r.label ?? fieldLabel(r, measures);
  const refs = Object.entries(visual.fields);
  const values = refs.filter(([role]) => ['values', 'y', 'columnValues', 'lineValues', 'x'].includes(role)).flatMap(([, r]) => r);
  const dims = refs.filter(([role]) => ['category', 'rows', 'field', 'series', 'location', 'columns'].includes(role)).flatMap(([, r]) => r);
  if (visual.type === 'table') return refs.flatMap(([, r]) => r).map(shown).join(', ') || visualTypeLabel(visual.type);
  const v = values.map(shown).join(', ');
  const d = dims.filter((r) => !isMeasureRef(r)).map(shown).join(' and ');
  if (v && d) return `${v} by ${d}`;
  return v || d || visualTypeLabel(visual.type);
}
