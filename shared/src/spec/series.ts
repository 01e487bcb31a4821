import { numberFormatExpr } from '../format/number-format';
import type { ResultField } from '../query/types';
import { distinct, fmtKey, formatTransforms, q, tooltipOf, type Ctx, type Json } from './common';

/** How the values of a chart map to (value field, colour series). */
export interface SeriesPlan {
  transforms: Json[];
  /** The numeric field to plot. */
  value: string;
  /** Its display string field. */
  valueFmt: string;
  /** The field coloured by (null → one series). */
  series: string | null;
  seriesTitle: string | null;
  /** Colour domain, in order. */
  domain: unknown[];
  tooltip: Json[];
}

export const FOLD_MEASURE = '__measure';
export const FOLD_VALUE = '__value';
export const FOLD_SERIES = '__series';

/**
 * - a series well field → colour by it, plot the first measure;
 * - several measures (or `forceFold`) → `fold` them (a reshape, no aggregation) into
 *   `__value`, coloured by `__series` = the measure's label;
 * - one measure → plot it as is.
 */
export function planSeries(ctx: Ctx, measures: ResultField[], series: ResultField | undefined, forceFold = false): SeriesPlan {
  if (series) {
    const m = measures[0];
    return {
      transforms: formatTransforms(ctx, [series, m]),
      value: m.key,
      valueFmt: fmtKey(m.key),
      series: series.key,
      seriesTitle: series.label,
      domain: distinct(ctx.rows, series.key),
      tooltip: tooltipOf([series, m]),
    };
  }
  if (measures.length > 1 || forceFold) {
    const labels: Record<string, string> = Object.fromEntries(measures.map((m) => [m.key, m.label]));
    return {
      transforms: [
        { fold: measures.map((m) => m.key), as: [FOLD_MEASURE, FOLD_VALUE] },
        { calculate: `${JSON.stringify(labels)}[datum[${q(FOLD_MEASURE)}]]`, as: FOLD_SERIES },
        { calculate: numberFormatExpr(`datum[${q(FOLD_VALUE)}]`, ctx.fmt.numberFormat), as: fmtKey(FOLD_VALUE) },
      ],
      value: FOLD_VALUE,
      valueFmt: fmtKey(FOLD_VALUE),
      series: FOLD_SERIES,
      seriesTitle: null,
      domain: measures.map((m) => m.label),
      tooltip: [
        { field: FOLD_SERIES, type: 'nominal', title: 'Series' },
        { field: fmtKey(FOLD_VALUE), type: 'nominal', title: 'Value' },
      ],
    };
  }
  const m = measures[0];
  return { transforms: formatTransforms(ctx, [m]), value: m.key, valueFmt: fmtKey(m.key), series: null, seriesTitle: null, domain: [], tooltip: tooltipOf([m]) };
}
