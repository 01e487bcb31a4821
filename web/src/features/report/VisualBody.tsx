/**
 * What a visual shows inside its frame: the empty state, loading (aria-busy, a subtle spinner),
 * errors (the compiler's / DuckDB's message, which names the field or expression), or the
 * rendered visual — a Vega chart, or a React table / matrix / card / KPI / slicer.
 */
import { type Visual, type WorkbookSnapshot } from '@tessera/shared';
import type { ReactNode } from 'react';
import { CardVisual, KpiVisual, MultiRowCardVisual } from './CardVisuals';
import { ChartView } from './ChartView';
import { SlicerVisual } from './SlicerVisual';
import { MatrixVisual, TableVisual } from './TableVisuals';
import { useVisualData } from './use-visual-data';
import { useChartTheme } from './format/use-chart-theme';
import { usePublishVisualResult } from './format/visual-results';
import { MatrixTree } from './drill/MatrixTree';

const REACT_TYPES = new Set(['table', 'matrix', 'card', 'multiRowCard', 'kpi', 'slicer']);

interface VisualBodyProps {
  visual: Visual;
  snapshot: WorkbookSnapshot;
  label: string;
  /** inner size in screen pixels */
  width: number;
  height: number;
}

export function VisualBody({ visual, snapshot, label, width, height }: VisualBodyProps): ReactNode {
  const data = useVisualData(visual, snapshot);
  const theme = useChartTheme();
  usePublishVisualResult(visual.id, 'rows' in data ? data.rows : null, 'fields' in data ? data.fields : undefined, 'sql' in data ? data.sql : undefined);

  if (data.status === 'empty') return <p className="visual__message visual__message--empty">Add fields to build this visual</p>;
  if (data.status === 'error')
    return (
      <p className="visual__message visual__message--error" role="alert">
        {data.message}
      </p>
    );
  if (data.status === 'waiting' || data.rows === null)
    return (
      <div className="visual__loading" aria-busy="true" aria-label="Loading">
        <span className="spinner" aria-hidden="true" />
      </div>
    );

  const { rows, fields } = data;
  let content: ReactNode;
  if (!REACT_TYPES.has(visual.type)) content = <ChartView visual={visual} fields={fields} rows={rows} theme={theme} width={Math.max(40, width)} height={Math.max(40, height - (data.reduction ? 16 : 0))} highlight={data.highlight} />;
  else if (visual.type === 'table') content = <TableVisual fields={fields} rows={rows} label={label} />;
  else if (visual.type === 'matrix') content = rows.some((r) => '__level' in r) ? <MatrixTree fields={fields} rows={rows} label={label} /> : <MatrixVisual fields={fields} rows={rows} label={label} />;
  else if (visual.type === 'card') content = <CardVisual fields={fields} rows={rows} format={visual.format} />;
  else if (visual.type === 'multiRowCard') content = <MultiRowCardVisual fields={fields} rows={rows} format={visual.format} />;
  else if (visual.type === 'kpi') content = <KpiVisual fields={fields} rows={rows} format={visual.format} />;
  else content = <SlicerVisual visual={visual} fields={fields} rows={rows} />;

  return (
    <div className="visual__content" aria-busy={data.status === 'loading'} data-answered-by={data.viaCube ? 'cube' : 'query'}>
      {content}
      {data.status === 'loading' ? <span className="spinner spinner--corner" aria-hidden="true" /> : null}
      {data.reduction ? <p className="visual__footnote">{data.reduction.note}</p> : null}
    </div>
  );
}
