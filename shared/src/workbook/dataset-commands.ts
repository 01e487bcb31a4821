import * as Y from 'yjs';
import { z } from 'zod';
import { CommandError, nameKey, newRecord, parseInput, requireRecord, transactLocal, writeFields } from './command-kit';
import { readDataset } from './doc';
import { newId } from './ids';
import { datasetsMap, metaMap, modelPart, type YRecord } from './layout';
import { DatasetColumnSchema, DatasetSourceSchema, IdSchema, type DatasetColumn, type DatasetEntry, type DatasetSource } from './schema';

const NameSchema = z.string().trim().min(1, 'the name must not be empty').max(200, 'the name is too long (max 200 characters)');

const ColumnsSchema = z.array(DatasetColumnSchema).superRefine((cols, ctx) => {
  const seen = new Set<string>();
  cols.forEach((col, i) => {
    const key = nameKey(col.name);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the column name "${col.name}" appears twice (names are case-insensitive)` });
    seen.add(key);
  });
});

const SnapshotFields = {
  columns: ColumnsSchema,
  rowCount: z.number().int('rowCount must be a whole number').nonnegative('rowCount must not be negative'),
  version: z.string().trim().min(1, 'the version must not be empty'),
  refreshedAt: z.string().optional(),
};

const AddDatasetSchema = z.object({ id: IdSchema.optional(), name: NameSchema, source: DatasetSourceSchema, ...SnapshotFields });
const UpdateSnapshotSchema = z.object(SnapshotFields);

export interface AddDatasetInput {
  id?: string;
  name: string;
  source: DatasetSource;
  columns: DatasetColumn[];
  rowCount: number;
  version: string;
  refreshedAt?: string;
}

export interface DatasetSnapshotInput {
  columns: DatasetColumn[];
  rowCount: number;
  version: string;
  refreshedAt?: string;
}

function nameTaken(doc: Y.Doc, name: string, exceptId?: string): boolean {
  const key = nameKey(name);
  for (const [id, rec] of datasetsMap(doc).entries()) {
    if (id !== exceptId && rec instanceof Y.Map && nameKey(String(rec.get('name') ?? '')) === key) return true;
  }
  return false;
}

/** `wanted` if no dataset has that name (case-insensitive), else `wanted (2)`, `wanted (3)`… */
export function uniqueDatasetName(doc: Y.Doc, wanted: string): string {
  const base = wanted.trim() || 'Dataset';
  if (!nameTaken(doc, base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!nameTaken(doc, candidate)) return candidate;
  }
}

function requireInitialised(doc: Y.Doc, command: string): void {
  if (metaMap(doc).size === 0) throw new CommandError(command, `${command}: the workbook is not initialised yet. Create or load the workbook first.`);
}

/** Adds a dataset entry (its rows live in storage under id + version). Returns the id. */
export function addDataset(doc: Y.Doc, input: AddDatasetInput): string {
  const cmd = 'addDataset';
  const v = parseInput(cmd, AddDatasetSchema, input);
  requireInitialised(doc, cmd);
  const id = v.id ?? newId('ds_');
  if (datasetsMap(doc).has(id)) throw new CommandError(cmd, `${cmd}: a dataset with id "${id}" already exists.`, 'id');
  if (nameTaken(doc, v.name)) {
    throw new CommandError(cmd, `${cmd}: a dataset named "${v.name}" already exists. Choose another name, e.g. "${uniqueDatasetName(doc, v.name)}".`, 'name');
  }
  transactLocal(doc, cmd, () => {
    const rec = newRecord({
      name: v.name,
      source: v.source,
      columns: v.columns,
      rowCount: v.rowCount,
      version: v.version,
      refreshedAt: v.refreshedAt ?? new Date().toISOString(),
    });
    rec.set('transforms', new Y.Array<unknown>());
    datasetsMap(doc).set(id, rec);
  });
  return id;
}

/** Points a dataset at a new stored snapshot (after a refresh or a re-import). */
export function updateDatasetSnapshot(doc: Y.Doc, id: string, input: DatasetSnapshotInput): void {
  const cmd = 'updateDatasetSnapshot';
  const v = parseInput(cmd, UpdateSnapshotSchema, input);
  const rec = requireRecord(cmd, datasetsMap(doc), id, 'dataset');
  transactLocal(doc, cmd, () => {
    writeFields(rec, { columns: v.columns, rowCount: v.rowCount, version: v.version, refreshedAt: v.refreshedAt ?? new Date().toISOString() });
  });
}

export function renameDataset(doc: Y.Doc, id: string, name: string): void {
  const cmd = 'renameDataset';
  const { name: clean } = parseInput(cmd, z.object({ name: NameSchema }), { name });
  const rec = requireRecord(cmd, datasetsMap(doc), id, 'dataset');
  if (nameTaken(doc, clean, id)) throw new CommandError(cmd, `${cmd}: a dataset named "${clean}" already exists. Choose another name.`, 'name');
  transactLocal(doc, cmd, () => rec.set('name', clean));
}

/**
 * Removes a dataset entry and the relationships, measures, calculated columns and hierarchies
 * homed on it. Visual field refs to it stay (the visual shows a "missing field" state).
 */
export function removeDataset(doc: Y.Doc, id: string): void {
  const cmd = 'removeDataset';
  parseInput(cmd, z.object({ id: IdSchema }), { id });
  requireRecord(cmd, datasetsMap(doc), id, 'dataset');
  transactLocal(doc, cmd, () => {
    datasetsMap(doc).delete(id);
    const rels = modelPart(doc, 'relationships');
    if (rels) {
      for (const [relId, rel] of [...rels.entries()]) {
        const from = rel.get('from') as { datasetId?: string } | undefined;
        const to = rel.get('to') as { datasetId?: string } | undefined;
        if (from?.datasetId === id || to?.datasetId === id) rels.delete(relId);
      }
    }
    for (const part of ['measures', 'columns', 'hierarchies'] as const) {
      const map = modelPart(doc, part);
      if (!map) continue;
      for (const [itemId, item] of [...map.entries()]) if (item.get('datasetId') === id) map.delete(itemId);
    }
  });
}

/** All datasets, sorted by name (case-insensitive), as plain copies. */
export function listDatasets(doc: Y.Doc): DatasetEntry[] {
  const out: DatasetEntry[] = [];
  for (const [id, rec] of datasetsMap(doc).entries()) if (rec instanceof Y.Map) out.push(readDataset(id, rec as YRecord));
  return out.sort((a, b) => nameKey(a.name).localeCompare(nameKey(b.name)) || (a.id < b.id ? -1 : 1));
}

/** One dataset as a plain copy, or undefined. */
export function getDataset(doc: Y.Doc, id: string): DatasetEntry | undefined {
  const rec = datasetsMap(doc).get(id);
  return rec instanceof Y.Map ? readDataset(id, rec) : undefined;
}

/** Used by model commands: the dataset's column names (stored + calculated), for existence checks. */
export function datasetColumnNames(doc: Y.Doc, datasetId: string): Set<string> {
  const names = new Set<string>();
  const rec = datasetsMap(doc).get(datasetId);
  if (rec instanceof Y.Map) for (const c of readDataset(datasetId, rec).columns) names.add(nameKey(c.name));
  const calc = modelPart(doc, 'columns');
  if (calc) for (const item of calc.values()) if (item.get('datasetId') === datasetId) names.add(nameKey(String(item.get('name') ?? '')));
  return names;
}
