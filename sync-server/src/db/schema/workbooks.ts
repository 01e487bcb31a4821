import { bigint, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { users } from './users';
import { workspaces } from './workspaces';

export const workbooks = pgTable(
  'workbooks',
  {
    /** May be chosen by the client, so a local workbook keeps its id. */
    id: text().primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /**
     * The last `workbook_updates.seq` handed out for this workbook. Storing updates bumps it in the
     * same statement, which locks the row: per workbook, seqs are contiguous and commit in order.
     */
    headSeq: bigint({ mode: 'number' }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workbooks_workspace_idx').on(t.workspaceId)],
);

/**
 * The append-only Yjs update log (v1 updates). `seq` counts per workbook (`workbooks.headSeq`):
 * contiguous, committed in order (see sync/persistence.ts). Rows created before migration 0002 keep
 * their old, table-wide seqs, which are still increasing per workbook.
 */
export const workbookUpdates = pgTable(
  'workbook_updates',
  {
    workbookId: text()
      .notNull()
      .references(() => workbooks.id, { onDelete: 'cascade' }),
    seq: bigint({ mode: 'number' }).notNull(),
    update: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workbookId, t.seq] })],
);

/**
 * Compacted state: every update of the workbook with seq ≤ upToSeq merged into one.
 * `encoding` 2 (current): a Yjs v2 update of the garbage-collected document, with its encoded state
 * vector in `stateVector` (so a socket can be answered before the document is rebuilt).
 * `encoding` 1 (before migration 0002): a Yjs v1 update of the whole history (gc off), no state vector.
 */
export const workbookSnapshots = pgTable(
  'workbook_snapshots',
  {
    workbookId: text()
      .notNull()
      .references(() => workbooks.id, { onDelete: 'cascade' }),
    upToSeq: bigint({ mode: 'number' }).notNull(),
    state: bytea().notNull(),
    encoding: smallint().notNull().default(1),
    stateVector: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workbookId, t.upToSeq] })],
);

/**
 * Named versions. `snapshot` holds what sync/versions.ts encodes: the `Y.snapshot` (state vector +
 * delete set) AND the document's content at that moment (a gc'd Yjs v2 state), so a version stays
 * restorable although the server no longer keeps deleted content. Versions saved before migration
 * 0002 hold the bare `Y.snapshot`; they are upgraded when their workbook is next opened.
 */
export const versions = pgTable(
  'versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    workbookId: text()
      .notNull()
      .references(() => workbooks.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    snapshot: bytea().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('versions_wb_idx').on(t.workbookId)],
);

/** Metadata of dataset snapshots stored on disk under `<TESSERA_DATA_DIR>/blobs`. */
export const datasetBlobs = pgTable(
  'dataset_blobs',
  {
    workbookId: text()
      .notNull()
      .references(() => workbooks.id, { onDelete: 'cascade' }),
    datasetId: text().notNull(),
    version: text().notNull(),
    size: integer().notNull(),
    /** Relative to the blobs folder. */
    path: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workbookId, t.datasetId, t.version] })],
);
