import type { ResultField } from '../query/types';
import type { Scalar, VisualType } from '../workbook/schema';
import type { ThemeTokens } from './theme';

/** Everything a chart spec is built from: rows and field metadata, never the store. */
export interface SpecInput {
  type: VisualType;
  fields: ResultField[];
  rows: Record<string, unknown>[];
  /** `visual.format` as stored (read with `readVisualFormat`). */
  format: Record<string, unknown>;
  theme: ThemeTokens;
  width: number;
  height: number;
  /** Cross-highlight: data matching every entry stays bright, the rest dims. */
  highlight?: { key: string; values: Scalar[] }[];
  /** For 'custom': the user's Vega-Lite JSON; rows are bound as data "table". */
  customSpec?: string;
  /** For 'map': a TopoJSON topology with `objects.countries` (world-atlas) or `objects.states` (us-atlas). */
  topology?: unknown;
}

export type BuiltSpec =
  | { library: 'vega-lite'; spec: Record<string, unknown>; warnings?: string[] }
  | { library: 'vega'; spec: Record<string, unknown>; warnings?: string[] }
  | { library: 'none'; reason: string };

/** Types React renders itself (no chart spec). */
export const NON_CHART_TYPES: ReadonlySet<string> = new Set(['table', 'matrix', 'card', 'multiRowCard', 'kpi', 'slicer']);

/** The user's custom Vega-Lite JSON is not valid; `line`/`column` are 1-based, `offset` 0-based. */
export class CustomSpecError extends Error {
  constructor(
    message: string,
    public readonly offset?: number,
    public readonly line?: number,
    public readonly column?: number,
  ) {
    super(message);
    this.name = 'CustomSpecError';
  }
}
