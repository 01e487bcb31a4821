import * as Y from 'yjs';
import { metaMap } from './layout';

/** The schema version this build writes. A document with a higher one opens read-only. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * One step of the document schema: turns a document of version `from` into version `to`
 * (= from + 1). `migrate` is a pure function of the document: it only reads and writes the
 * Y types (no clock, no I/O), and must be safe to run on two peers that later merge.
 */
export interface Migration {
  from: number;
  to: number;
  description: string;
  migrate: (doc: Y.Doc) => void;
}

/** Ordered migrations, oldest first. Version 1 is the first published schema: nothing to migrate yet. */
export const migrations: readonly Migration[] = [];

/** Origin of migration transactions: not the local user's, so never undoable. */
export const MIGRATION_ORIGIN: unique symbol = Symbol('tessera.migration');

export interface MigrationResult {
  status: 'current' | 'migrated' | 'newer';
  readOnly: boolean;
  /** The schema version of the document after the check. */
  version: number;
  message?: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The schema version stored in `meta`; 0 for a document written before versions existed; null when meta is empty. */
export function readSchemaVersion(doc: Y.Doc): number | null {
  const meta = metaMap(doc);
  if (meta.size === 0) return null;
  const v = meta.get('schemaVersion');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Checks `meta.schemaVersion` on open: an older document is migrated step by step (one
 * transaction), a newer one is reported read-only with a message for the user. An empty
 * document (not initialised yet) is 'current'.
 */
export function checkAndMigrate(doc: Y.Doc, list: readonly Migration[] = migrations): MigrationResult {
  const target = Math.max(CURRENT_SCHEMA_VERSION, ...list.map((m) => m.to));
  const found = readSchemaVersion(doc);
  if (found === null) return { status: 'current', readOnly: false, version: target };
  if (found > target) {
    return {
      status: 'newer',
      readOnly: true,
      version: found,
      message: `This workbook was saved by a newer Tessera (schema ${found}); it opens read-only. Update Tessera to edit it.`,
    };
  }
  if (found === target) return { status: 'current', readOnly: false, version: found };
  const steps: Migration[] = [];
  for (let v = found; v < target; v++) {
    const step = list.find((m) => m.from === v);
    if (!step || step.to !== v + 1) {
      throw new MigrationError(`Cannot open this workbook: no migration from schema ${v} to ${v + 1}. Nothing was changed; please report this.`);
    }
    steps.push(step);
  }
  // Run on a scratch copy first: a migration that throws half-way leaves the real document untouched.
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  try {
    scratch.transact(() => {
      for (const step of steps) {
        step.migrate(scratch);
        metaMap(scratch).set('schemaVersion', step.to);
      }
    }, MIGRATION_ORIGIN);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(`Cannot upgrade this workbook from schema ${found} to ${target}: ${reason}. Nothing was changed.`);
  }
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)), MIGRATION_ORIGIN);
  scratch.destroy();
  return { status: 'migrated', readOnly: false, version: target, message: `Workbook upgraded from schema ${found} to ${target}.` };
}
