import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, nameKey, newRecord, parseInput, requireRecord, transactLocal, writeFields } from './command-kit';
import { datasetColumnNames, listDatasets } from './dataset-commands';
import { requireModelPart } from './doc';
import { renameMeasureRefs } from '../query/measure/refs';
import { renameColumnEverywhere } from './rename-column';
import { isBooleanType, isDateType, isNumericType, isTextType } from '../query/model';
import { newId } from './ids';
import { datasetsMap, modelPart, type YRecord } from './layout';
import { CARDINALITIES, CROSS_FILTERS, ColumnRefSchema, ColumnTypeSchema, IdSchema, type Cardinality, type ColumnRef, type CrossFilter, type DatasetEntry } from './schema';

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

/** What a relationship's two ends are checked against: the datasets, calculated columns and the other relationships. */
export interface RelationshipModel {
  datasets: readonly DatasetEntry[];
  /** Calculated columns; their type is checked when it was stored (on save, as the engine described it). */
  calculated?: readonly { datasetId: string; name: string; type?: string }[];
  relationships: readonly { id: string; from: ColumnRef; to: ColumnRef }[];
}

/** A reason two columns cannot be related, said to the user; `field` is the input at fault (`to.column` …). */
export interface RelationshipProblem {
  field: string;
  message: string;
}

/**
 * The kind of values a column type holds, for joining: every number type is one kind (integers of any width, DECIMAL,
 * DOUBLE: DuckDB compares them exactly), text types another, DATE, TIMESTAMP (any precision or time zone) and BOOLEAN
 * each their own; any other type only matches itself (TIME, UUID, BLOB …).
 */
export function joinKind(type: string): string {
  if (isNumericType(type)) return 'number';
  if (isTextType(type)) return 'text';
  if (isDateType(type)) return 'date';
  if (/^TIMESTAMP/i.test(type.trim())) return 'timestamp'; // any precision (TIMESTAMP_NS …) or time zone
  if (isBooleanType(type)) return 'boolean';
  return type.trim().toUpperCase().replace(/\(.*$/, '');
}

/** Whether columns of these two types can be joined with `=` in a relationship. */
export const joinableTypes = (a: string, b: string): boolean => joinKind(a) === joinKind(b);

const KIND_WORDS: Record<string, string> = { number: 'numbers', text: 'text', date: 'dates', timestamp: 'date-times', boolean: 'true/false values' };

/**
 * The first reason `from` → `to` cannot be a relationship of `model` (pure: the commands and the Model view's dialog
 * share it): unknown dataset or column, both ends in one dataset, column types of different kinds, or the two columns
 * already related (either way round) by a relationship other than `exceptId`. Undefined when they can be related.
 */
export function relationshipProblem(model: RelationshipModel, ends: { from: ColumnRef; to: ColumnRef }, exceptId?: string): RelationshipProblem | undefined {
  const byId = new Map(model.datasets.map((d) => [d.id, d]));
  const types: Partial<Record<'from' | 'to', string>> = {};
  for (const end of ['from', 'to'] as const) {
    const ref = ends[end];
    const dataset = byId.get(ref.datasetId);
    if (!dataset) return { field: `${end}.datasetId`, message: `There is no dataset with id "${ref.datasetId}".` };
    const stored = dataset.columns.find((c) => nameKey(c.name) === nameKey(ref.column));
    const calc = stored ? undefined : (model.calculated ?? []).find((c) => c.datasetId === ref.datasetId && nameKey(c.name) === nameKey(ref.column));
    if (!stored && !calc) return { field: `${end}.column`, message: `Table "${dataset.name}" has no column "${ref.column}".` };
    const type = stored?.type ?? calc?.type;
    if (type !== undefined) types[end] = type;
  }
  const label = (ref: ColumnRef): string => `${byId.get(ref.datasetId)?.name ?? ref.datasetId}.${ref.column}`;
  if (ends.from.datasetId === ends.to.datasetId) {
    return { field: 'to.datasetId', message: 'A relationship must join two different datasets: choose another table on one side.' };
  }
  if (types.from !== undefined && types.to !== undefined && !joinableTypes(types.from, types.to)) {
    const [a, b] = [joinKind(types.from), joinKind(types.to)].map((k) => KIND_WORDS[k] ?? k);
    return {
      field: 'to.column',
      message:
        `${label(ends.from)} holds ${a} (${types.from}) and ${label(ends.to)} holds ${b} (${types.to}): their values can never match. ` +
        'Choose two columns of the same kind (numbers with numbers, text with text, dates with dates).',
    };
  }
  const same = (a: ColumnRef, b: ColumnRef): boolean => a.datasetId === b.datasetId && nameKey(a.column) === nameKey(b.column);
  const taken = model.relationships.find(
    (r) => r.id !== exceptId && ((same(ends.from, r.from) && same(ends.to, r.to)) || (same(ends.from, r.to) && same(ends.to, r.from))),
  );
  if (taken) return { field: 'to', message: `${label(ends.from)} and ${label(ends.to)} are already related. Edit that relationship instead.` };
  return undefined;
}

/** The model the relationship commands validate against, read from the document. */
function relationshipModel(doc: Y.Doc, rels: Y.Map<YRecord>): RelationshipModel {
  const calculated = [...(modelPart(doc, 'columns')?.values() ?? [])].map((c) => {
    const type = c.get('type');
    return { datasetId: String(c.get('datasetId') ?? ''), name: String(c.get('name') ?? ''), ...(typeof type === 'string' ? { type } : {}) };
  });
  const relationships = [...rels.entries()].map(([id, rec]) => ({ id, from: rec.get('from') as ColumnRef, to: rec.get('to') as ColumnRef }));
  return { datasets: listDatasets(doc), calculated, relationships };
}

function requireRelatable(doc: Y.Doc, cmd: string, rels: Y.Map<YRecord>, ends: { from: ColumnRef; to: ColumnRef }, exceptId?: string): void {
  const problem = relationshipProblem(relationshipModel(doc, rels), ends, exceptId);
  if (problem) throw new CommandError(cmd, `${cmd}: ${problem.message}`, problem.field);
}

const RelationshipFields = {
  from: ColumnRefSchema,
  to: ColumnRefSchema,
  cardinality: z.enum(CARDINALITIES),
  crossFilter: z.enum(CROSS_FILTERS),
  active: z.boolean(),
};
const AddRelationshipSchema = z.object({ id: IdSchema.optional(), ...RelationshipFields }).partial({ cardinality: true, crossFilter: true, active: true });
const UpdateRelationshipSchema = z.object(RelationshipFields).partial();
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
export type UpdateRelationshipInput = Partial<Omit<AddRelationshipInput, 'id'>>;

/**
 * Relates two columns of two datasets (default many-to-one, single-direction, active). Refused (nothing written) when
 * `relationshipProblem` finds a reason; whether the "one" side's values are unique needs the data, so the caller checks it.
 */
export function addRelationship(doc: Y.Doc, input: AddRelationshipInput): string {
  const cmd = 'addRelationship';
  const v = parseInput(cmd, AddRelationshipSchema, input);
  const rels = requireModelPart(doc, cmd, 'relationships');
  requireRelatable(doc, cmd, rels, v);
  const id = v.id ?? newId('rel_');
  requireFreshId(cmd, rels, id, 'relationship');
  transactLocal(doc, cmd, () =>
    rels.set(id, newRecord({ from: v.from, to: v.to, cardinality: v.cardinality ?? 'many-to-one', crossFilter: v.crossFilter ?? 'single', active: v.active ?? true })),
  );
  return id;
}

/**
 * Changes some of a relationship's properties: its columns (`from`, `to`), cardinality, cross-filter direction, whether
 * it is active. New ends are validated as `addRelationship` does (the relationship itself aside); each property is its
 * own key, so concurrent edits of different ones merge. One transaction, one undo step.
 */
export function updateRelationship(doc: Y.Doc, id: string, patch: UpdateRelationshipInput): void {
  const cmd = 'updateRelationship';
  const v = parseInput(cmd, UpdateRelationshipSchema, patch);
  const rels = requireModelPart(doc, cmd, 'relationships');
  const rec = requireRecord(cmd, rels, id, 'relationship');
  if (v.from !== undefined || v.to !== undefined) {
    requireRelatable(doc, cmd, rels, { from: v.from ?? (rec.get('from') as ColumnRef), to: v.to ?? (rec.get('to') as ColumnRef) }, id);
  }
  const given = Object.fromEntries(Object.entries(v).filter(([, value]) => value !== undefined));
  transactLocal(doc, cmd, () => writeFields(rec, given));
}

export function removeRelationship(doc: Y.Doc, id: string): void {
  const cmd = 'removeRelationship';
  const rels = requireModelPart(doc, cmd, 'relationships');
  requireRecord(cmd, rels, id, 'relationship');
  transactLocal(doc, cmd, () => rels.delete(id));
}

// ------------------------------------------------------- calculated columns

const CalcTypeSchema = ColumnTypeSchema.optional();
const AddCalcSchema = z.object({ id: IdSchema.optional(), datasetId: IdSchema, name: NameSchema, expression: z.string(), type: CalcTypeSchema });
export type AddCalculatedColumnInput = z.input<typeof AddCalcSchema>;
const UpdateCalcSchema = z.object({ name: NameSchema.optional(), expression: z.string().optional(), type: CalcTypeSchema });
export type UpdateCalculatedColumnInput = z.input<typeof UpdateCalcSchema>;

/**
 * Adds a calculated column to a dataset; its name must not clash with any column of that dataset. `type`: the DuckDB
 * type of its values (the engine describes the expression when the column is saved).
 */
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
  transactLocal(doc, cmd, () => cols.set(id, newRecord({ datasetId: v.datasetId, name: v.name, expression: v.expression, type: v.type })));
  return id;
}

/** Changes a calculated column's expression, type or name (a new name must not clash with another column of its dataset). */
export function updateCalculatedColumn(doc: Y.Doc, id: string, patch: UpdateCalculatedColumnInput): void {
  const cmd = 'updateCalculatedColumn';
  const v = parseInput(cmd, UpdateCalcSchema, patch);
  const rec = requireRecord(cmd, requireModelPart(doc, cmd, 'columns'), id, 'calculated column');
  if (v.name !== undefined && nameKey(v.name) !== nameKey(String(rec.get('name') ?? ''))) {
    const datasetId = String(rec.get('datasetId') ?? '');
    if (datasetColumnNames(doc, datasetId).has(nameKey(v.name))) {
      throw new CommandError(cmd, `${cmd}: dataset "${datasetId}" already has a column named "${v.name}". Choose another name.`, 'name');
    }
  }
  const oldName = String(rec.get('name') ?? '');
  transactLocal(doc, cmd, () => {
    writeFields(rec, v);
    if (v.name !== undefined && v.name !== oldName) renameColumnEverywhere(doc, String(rec.get('datasetId') ?? ''), oldName, v.name);
  });
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
