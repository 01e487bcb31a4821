import { useCallback, useRef } from 'react';
import { useEngine } from '../../engine/EngineProvider';
import { QueryError } from '../../engine/types';
import { useSqlLabStore } from './sql-store';
import { capQuery, DISPLAY_ROW_CAP, positionToLineColumn, runTarget, tokenEnd, uncapErrorMessage } from './sql-text-utils';

const isCancelled = (error: unknown): boolean => error instanceof Error && (error.name === 'QueryCancelledError' || error.name === 'AbortError');

/** Runs the editor's selection (or all of it), keeps the result, records the run in the history. */
export function useRunSql(): { run(): void; cancel(): void } {
  const engine = useEngine();
  const controller = useRef<AbortController | null>(null);
  const runCounter = useRef(0);

  const run = useCallback(() => {
    const store = useSqlLabStore.getState();
    const { text, selection } = store;
    const target = runTarget(text, selection.start, selection.end);
    if (target.sql.trim() === '') {
      store.patch({ error: { message: 'The editor is empty: write a query, then press Run.' }, notice: undefined });
      return;
    }
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const capped = capQuery(target.sql);
    const started = Date.now();
    store.patch({ running: true, error: undefined, notice: undefined });

    engine.query(capped.sql, { priority: 'high', key: 'sql-lab', noCache: true, signal: current.signal }).then(
      (result) => {
        if (controller.current !== current) return;
        const truncated = result.rows.length > DISPLAY_ROW_CAP;
        const rows = truncated ? result.rows.slice(0, DISPLAY_ROW_CAP) : result.rows;
        runCounter.current += 1;
        store.patch({
          running: false,
          result: { runId: runCounter.current, sql: target.sql, columns: result.columns, rows, elapsedMs: result.elapsedMs, truncated },
        });
        void store.recordRun({ sql: target.sql, at: started, ok: true, rowCount: rows.length, elapsedMs: Math.round(result.elapsedMs) });
      },
      (error: unknown) => {
        if (controller.current !== current) return;
        if (isCancelled(error)) {
          store.patch({ running: false, notice: 'Query cancelled.' });
          return;
        }
        const raw = error instanceof Error ? error.message : String(error);
        const message = uncapErrorMessage(raw, capped);
        let line: number | undefined;
        let column: number | undefined;
        if (error instanceof QueryError && error.position !== undefined) {
          const inTarget = error.position - capped.prefixLength;
          if (inTarget >= 0 && inTarget <= target.sql.length) {
            const at = target.start + inTarget;
            ({ line, column } = positionToLineColumn(text, at));
            store.focusRange({ start: at, end: tokenEnd(text, at) });
          }
        }
        store.patch({ running: false, error: { message, line, column } });
        void store.recordRun({ sql: target.sql, at: started, ok: false, error: message, elapsedMs: Date.now() - started });
      },
    );
  }, [engine]);

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  return { run, cancel };
}
