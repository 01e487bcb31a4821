import * as Y from 'yjs';
import type { z } from 'zod';
import { metaMap, topTypes, type YRecord } from './layout';
import { CURRENT_SCHEMA_VERSION } from './migrations';

/** Origin of every local command transaction; the undo manager tracks only this origin. */
export const LOCAL_ORIGIN: unique symbol = Symbol('tessera.local');

/** A command refused its input or target. `message` is meant for the user; nothing was written. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly command: string,
    message: string,
    /** The input field at fault, e.g. `columns.2.name`, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}...` : String(text);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Validates a command's input; the error names the command, the field and the value received. */
export function parseInput<S extends z.ZodType>(command: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  const where = field ? `"${field}"` : 'input';
  throw new CommandError(command, `${command}: invalid ${where}: ${issue.message} (got ${describeValue(valueAt(input, issue.path))}).`, field || undefined);
}

/** Runs `fn` as ONE local transaction; refuses to write into a document from a newer Tessera. */
export function transactLocal<T>(doc: Y.Doc, command: string, fn: () => T): T {
  const version = metaMap(doc).get('schemaVersion');
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    throw new CommandError(command, `${command}: this workbook was saved by a newer Tessera (schema ${version}) and is read-only. Update Tessera to edit it.`);
  }
  let out: T | undefined;
  doc.transact(() => {
    out = fn();
  }, LOCAL_ORIGIN);
  return out as T;
}

/** The Y.Map of one record, or a CommandError naming the unknown id. */
export function requireRecord(command: string, collection: Y.Map<YRecord>, id: string, what: string): YRecord {
  const rec = collection.get(id);
  if (!(rec instanceof Y.Map)) throw new CommandError(command, `${command}: there is no ${what} with id "${id}".`, 'id');
  return rec;
}

/** Writes each key of a plain object into a record map (values stored as plain JSON). */
export function writeFields(rec: YRecord, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) rec.delete(key);
    else rec.set(key, value);
  }
}

export function newRecord(fields: Record<string, unknown>): YRecord {
  const rec = new Y.Map<unknown>();
  writeFields(rec, fields);
  return rec;
}

export interface UndoOptions {
  /** Edits closer together than this (ms) undo as one step. Default 500. */
  captureTimeout?: number;
}

/** Undo/redo of this client's own commands only (remote edits and migrations are never undone). */
export function createUndoManager(doc: Y.Doc, options: UndoOptions = {}): Y.UndoManager {
  return new Y.UndoManager(topTypes(doc), {
    trackedOrigins: new Set<unknown>([LOCAL_ORIGIN]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}

/** Case-insensitive, trimmed comparison key for names. */
export const nameKey = (name: string): string => name.trim().toLocaleLowerCase();
