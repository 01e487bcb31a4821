import type * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, parseInput, transactLocal } from './command-kit';
import { metaMap } from './layout';
import { FilterSchema, type Filter } from './schema';

function requireMeta(doc: Y.Doc, cmd: string): Y.Map<unknown> {
  const meta = metaMap(doc);
  if (meta.size === 0) throw new CommandError(cmd, `${cmd}: the workbook is not initialised yet. Create or load the workbook first.`);
  return meta;
}

export function renameWorkbook(doc: Y.Doc, name: string): void {
  const cmd = 'renameWorkbook';
  const p = parseInput(cmd, z.object({ name: z.string().trim().min(1, 'the workbook name must not be empty').max(200, 'the name is too long (max 200 characters)') }), { name });
  const meta = requireMeta(doc, cmd);
  transactLocal(doc, cmd, () => meta.set('name', p.name));
}

export function setWorkbookTheme(doc: Y.Doc, theme: string): void {
  const cmd = 'setWorkbookTheme';
  const p = parseInput(cmd, z.object({ theme: z.string().trim().min(1, 'the theme must not be empty') }), { theme });
  const meta = requireMeta(doc, cmd);
  transactLocal(doc, cmd, () => meta.set('theme', p.theme));
}

/** Replaces the report-level filters ("Filters on all pages", stored in `meta.filters`; an empty list removes the key). */
export function setReportFilters(doc: Y.Doc, filters: Filter[]): void {
  const cmd = 'setReportFilters';
  const p = parseInput(cmd, z.object({ filters: z.array(FilterSchema) }), { filters });
  const ids = new Set<string>();
  for (const [i, f] of p.filters.entries()) {
    if (ids.has(f.id)) throw new CommandError(cmd, `${cmd}: two filters have the id "${f.id}"; each filter needs its own id.`, `filters.${i}.id`);
    ids.add(f.id);
  }
  const meta = requireMeta(doc, cmd);
  transactLocal(doc, cmd, () => {
    if (p.filters.length === 0) meta.delete('filters');
    else meta.set('filters', p.filters);
  });
}
