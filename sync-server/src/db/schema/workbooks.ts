import { bigint, bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workbooks_workspace_idx').on(t.workspaceId)],
);

/** The append-only Yjs update log; `seq` orders it (per workbook, commits happen in seq order: see sync/persistence.ts). */
export const workbookUpdates = pgTable(
  'workbook_updates',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    workbookId: text()
      .notNull()
      .references(() => workbooks.id, { onDelete: 'cascade' }),
    update: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workbook_updates_wb_seq_idx').on(t.workbookId, t.seq)],
);

/** Compacted state: every update of the workbook with seq ≤ upToSeq merged into one. */
export const workbookSnapshots = pgTable(
  'workbook_snapshots',
  {
    workbookId: text()
      .notNull()
      .references(() => workbooks.id, { onDelete: 'cascade' }),
    upToSeq: bigint({ mode: 'number' }).notNull(),
    state: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workbookId, t.upToSeq] })],
);

/** Named versions: an encoded `Y.snapshot` (state vector + delete set) of the workbook. */
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
