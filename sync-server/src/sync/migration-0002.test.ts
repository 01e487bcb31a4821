import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../db';
import { migrationsFolder } from '../db/migrate';
import { queryRows } from '../db/rows';
import { createTempDir, withTestDatabase, type TempDir, type TestDatabaseSetup } from '../testing/databases';
import { docJson } from '../testing/sync-clients';
import { postgresPersistence } from './persistence';
import { Room } from './room';

/** A migrations folder holding only the migrations before 0002 (the schema data was written with). */
async function migrationsBefore0002(dir: string): Promise<string> {
  const folder = join(dir, 'drizzle');
  await mkdir(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
  journal.entries = journal.entries.filter((entry) => entry.idx < 2);
  await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) await copyFile(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

describe.each(['postgres', 'pglite'] as const)('migration 0002 (per-workbook seqs, gc’d snapshots) on %s', (kind) => {
  let setup: TestDatabaseSetup;
  let temp: TempDir;
  let handle: DatabaseHandle;

  const migrateTo = (migrations: string) =>
    kind === 'postgres'
      ? migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder: migrations })
      : migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: migrations });

  beforeAll(async () => {
    setup = await withTestDatabase(kind);
    temp = await createTempDir('tessera-migrations-');
    handle = await openDatabase({ url: setup.databaseUrl, dataDir: setup.dataDir });
  });
  afterAll(async () => {
    await handle?.close();
    await setup?.cleanup();
    await temp?.remove();
  });

  it('keeps the data written before it: heads start after the highest seq, and both workbooks open unchanged', async () => {
    await migrateTo(await migrationsBefore0002(temp.path));
    // Data as the old code wrote it: one table-wide seq, interleaved between workbooks; wb2 compacted
    // into a full-history v1 snapshot.
    await handle.db.execute(sql`insert into workspaces (id, name) values ('00000000-0000-4000-8000-000000000001', 'Old')`);
    await handle.db.execute(sql`insert into workbooks (id, workspace_id, name) values
      ('wb1', '00000000-0000-4000-8000-000000000001', 'One'), ('wb2', '00000000-0000-4000-8000-000000000001', 'Two')`);
    const one = new Y.Doc();
    const two = new Y.Doc({ gc: false });
    const made = { wb1: [] as Uint8Array[], wb2: [] as Uint8Array[] };
    one.on('update', (update: Uint8Array) => made.wb1.push(update));
    two.on('update', (update: Uint8Array) => made.wb2.push(update));
    for (let i = 0; i < 3; i++) {
      one.getMap('meta').set('name', `one ${i}`);
      two.getMap('meta').set('name', `two ${i}`);
    }
    for (let i = 0; i < 3; i++) {
      await handle.db.execute(sql`insert into workbook_updates (workbook_id, update) values ('wb1', ${made.wb1[i]}::bytea)`);
      await handle.db.execute(sql`insert into workbook_updates (workbook_id, update) values ('wb2', ${made.wb2[i]}::bytea)`);
    }
    // seqs: wb1 1, 3, 5; wb2 2, 4, 6. wb2's first two are compacted into a snapshot up to 4.
    await handle.db.execute(sql`insert into workbook_snapshots (workbook_id, up_to_seq, state) values ('wb2', 4, ${Y.mergeUpdates(made.wb2.slice(0, 2))}::bytea)`);
    await handle.db.execute(sql`delete from workbook_updates where workbook_id = 'wb2' and seq <= 4`);

    await migrateTo(migrationsFolder);

    const heads = await queryRows<{ id: string; head: number }>(handle.db, sql`select id, head_seq::int as head from workbooks order by id`);
    expect(heads).toEqual([
      { id: 'wb1', head: 5 },
      { id: 'wb2', head: 6 },
    ]);
    const persistence = postgresPersistence(handle, 'migrated');
    one.getMap('meta').set('theme', 'dark');
    expect(await persistence.store('wb1', [made.wb1[3]])).toEqual({ firstSeq: 6, lastSeq: 6 });
    const snapshots = await queryRows<{ encoding: number }>(handle.db, sql`select encoding from workbook_snapshots`);
    expect(snapshots).toEqual([{ encoding: 1 }]);

    for (const [id, doc] of [
      ['wb1', one],
      ['wb2', two],
    ] as const) {
      const room = new Room(id, persistence, 1000);
      await room.load();
      expect(docJson(room.doc)).toBe(docJson(doc));
      await room.idle();
      room.destroy();
    }
  });
});
