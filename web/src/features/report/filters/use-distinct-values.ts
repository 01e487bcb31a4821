/** Distinct values of a column with counts, for a basic filter card (priority low: it never delays a visual). */
import { type ColumnFieldRef, type Scalar } from '@tessera/shared';
import { useEffect, useState } from 'react';
import { useEngine } from '../../../engine/EngineProvider';
import { QueryCancelledError } from '../../../engine/types';
import { useDatasetAttachState } from '../../../workbook';
import { DISTINCT_LIMIT, distinctValuesSql } from './distinct-values';

export interface DistinctValue {
  value: Scalar;
  count: number;
}

export type DistinctValues = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; values: DistinctValue[]; truncated: boolean };

const asScalar = (v: unknown): Scalar => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);

export function useDistinctValues(field: ColumnFieldRef, version: string): DistinctValues {
  const engine = useEngine();
  const attach = useDatasetAttachState(field.datasetId);
  const [state, setState] = useState<DistinctValues>({ status: 'loading' });
  const ready = attach === 'ready';
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    engine.query(distinctValuesSql(field), { priority: 'low', signal: controller.signal }).then(
      (res) => {
        if (controller.signal.aborted) return;
        const values = res.rows.map((r) => ({ value: asScalar(r.value), count: Number(r.count ?? 0) }));
        setState({ status: 'ready', values: values.slice(0, DISTINCT_LIMIT), truncated: values.length > DISTINCT_LIMIT });
      },
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof QueryCancelledError) return;
        setState({ status: 'error', message: `The values of "${field.column}" could not be read: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
    return () => controller.abort();
  }, [engine, ready, field.datasetId, field.column, version]);
  return state;
}
