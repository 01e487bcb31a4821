/**
 * Highlight on a target visual: its full query runs as usual; a second query — the same input plus
 * the source's predicate — says which of its categories match; those stay bright (two queries merged
 * by category key, not a CASE column: the compiler and its caches stay unchanged).
 */
import { compileVisualQuery, type Predicate, type ResultField, type VisualQueryInput } from '@tessera/shared';
import { useEffect, useMemo, useState } from 'react';
import { useEngine } from '../../../engine/EngineProvider';
import { crossFilterField } from '../chart-data';
import { highlightFromRows } from './interaction-mode';

export type Highlight = { key: string; values: (string | number | boolean | null)[] }[];

export function useInteractionHighlight(input: VisualQueryInput | null, predicate: Predicate | undefined, fields: readonly ResultField[] | undefined, ready: boolean): Highlight | undefined {
  const engine = useEngine();
  const key = useMemo(() => (fields ? crossFilterField(fields)?.field.key : undefined), [fields]);
  const sql = useMemo(() => {
    if (!input || !predicate || !key) return '';
    try {
      return compileVisualQuery({ ...input, filters: [...input.filters, predicate] }).sql;
    } catch {
      return '';
    }
  }, [input, predicate, key]);
  const [result, setResult] = useState<{ sql: string; highlight: Highlight } | null>(null);
  useEffect(() => {
    if (!sql || !ready || !key || !input) return;
    const controller = new AbortController();
    engine.query(sql, { key: `visual:${input.visual.id}:highlight`, priority: 'high', signal: controller.signal }).then(
      (res) => {
        if (!controller.signal.aborted) setResult({ sql, highlight: highlightFromRows(key, res.rows) });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [engine, sql, ready, key, input]);
  if (!sql) return undefined;
  return result?.sql === sql ? result.highlight : undefined;
}
