import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, newRecord, parseInput, requireRecord, transactLocal } from './command-kit';
import { readPageOrder } from './doc';
import { newId } from './ids';
import { metaMap, pageOrderArray, pagesMap, visualsMap } from './layout';
import { DEFAULT_PAGE_SIZE, FilterSchema, IdSchema, PageSizeSchema, type Filter, type PageSize } from './schema';

const PageNameSchema = z.string().trim().min(1, 'the page name must not be empty').max(100, 'the page name is too long (max 100 characters)');

const AddPageSchema = z.object({ id: IdSchema.optional(), name: PageNameSchema, size: PageSizeSchema.optional(), index: z.number().int().nonnegative().optional() });
export type AddPageInput = z.input<typeof AddPageSchema>;

/** Adds a page (at the end, or at `index`). Returns its id. */
export function addPage(doc: Y.Doc, input: AddPageInput): string {
  const cmd = 'addPage';
  const v = parseInput(cmd, AddPageSchema, input);
  if (metaMap(doc).size === 0) throw new CommandError(cmd, `${cmd}: the workbook is not initialised yet. Create or load the workbook first.`);
  const id = v.id ?? newId('pg_');
  if (pagesMap(doc).has(id)) throw new CommandError(cmd, `${cmd}: a page with id "${id}" already exists.`, 'id');
  transactLocal(doc, cmd, () => {
    pagesMap(doc).set(id, newRecord({ name: v.name, filters: [], size: v.size ?? { ...DEFAULT_PAGE_SIZE } }));
    insertInOrder(doc, id, v.index);
  });
  return id;
}

export function renamePage(doc: Y.Doc, id: string, name: string): void {
  const cmd = 'renamePage';
  const { name: clean } = parseInput(cmd, z.object({ name: PageNameSchema }), { name });
  const rec = requireRecord(cmd, pagesMap(doc), id, 'page');
  transactLocal(doc, cmd, () => rec.set('name', clean));
}

/** Removes a page and its visuals. The last page cannot be removed. */
export function removePage(doc: Y.Doc, id: string): void {
  const cmd = 'removePage';
  requireRecord(cmd, pagesMap(doc), id, 'page');
  if (readPageOrder(doc).length <= 1) throw new CommandError(cmd, `${cmd}: a workbook needs at least one page; add another page before removing this one.`, 'id');
  transactLocal(doc, cmd, () => {
    pagesMap(doc).delete(id);
    removeFromOrder(doc, id);
    const visuals = visualsMap(doc);
    for (const [vid, rec] of [...visuals.entries()]) if (rec.get('pageId') === id) visuals.delete(vid);
  });
}

/** Moves a page to position `toIndex` of the page order (clamped to the end). */
export function movePage(doc: Y.Doc, id: string, toIndex: number): void {
  const cmd = 'movePage';
  const { toIndex: to } = parseInput(cmd, z.object({ toIndex: z.number().int('toIndex must be a whole number').nonnegative('toIndex must not be negative') }), { toIndex });
  requireRecord(cmd, pagesMap(doc), id, 'page');
  transactLocal(doc, cmd, () => {
    removeFromOrder(doc, id);
    insertInOrder(doc, id, to);
  });
}

export function setPageSize(doc: Y.Doc, id: string, size: PageSize): void {
  const cmd = 'setPageSize';
  const { size: clean } = parseInput(cmd, z.object({ size: PageSizeSchema }), { size });
  const rec = requireRecord(cmd, pagesMap(doc), id, 'page');
  transactLocal(doc, cmd, () => rec.set('size', clean));
}

const PAGE_BACKGROUND = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Sets the page's background colour (#hex), or clears it with null (the theme's canvas colour shows). */
export function setPageBackground(doc: Y.Doc, id: string, color: string | null): void {
  const cmd = 'setPageBackground';
  const schema = z.object({ color: z.string().trim().regex(PAGE_BACKGROUND, 'the background must be a hex colour such as #FFFFFF').nullable() });
  const { color: clean } = parseInput(cmd, schema, { color });
  const rec = requireRecord(cmd, pagesMap(doc), id, 'page');
  transactLocal(doc, cmd, () => {
    if (clean === null) rec.delete('background');
    else rec.set('background', clean);
  });
}

/** Replaces the page-level filters. */
export function setPageFilters(doc: Y.Doc, id: string, filters: Filter[]): void {
  const cmd = 'setPageFilters';
  const { filters: clean } = parseInput(cmd, z.object({ filters: z.array(FilterSchema) }), { filters });
  const rec = requireRecord(cmd, pagesMap(doc), id, 'page');
  transactLocal(doc, cmd, () => rec.set('filters', clean));
}

function removeFromOrder(doc: Y.Doc, id: string): void {
  const order = pageOrderArray(doc);
  const raw = order.toArray();
  for (let i = raw.length - 1; i >= 0; i--) if (raw[i] === id) order.delete(i, 1);
}

/** Inserts before the page now shown at `index` (in the normalised order), or at the end. */
function insertInOrder(doc: Y.Doc, id: string, index: number | undefined): void {
  const order = pageOrderArray(doc);
  const shown = readPageOrder(doc).filter((p) => p !== id);
  if (index === undefined || index >= shown.length) {
    order.push([id]);
    return;
  }
  const before = shown[index];
  const rawIndex = order.toArray().indexOf(before);
  order.insert(rawIndex < 0 ? order.length : rawIndex, [id]);
}
