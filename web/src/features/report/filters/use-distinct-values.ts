/**
 * Distinct values of a column with counts, for a basic filter card (priority low: it never delays a visual). The search
 * text is applied in SQL, a short pause after the last keystroke; a newer search cancels the query of an older one.
 */
import { contextOf, fieldDatasets, modelOfSnapshot, type ColumnFieldRef, type ModelInput, type Scalar } from '@tessera/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useEngine } from '../../../engine/EngineProvider';
import { QueryCancelledError } from '../../../engine/types';
import { useAttachStates, useWorkbookSnapshot } from '../../../workbook';
import { findColumn } from '../field-kinds';
import { distinctValuesSql } from './distinct-values';

export interface DistinctValue {
  value: Scalar;
  count: number;
}

export type DistinctValues =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `total`: how many distinct values match the search in all (more than `values.length` when the list is capped). */
  | { status: 'ready'; values: DistinctValue[]; total: number; search: string };

const asScalar = (v: unknown): Scalar => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);

/** The datasets a field reads (a calculated column's RELATED tables too); its own when it cannot be compiled. */
function datasetsRead(model: ModelInput, field: ColumnFieldRef): string[] {
  try {
    return fieldDatasets(contextOf(model), field);
  } catch {
    return [field.datasetId];
  }
}

/** Typing pauses this long before the search query runs (so a word typed fast is one query, not one per letter). */
const SEARCH_PAUSE_MS = 150;

export function useDistinctValues(field: ColumnFieldRef, version: string, search: string): DistinctValues {
  const engine = useEngine();
  const snapshot = useWorkbookSnapshot();
  const [state, setState] = useState<DistinctValues>({ status: 'loading' });
  const text = search.trim();
  const model = modelOfSnapshot(snapshot);
  const type = findColumn(model.datasets, field, model.calculatedColumns)?.type;
  // the SQL of a calculated column (its expression, the tables it reads) follows the model
  const calculated = type !== undefined && !snapshot.datasets[field.datasetId]?.columns.some((c) => c.name === field.column);
  const definition = calculated ? JSON.stringify([model.calculatedColumns, model.relationships]) : '';
  const attach = useAttachStates();
  const tables = useSyncExternalStore(attach.subscribe, () => (calculated ? datasetsRead(model, field) : [field.datasetId]).map((id) => attach.get(id)?.state ?? 'loading').join(','));
  const ready = tables.split(',').every((s) => s === 'ready');
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    let sql: string;
    try {
      sql = distinctValuesSql({ field, ...model, search: text });
    } catch (error) {
      setState({ status: 'error', message: `The values of "${field.column}" cannot be listed: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const run = () =>
      engine.query(sql, { priority: 'low', signal: controller.signal }).then(
        (res) => {
          if (controller.signal.aborted) return;
          const values = res.rows.map((r) => ({ value: asScalar(r.value), count: Number(r.count ?? 0) }));
          setState({ status: 'ready', values, total: Number(res.rows[0]?.total ?? 0), search: text });
        },
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof QueryCancelledError) return;
          setState({ status: 'error', message: `The values of "${field.column}" could not be read: ${error instanceof Error ? error.message : String(error)}` });
        },
      );
    // the first list comes at once; a search waits for a pause in the typing
    const timer = text === '' ? (void run(), undefined) : setTimeout(() => void run(), SEARCH_PAUSE_MS);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      controller.abort();
    };
    // of the model only the column's type (and a calculated column's definition) matter to the query
  }, [engine, ready, field.datasetId, field.column, version, text, type, definition]);
  return state;
}
