import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, newRecord, parseInput, requireRecord, transactLocal } from './command-kit';
import { newId } from './ids';
import { pagesMap, visualsMap, type YRecord } from './layout';
import {
  FieldRefSchema,
  FilterSchema,
  IdSchema,
  SortSchema,
  TopNSchema,
  VISUAL_ROLES,
  VisualTypeSchema,
  type FieldRef,
  type Filter,
  type Sort,
  type TopN,
  type VisualType,
} from './schema';

const coord = (what: string) => z.number({ error: `${what} must be a number` }).finite(`${what} must be a finite number`);
const extent = (what: string) => coord(what).min(1, `${what} must be at least 1`);
const TitleSchema = z.string().max(300, 'the title is too long (max 300 characters)');
const RoleSchema = z.string().trim().min(1, 'the role must not be empty');
const IndexSchema = z.number().int('the index must be a whole number').nonnegative('the index must not be negative');

const AddVisualSchema = z.object({
  id: IdSchema.optional(),
  pageId: IdSchema,
  type: VisualTypeSchema,
  x: coord('x'),
  y: coord('y'),
  w: extent('w'),
  h: extent('h'),
  title: TitleSchema.optional(),
});
export type AddVisualInput = z.input<typeof AddVisualSchema>;

const visual = (doc: Y.Doc, cmd: string, id: string): YRecord => requireRecord(cmd, visualsMap(doc), id, 'visual');

function maxZ(doc: Y.Doc, pageId: string): number {
  let max = 0;
  for (const rec of visualsMap(doc).values()) {
    const z = rec.get('z');
    if (rec.get('pageId') === pageId && typeof z === 'number' && z > max) max = z;
  }
  return max;
}

function fieldsOf(rec: YRecord): Y.Map<Y.Array<FieldRef>> {
  const fields: unknown = rec.get('fields');
  if (fields instanceof Y.Map) return fields as Y.Map<Y.Array<FieldRef>>;
  const created = new Y.Map<Y.Array<FieldRef>>();
  rec.set('fields', created);
  return created;
}

function ensureRoles(fields: Y.Map<Y.Array<FieldRef>>, type: VisualType): void {
  for (const role of VISUAL_ROLES[type]) if (!(fields.get(role) instanceof Y.Array)) fields.set(role, new Y.Array<FieldRef>());
}

/** Adds a visual on a page, in front of the others (z = max + 1). Returns its id. */
export function addVisual(doc: Y.Doc, input: AddVisualInput): string {
  const cmd = 'addVisual';
  const v = parseInput(cmd, AddVisualSchema, input);
  requireRecord(cmd, pagesMap(doc), v.pageId, 'page');
  const id = v.id ?? newId('vz_');
  if (visualsMap(doc).has(id)) throw new CommandError(cmd, `${cmd}: a visual with id "${id}" already exists.`, 'id');
  transactLocal(doc, cmd, () => {
    const rec = newRecord({ pageId: v.pageId, type: v.type, x: v.x, y: v.y, w: v.w, h: v.h, z: maxZ(doc, v.pageId) + 1, title: v.title ?? '', filters: [], sort: null, topN: null });
    const fields = new Y.Map<Y.Array<FieldRef>>();
    for (const role of VISUAL_ROLES[v.type]) fields.set(role, new Y.Array<FieldRef>()); // not yet in the doc: no reads
    rec.set('fields', fields);
    rec.set('format', new Y.Map<unknown>());
    visualsMap(doc).set(id, rec);
  });
  return id;
}

export function moveVisual(doc: Y.Doc, id: string, x: number, y: number): void {
  const cmd = 'moveVisual';
  const p = parseInput(cmd, z.object({ x: coord('x'), y: coord('y') }), { x, y });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => {
    rec.set('x', p.x);
    rec.set('y', p.y);
  });
}

export function resizeVisual(doc: Y.Doc, id: string, w: number, h: number): void {
  const cmd = 'resizeVisual';
  const p = parseInput(cmd, z.object({ w: extent('w'), h: extent('h') }), { w, h });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => {
    rec.set('w', p.w);
    rec.set('h', p.h);
  });
}

export function setVisualTitle(doc: Y.Doc, id: string, title: string): void {
  const cmd = 'setVisualTitle';
  const p = parseInput(cmd, z.object({ title: TitleSchema }), { title });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => rec.set('title', p.title));
}

/** Changes the visual type; bound fields stay, and the new type's roles are created. */
export function setVisualType(doc: Y.Doc, id: string, type: VisualType): void {
  const cmd = 'setVisualType';
  const p = parseInput(cmd, z.object({ type: VisualTypeSchema }), { type });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => {
    rec.set('type', p.type);
    ensureRoles(fieldsOf(rec), p.type);
  });
}

/** Sets one format property (any JSON value); `undefined` resets it to the default. */
export function setVisualFormat(doc: Y.Doc, id: string, key: string, value: unknown): void {
  const cmd = 'setVisualFormat';
  const p = parseInput(cmd, z.object({ key: z.string().trim().min(1, 'the format key must not be empty'), value: z.json().optional() }), { key, value });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => {
    let format: unknown = rec.get('format');
    if (!(format instanceof Y.Map)) {
      format = new Y.Map<unknown>();
      rec.set('format', format);
    }
    const map = format as Y.Map<unknown>;
    if (p.value === undefined) map.delete(p.key);
    else map.set(p.key, p.value);
  });
}

export function setVisualFilters(doc: Y.Doc, id: string, filters: Filter[]): void {
  const cmd = 'setVisualFilters';
  const p = parseInput(cmd, z.object({ filters: z.array(FilterSchema) }), { filters });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => rec.set('filters', p.filters));
}

export function setVisualSort(doc: Y.Doc, id: string, sort: Sort | null): void {
  const cmd = 'setVisualSort';
  const p = parseInput(cmd, z.object({ sort: SortSchema.nullable() }), { sort });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => rec.set('sort', p.sort));
}

export function setVisualTopN(doc: Y.Doc, id: string, topN: TopN | null): void {
  const cmd = 'setVisualTopN';
  const p = parseInput(cmd, z.object({ topN: TopNSchema.nullable() }), { topN });
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => rec.set('topN', p.topN));
}

/** Puts the visual in front of every other visual of its page. */
export function bringVisualToFront(doc: Y.Doc, id: string): void {
  const cmd = 'bringVisualToFront';
  const rec = visual(doc, cmd, id);
  transactLocal(doc, cmd, () => rec.set('z', maxZ(doc, String(rec.get('pageId'))) + 1));
}

/** Binds a field into a role (at the end, or before `index`). */
export function bindField(doc: Y.Doc, visualId: string, role: string, ref: FieldRef, index?: number): void {
  const cmd = 'bindField';
  const p = parseInput(cmd, z.object({ role: RoleSchema, ref: FieldRefSchema, index: IndexSchema.optional() }), { role, ref, index });
  const rec = visual(doc, cmd, visualId);
  transactLocal(doc, cmd, () => {
    const fields = fieldsOf(rec);
    let refs = fields.get(p.role);
    if (!(refs instanceof Y.Array)) {
      refs = new Y.Array<FieldRef>();
      fields.set(p.role, refs);
    }
    refs.insert(p.index === undefined ? refs.length : Math.min(p.index, refs.length), [p.ref]);
  });
}

function requireBound(cmd: string, rec: YRecord, role: string, index: number): Y.Array<FieldRef> {
  const refs: unknown = rec.get('fields') instanceof Y.Map ? (rec.get('fields') as Y.Map<unknown>).get(role) : undefined;
  if (!(refs instanceof Y.Array) || index >= refs.length) {
    throw new CommandError(cmd, `${cmd}: there is no field at position ${index} of role "${role}".`, 'index');
  }
  return refs as Y.Array<FieldRef>;
}

/** Removes the field at `index` of `role`. */
export function unbindField(doc: Y.Doc, visualId: string, role: string, index: number): void {
  const cmd = 'unbindField';
  const p = parseInput(cmd, z.object({ role: RoleSchema, index: IndexSchema }), { role, index });
  const refs = requireBound(cmd, visual(doc, cmd, visualId), p.role, p.index);
  transactLocal(doc, cmd, () => refs.delete(p.index, 1));
}

/** Moves a bound field within its role or into another role (`toIndex` counts after the removal). */
export function moveField(doc: Y.Doc, visualId: string, fromRole: string, fromIndex: number, toRole: string, toIndex: number): void {
  const cmd = 'moveField';
  const p = parseInput(cmd, z.object({ fromRole: RoleSchema, fromIndex: IndexSchema, toRole: RoleSchema, toIndex: IndexSchema }), { fromRole, fromIndex, toRole, toIndex });
  const rec = visual(doc, cmd, visualId);
  const from = requireBound(cmd, rec, p.fromRole, p.fromIndex);
  transactLocal(doc, cmd, () => {
    const ref = from.get(p.fromIndex);
    from.delete(p.fromIndex, 1);
    const fields = fieldsOf(rec);
    let to = fields.get(p.toRole);
    if (!(to instanceof Y.Array)) {
      to = new Y.Array<FieldRef>();
      fields.set(p.toRole, to);
    }
    to.insert(Math.min(p.toIndex, to.length), [{ ...ref }]);
  });
}

export function removeVisual(doc: Y.Doc, id: string): void {
  const cmd = 'removeVisual';
  visual(doc, cmd, id);
  transactLocal(doc, cmd, () => visualsMap(doc).delete(id));
}
