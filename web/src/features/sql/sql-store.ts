/**
 * SQL Lab's ephemeral state (editor text, last result, last error, history list) so that it survives
 * switching views. The history itself is persisted in IndexedDB (sql-history.ts).
 */
import { create } from 'zustand';
import type { ResultColumn } from '../../engine/types';
import { openSqlHistory, type HistoryEntry, type SqlHistory } from './sql-history';

export interface SqlResultState {
  runId: number;
  /** the SQL as the user wrote it (what Export CSV re-runs in full) */
  sql: string;
  columns: ResultColumn[];
  rows: Record<string, unknown>[];
  elapsedMs: number;
  /** more rows exist than are kept (DISPLAY_ROW_CAP) */
  truncated: boolean;
}

export interface SqlErrorState {
  message: string;
  /** 1-based line/column in the editor, when DuckDB pointed at a position */
  line?: number;
  column?: number;
}

export interface Selection {
  start: number;
  end: number;
}

interface SqlLabState {
  text: string;
  selection: Selection;
  /** bumped to ask the editor to take focus and apply `selection` */
  focusToken: number;
  running: boolean;
  result?: SqlResultState;
  error?: SqlErrorState;
  notice?: string;
  history: HistoryEntry[];
  historyError?: string;
  historyDb?: Promise<SqlHistory>;

  setText(text: string, selection?: Selection): void;
  setSelection(selection: Selection): void;
  /** Replaces the selection with `snippet` and puts the caret after it. */
  insert(snippet: string): void;
  /** Puts `sql` in the editor (from the history). */
  load(sql: string): void;
  /** Selects a range of the editor text and focuses it. */
  focusRange(selection: Selection): void;
  patch(change: Partial<Pick<SqlLabState, 'running' | 'result' | 'error' | 'notice'>>): void;
  loadHistory(): Promise<void>;
  recordRun(entry: HistoryEntry): Promise<void>;
  clearHistory(): Promise<void>;
}

export const useSqlLabStore = create<SqlLabState>()((set, get) => {
  const history = (): Promise<SqlHistory> => {
    let db = get().historyDb;
    if (!db) {
      db = openSqlHistory();
      set({ historyDb: db });
    }
    return db;
  };
  const historyFailed = (error: unknown): void =>
    set({ historyError: `History is not available: ${error instanceof Error ? error.message : String(error)}. Runs still work; they are just not remembered.` });

  return {
    text: '',
    selection: { start: 0, end: 0 },
    focusToken: 0,
    running: false,
    history: [],
    setText: (text, selection) => set(selection ? { text, selection } : { text }),
    setSelection: (selection) => set({ selection }),
    insert: (snippet) => {
      const { text, selection } = get();
      const start = Math.min(selection.start, text.length);
      const end = Math.min(Math.max(selection.end, start), text.length);
      const caret = start + snippet.length;
      set({ text: text.slice(0, start) + snippet + text.slice(end), selection: { start: caret, end: caret }, focusToken: get().focusToken + 1 });
    },
    load: (sql) => set({ text: sql, selection: { start: sql.length, end: sql.length }, focusToken: get().focusToken + 1 }),
    focusRange: (selection) => set({ selection, focusToken: get().focusToken + 1 }),
    patch: (change) => set(change),
    loadHistory: async () => {
      try {
        set({ history: await (await history()).list(), historyError: undefined });
      } catch (error) {
        historyFailed(error);
      }
    },
    recordRun: async (entry) => {
      try {
        const saved = await (await history()).add(entry);
        set({ history: [saved, ...get().history].slice(0, 200) });
      } catch (error) {
        historyFailed(error);
      }
    },
    clearHistory: async () => {
      try {
        await (await history()).clear();
        set({ history: [] });
      } catch (error) {
        historyFailed(error);
      }
    },
  };
});
