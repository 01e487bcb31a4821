import { NUMBER_UNITS, type NumberFormatOptions, type NumberUnits } from '../format/number-format';
import { isColor } from './theme';

export type LegendPosition = 'top' | 'bottom' | 'left' | 'right' | 'none';
export const LEGEND_POSITIONS: readonly LegendPosition[] = ['top', 'bottom', 'left', 'right', 'none'];

export interface BorderFormat {
  show: boolean;
  color: string | null;
  width: number;
}

/**
 * The format pane options of a chart (`visual.format` keys), read with defaults.
 * Keys: title, showTitle, colors (palette override), seriesColors, dataLabels, xAxisTitle, yAxisTitle, showXAxis, showYAxis,
 * secondaryYAxisTitle, showGridlines, yMin, yMax, logScale, legendPosition, numberFormat, background, border.
 */
export interface VisualFormat {
  title: string | null;
  showTitle: boolean;
  /** Palette override for series (null → theme dataColors). */
  colors: string[] | null;
  /** Colour per series value or measure label. */
  seriesColors: Record<string, string>;
  /** Data labels on/off; null → the chart type's default (on for pie, donut, funnel, treemap). */
  dataLabels: boolean | null;
  xAxisTitle: string | null;
  /** X / Y axis shown (screen directions); false hides the axis (labels, ticks, title). */
  showXAxis: boolean;
  showYAxis: boolean;
  yAxisTitle: string | null;
  secondaryYAxisTitle: string | null;
  showGridlines: boolean;
  yMin: number | null;
  yMax: number | null;
  logScale: boolean;
  legendPosition: LegendPosition;
  numberFormat: NumberFormatOptions;
  background: string | null;
  border: BorderFormat;
}

export const DEFAULT_VISUAL_FORMAT: VisualFormat = {
  title: null,
  showTitle: true,
  colors: null,
  seriesColors: {},
  dataLabels: null,
  xAxisTitle: null,
  showXAxis: true,
  showYAxis: true,
  yAxisTitle: null,
  secondaryYAxisTitle: null,
  showGridlines: true,
  yMin: null,
  yMax: null,
  logScale: false,
  legendPosition: 'top',
  numberFormat: {},
  background: null,
  border: { show: false, color: null, width: 1 },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** Read number format options leniently (unknown values are dropped, never thrown). */
export function readNumberFormat(v: unknown): NumberFormatOptions {
  if (!isRecord(v)) return {};
  const out: NumberFormatOptions = {};
  const decimals = num(v.decimals);
  if (decimals !== null) out.decimals = Math.min(10, Math.max(0, Math.round(decimals)));
  if (typeof v.thousands === 'boolean') out.thousands = v.thousands;
  if (typeof v.currency === 'string' && v.currency.trim() !== '') out.currency = v.currency.trim();
  if (typeof v.percent === 'boolean') out.percent = v.percent;
  if (typeof v.units === 'string' && (NUMBER_UNITS as readonly string[]).includes(v.units)) out.units = v.units as NumberUnits;
  return out;
}

/**
 * Read `visual.format` into a VisualFormat. Values of the wrong type (e.g. from an older or concurrent
 * edit) fall back to the default instead of failing, so a chart always renders.
 */
export function readVisualFormat(format: Record<string, unknown> | undefined): VisualFormat {
  const f = format ?? {};
  const d = DEFAULT_VISUAL_FORMAT;
  const seriesColors: Record<string, string> = {};
  if (isRecord(f.seriesColors)) {
    for (const [k, c] of Object.entries(f.seriesColors)) if (isColor(c)) seriesColors[k] = c;
  }
  const colors = Array.isArray(f.colors) ? f.colors.filter(isColor) : [];
  const legend = typeof f.legendPosition === 'string' && (LEGEND_POSITIONS as readonly string[]).includes(f.legendPosition) ? (f.legendPosition as LegendPosition) : d.legendPosition;
  const border: BorderFormat = { ...d.border };
  if (typeof f.border === 'boolean') border.show = f.border;
  else if (isRecord(f.border)) {
    border.show = bool(f.border.show, true);
    border.color = isColor(f.border.color) ? f.border.color : null;
    border.width = Math.max(0, num(f.border.width) ?? 1);
  }
  return {
    title: str(f.title),
    showTitle: bool(f.showTitle, d.showTitle),
    colors: colors.length > 0 ? colors : null,
    seriesColors,
    dataLabels: typeof f.dataLabels === 'boolean' ? f.dataLabels : null,
    xAxisTitle: str(f.xAxisTitle),
    showXAxis: bool(f.showXAxis, d.showXAxis),
    showYAxis: bool(f.showYAxis, d.showYAxis),
    yAxisTitle: str(f.yAxisTitle),
    secondaryYAxisTitle: str(f.secondaryYAxisTitle),
    showGridlines: bool(f.showGridlines, d.showGridlines),
    yMin: num(f.yMin),
    yMax: num(f.yMax),
    logScale: bool(f.logScale, d.logScale),
    legendPosition: legend,
    numberFormat: readNumberFormat(f.numberFormat),
    background: isColor(f.background) ? f.background : null,
    border,
  };
}
