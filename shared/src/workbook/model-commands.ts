import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, nameKey, newRecord, parseInput, requireRecord, transactLocal, writeFields } from './command-kit';
import { datasetColumnNames } from './dataset-commands';
import { requireModelPart } from './doc';
import { renameMeasureRefs } from '../query/measure/refs';
import { newId } from './ids';
import { datasetsMap, type YRecord } from './layout';
import { CARDINALITIES, CROSS_FILTERS, ColumnRefSchema, IdSchema, type Cardinality, type ColumnRef, type CrossFilter } from './schema';

const NameSchema = z.string().trim().min(1, 'the name must not be empty').max(200, 'the name is too long (max 200 characters)');

function requireDataset(doc: Y.Doc, cmd: string, datasetId: string, field: string): void {
  if (!(datasetsMap(doc).get(datasetId) instanceof Y.Map)) throw new CommandError(cmd, `${cmd}: there is no dataset with id "${datasetId}".`, field);
}

function requireFreshId(cmd: string, map: Y.Map<YRecord>, id: string, what: string): void {
  if (map.has(id)) throw new CommandError(cmd, `${cmd}: a ${what} with id "${id}" already exists.`, 'id');
}

// ---------------------------------------------------------------- measures

const AddMeasureSchema = z.object({ id: IdSchema.optional(), name: NameSchema, datasetId: IdSchema, expression: z.string(), format: z.string().optional() });
export type AddMeasureInput = z.input<typeof AddMeasureSchema>;
const UpdateMeasureSchema = z.object({ name: NameSchema.optional(), datasetId: IdSchema.optional(), expression: z.string().optional(), format: z.string().optional() });
export type UpdateMeasureInput = z.input<typeof UpdateMeasureSchema>;

function measureNameTaken(measures: Y.Map<YRecord>, name: string, exceptId?: string): boolean {
  for (const [id, rec] of measures.entries()) if (id !== exceptId && nameKey(String(rec.get('name') ?? '')) === nameKey(name)) return true;
  return false;
}

/** Adds a measure homed on a dataset; measure names are unique in the workbook (case-insensitive). */
export function addMeasure(doc: Y.Doc, input: AddMeasureInput): string {
  const cmd = 'addMeasure';
  const v = parseInput(cmd, AddMeasureSchema, input);
  const measures = requireModelPart(doc, cmd, 'measures');
  requireDataset(doc, cmd, v.datasetId, 'datasetId');
  const id = v.id ?? newId('ms_');
  requireFreshId(cmd, measures, id, 'measure');
  if (measureNameTaken(measures, v.name)) throw new CommandError(cmd, `${cmd}: a measure named "${v.name}" already exists. Choose another name.`, 'name');
  transactLocal(doc, cmd, () => measures.set(id, newRecord({ name: v.name, datasetId: v.datasetId, expression: v.expression, format: v.format ?? '' })));
  return id;
}

/**
 * Changes some of a measure's properties (each one a separate key, so concurrent edits of different ones merge). A new
 * name is carried into the other measures' `[Old name]` references in the same transaction (one undo step), as Power BI
 * does, so renaming never breaks the measures built on this one.
 */
export function updateMeasure(doc: Y.Doc, id: string, patch: UpdateMeasureInput): void {
  const cmd = 'updateMeasure';
  const v = parseInput(cmd, UpdateMeasureSchema, patch);
  const measures = requireModelPart(doc, cmd, 'measures');
  const rec = requireRecord(cmd, measures, id, 'measure');
  if (v.name !== undefined && measureNameTaken(measures, v.name, id)) throw new CommandError(cmd, `${cmd}: a measure named "${v.name}" already exists. Choose another name.`, 'name');
  if (v.datasetId !== undefined) requireDataset(doc, cmd, v.datasetId, 'datasetId');
  const oldName = String(rec.get('name') ?? '');
  transactLocal(doc, cmd, () => {
    writeFields(rec, v);
    if (v.name === undefined || v.name === oldName) return;
    for (const [otherId, other] of measures.entries()) {
      if (otherId === id) continue;
      const expression = String(other.get('expression') ?? '');
      const renamed = renameMeasureRefs(expression, oldName, v.name);
      if (renamed !== expression) other.set('expression', renamed);
    }
  });
}

export function removeMeasure(doc: Y.Doc, id: string): void {
  const cmd = 'removeMeasure';
  const measures = requireModelPart(doc, cmd, 'measures');
  requireRecord(cmd, measures, id, 'measure');
  transactLocal(doc, cmd, () => measures.delete(id));
}

// ----------------------------------------------------------- relationships

const AddRelationshipSchema = z.object({
  id: IdSchema.optional(),
  from: ColumnRefSchema,
  to: ColumnRefSchema,
  cardinality: z.enum(CARDINALITIES).optional(),
  crossFilter: z.enum(CROSS_FILTERS).optional(),
  active: z.boolean().optional(),
});
export interface AddRelationshipInput {
  id?: string;
  /** The many side (fact) by default … */
  from: ColumnRef;
  /** … and the one side (dimension). */
  to: ColumnRef;
  cardinality?: Cardinality;
  crossFilter?: CrossFilter;
  active?: boolean;
}

/** Relates two columns of two datasets (default many-to-one, single-direction, active). */
export function addRelationship(doc: Y.Doc, input: AddRelationshipInput): string {
  const cmd = 'addRelationship';
  const v = parseInput(cmd, AddRelationshipSchema, input);
  const rels = requireModelPart(doc, cmd, 'relationships');
  for (const end of ['from', 'to'] as const) {
    const ref = v[end];
    requireDataset(doc, cmd, ref.datasetId, `${end}.datasetId`);
    if (!datasetColumnNames(doc, ref.datasetId).has(nameKey(ref.column))) {
      throw new CommandError(cmd, `${cmd}: dataset "${ref.datasetId}" has no column "${ref.column}".`, `${end}.column`);
    }
  }
  if (v.from.datasetId === v.to.datasetId) throw new CommandError(cmd, `${cmd}: a relationship must join two different datasets.`, 'to.datasetId');
  const same = (a: ColumnRef, b: unknown): boolean => {
    const r = b as Partial<ColumnRef> | undefined;
    return r?.datasetId === a.datasetId && nameKey(String(r.column ?? '')) === nameKey(a.column);
  };
  for (const rec of rels.values()) {
    const f = rec.get('from');
    const t = rec.get('to');
    if ((same(v.from, f) && same(v.to, t)) || (same(v.from, t) && same(v.to, f))) {
      throw new CommandError(cmd, `${cmd}: these two columns are already related.`, 'to');
    }
  }
  const id = v.id ?? newId('rel_');
  requireFreshId(cmd, rels, id, 'relationship');
  transactLocal(doc, cmd, () =>
    rels.set(id, newRecord({ from: v.from, to: v.to, cardinality: v.cardinality ?? 'many-to-one', crossFilter: v.crossFilter ?? 'single', active: v.active ?? true })),
  );
  return id;
}

export function removeRelationship(doc: Y.Doc, id: string): void {
  const cmd = 'removeRelationship';
  const rels = requireModelPart(doc, cmd, 'relationships');
  requireRecord(cmd, rels, id, 'relationship');
  transactLocal(doc, cmd, () => rels.delete(id));
}

// ------------------------------------------------------- calculated columns

const AddCalcSchema = z.object({ id: IdSchema.optional(), datasetId: IdSchema, name: NameSchema, expression: z.string() });
export type AddCalculatedColumnInput = z.input<typeof AddCalcSchema>;

/** Adds a calculated column to a dataset; its name must not clash with any column of that dataset. */
export function addCalculatedColumn(doc: Y.Doc, input: AddCalculatedColumnInput): string {
  const cmd = 'addCalculatedColumn';
  const v = parseInput(cmd, AddCalcSchema, input);
  const cols = requireModelPart(doc, cmd, 'columns');
  requireDataset(doc, cmd, v.datasetId, 'datasetId');
  if (datasetColumnNames(doc, v.datasetId).has(nameKey(v.name))) {
    throw new CommandError(cmd, `${cmd}: dataset "${v.datasetId}" already has a column named "${v.name}". Choose another name.`, 'name');
  }
  const id = v.id ?? newId('cc_');
  requireFreshId(cmd, cols, id, 'calculated column');
  transactLocal(doc, cmd, () => cols.set(id, newRecord({ datasetId: v.datasetId, name: v.name, expression: v.expression })));
  return id;
}

export function updateCalculatedColumn(doc: Y.Doc, id: string, patch: { expression: string }): void {
  const cmd = 'updateCalculatedColumn';
  const v = parseInput(cmd, z.object({ expression: z.string() }), patch);
  const rec = requireRecord(cmd, requireModelPart(doc, cmd, 'columns'), id, 'calculated column');
  transactLocal(doc, cmd, () => rec.set('expression', v.expression));
}

export function removeCalculatedColumn(doc: Y.Doc, id: string): void {
  const cmd = 'removeCalculatedColumn';
  const cols = requireModelPart(doc, cmd, 'columns');
  requireRecord(cmd, cols, id, 'calculated column');
  transactLocal(doc, cmd, () => cols.delete(id));
}

// -------------------------------------------------------------- hierarchies

const AddHierarchySchema = z.object({ id: IdSchema.optional(), datasetId: IdSchema, name: NameSchema, levels: z.array(z.string().trim().min(1)).min(1, 'a hierarchy needs at least one level') });
export type AddHierarchyInput = z.input<typeof AddHierarchySchema>;

export function addHierarchy(doc: Y.Doc, input: AddHierarchyInput): string {
  const cmd = 'addHierarchy';
  const v = parseInput(cmd, AddHierarchySchema, input);
  const hs = requireModelPart(doc, cmd, 'hierarchies');
  requireDataset(doc, cmd, v.datasetId, 'datasetId');
  const known = datasetColumnNames(doc, v.datasetId);
  v.levels.forEach((level, i) => {
    if (!known.has(nameKey(level))) throw new CommandError(cmd, `${cmd}: dataset "${v.datasetId}" has no column "${level}".`, `levels.${i}`);
  });
  const id = v.id ?? newId('hy_');
  requireFreshId(cmd, hs, id, 'hierarchy');
  transactLocal(doc, cmd, () => hs.set(id, newRecord({ datasetId: v.datasetId, name: v.name, levels: v.levels })));
  return id;
}

export function removeHierarchy(doc: Y.Doc, id: string): void {
  const cmd = 'removeHierarchy';
  const hs = requireModelPart(doc, cmd, 'hierarchies');
  requireRecord(cmd, hs, id, 'hierarchy');
  transactLocal(doc, cmd, () => hs.delete(id));
}
