/**
 * Designer actions composed from shared commands (every edit goes through a command): add a
 * visual from the gallery or from a field, duplicate/paste, delete, nudge, bind a field.
 */
import { addVisual, bindField, moveVisual, readWorkbook, removeVisual, setPageFilters, setVisualFormat, setVisualSort, setVisualTitle, setVisualTopN, setVisualFilters, type FieldRef, type Visual, type VisualType } from '@tessera/shared';
import { roleKind } from '@tessera/shared';
import type * as Y from 'yjs';
import { defaultVisualForField, refForWell, type ColumnKind } from './field-kinds';
import { clampToPage, pastedRect, rectAtDrop, type Size } from './geometry';
import { defaultSize, firstSuitableRole, wellAccepts } from './visual-types';

export const slicerFilterId = (visualId: string): string => `slicer_${visualId}`;

export function addVisualAt(doc: Y.Doc, pageId: string, type: VisualType, point: { x: number; y: number }, page: Size): string {
  const { w, h } = defaultSize(type);
  const rect = rectAtDrop(point, w, h, page);
  return addVisual(doc, { pageId, type, ...rect });
}

/** A field dropped on empty canvas becomes the visual Power BI would make for it. */
export function addVisualForField(doc: Y.Doc, pageId: string, field: FieldRef, kind: ColumnKind | 'measure', point: { x: number; y: number }, page: Size): string {
  const choice = defaultVisualForField(kind);
  const rect = rectAtDrop(point, choice.w, choice.h, page);
  const id = addVisual(doc, { pageId, type: choice.type, ...rect });
  bindField(doc, id, choice.role, refForWell(field, kind, roleKind(choice.type, choice.role)));
  return id;
}

/** Binds a field into a role (as a dimension or an aggregated value, per the role). */
export function bindInto(doc: Y.Doc, visual: Visual, role: string, field: FieldRef, kind: ColumnKind | 'measure', index?: number): void {
  bindField(doc, visual.id, role, refForWell(field, kind, roleKind(visual.type, role)), index);
}

/** Adds a clicked field to the first suitable well of the visual; false when none accepts it. */
export function addToFirstWell(doc: Y.Doc, visual: Visual, field: FieldRef, kind: ColumnKind | 'measure'): boolean {
  const role = firstSuitableRole(visual.type, kind, visual.fields);
  if (!role || !wellAccepts(visual.type, role, kind)) return false;
  bindInto(doc, visual, role, field, kind);
  return true;
}

/** Copies visuals (type, size, title, fields, format, filters, sort, top-N) onto a page, offset from the originals. Returns the new ids. */
export function duplicateVisuals(doc: Y.Doc, ids: readonly string[], pageId: string, page: Size, times = 1): string[] {
  const snapshot = readWorkbook(doc);
  const created: string[] = [];
  for (const id of ids) {
    const source = snapshot.visuals[id];
    if (!source) continue;
    const rect = source.pageId === pageId ? pastedRect(source, page, times) : clampToPage(source, page);
    const copy = addVisual(doc, { pageId, type: source.type, ...rect, title: source.title });
    for (const [role, refs] of Object.entries(source.fields)) for (const ref of refs) bindField(doc, copy, role, ref);
    for (const [key, value] of Object.entries(source.format)) setVisualFormat(doc, copy, key, value);
    if (source.filters.length > 0) setVisualFilters(doc, copy, source.filters);
    if (source.sort) setVisualSort(doc, copy, source.sort);
    if (source.topN) setVisualTopN(doc, copy, source.topN);
    if (source.title) setVisualTitle(doc, copy, source.title);
    created.push(copy);
  }
  return created;
}

/** Removes visuals; a slicer's page filter goes with it. */
export function deleteVisuals(doc: Y.Doc, ids: readonly string[]): void {
  const snapshot = readWorkbook(doc);
  for (const id of ids) {
    const visual = snapshot.visuals[id];
    if (!visual) continue;
    const page = snapshot.pages[visual.pageId];
    const filterId = slicerFilterId(id);
    if (page?.filters.some((f) => f.id === filterId)) setPageFilters(doc, page.id, page.filters.filter((f) => f.id !== filterId));
    removeVisual(doc, id);
  }
}

/** Moves visuals by (dx, dy), each kept on the page. */
export function nudgeVisuals(doc: Y.Doc, ids: readonly string[], dx: number, dy: number, page: Size): void {
  const snapshot = readWorkbook(doc);
  for (const id of ids) {
    const v = snapshot.visuals[id];
    if (!v) continue;
    const next = clampToPage({ x: v.x + dx, y: v.y + dy, w: v.w, h: v.h }, page);
    if (next.x !== v.x || next.y !== v.y) moveVisual(doc, id, next.x, next.y);
  }
}
