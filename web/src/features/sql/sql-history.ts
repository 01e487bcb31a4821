/**
 * SQL Lab's run history, kept in IndexedDB (database 'tessera-sql-history') so it survives reloads.
 * It is per browser profile, not part of any workbook.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface HistoryEntry {
  id?: number;
  sql: string;
  /** epoch ms when the run started */
  at: number;
  ok: boolean;
  rowCount?: number;
  elapsedMs?: number;
  error?: string;
}

interface HistorySchema extends DBSchema {
  runs: { key: number; value: HistoryEntry; indexes: { at: number } };
}

export const HISTORY_DB = 'tessera-sql-history';
/** Older runs beyond this many are dropped. */
export const HISTORY_LIMIT = 200;

export interface SqlHistory {
  add(entry: HistoryEntry): Promise<HistoryEntry>;
  /** newest first */
  list(limit?: number): Promise<HistoryEntry[]>;
  clear(): Promise<void>;
  close(): void;
}

export async function openSqlHistory(name = HISTORY_DB): Promise<SqlHistory> {
  const db: IDBPDatabase<HistorySchema> = await openDB<HistorySchema>(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
      store.createIndex('at', 'at');
    },
  });
  return {
    async add(entry) {
      const { id: _ignored, ...record } = entry;
      const tx = db.transaction('runs', 'readwrite');
      const id = await tx.store.add(record as HistoryEntry);
      const total = await tx.store.count();
      if (total > HISTORY_LIMIT) {
        let cursor = await tx.store.openCursor();
        for (let excess = total - HISTORY_LIMIT; cursor && excess > 0; excess -= 1) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      await tx.done;
      return { ...record, id };
    },
    async list(limit = HISTORY_LIMIT) {
      const entries: HistoryEntry[] = [];
      let cursor = await db.transaction('runs').store.openCursor(null, 'prev');
      while (cursor && entries.length < limit) {
        entries.push(cursor.value);
        cursor = await cursor.continue();
      }
      return entries;
    },
    async clear() {
      await db.clear('runs');
    },
    close() {
      db.close();
    },
  };
}
