import { BLANK, formatNumber, numberFormatExpr, type NumberFormatOptions } from './number-format';

/** The part of a query ResultField that decides how its values look (a ResultField fits). */
export interface FormatField {
  kind: 'dimension' | 'measure';
  vlType: 'quantitative' | 'temporal' | 'nominal' | 'ordinal';
  drillLevel?: 'year' | 'quarter' | 'month' | 'day';
}
export type DrillLevel = NonNullable<FormatField['drillLevel']>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A JS Date (or epoch ms) as 'YYYY-MM-DD' (UTC), with the time when it is not midnight. */
function isoDate(d: Date): string {
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const ms = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return ms === 0 ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A date-hierarchy key as Power BI shows it. Accepted key shapes (whatever the query emits):
 * year: 2024 | '2024' | '2024-01-01' → '2024';
 * quarter: 3 → 'Qtr 3'; '2024-Q3' | '2024 Q3' | '2024-07-01' → '2024 Qtr 3';
 * month: 3 → 'March'; '2024-03' | '2024-03-01' → 'Mar 2024';
 * day: 'YYYY-MM-DD' stays.
 */
export function formatDrillKey(value: unknown, level: DrillLevel): string {
  if (value === null || value === undefined || value === '') return BLANK;
  if (value instanceof Date) return formatDrillKey(isoDate(value), level);
  const text = String(value).trim();
  const num = typeof value === 'number' ? value : /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  const ymd = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
  const qtr = /^(\d{4})[-\s]?Q(?:tr\s?)?([1-4])$/i.exec(text);
  switch (level) {
    case 'year':
      return ymd ? ymd[1] : text;
    case 'quarter':
      if (qtr) return `${qtr[1]} Qtr ${qtr[2]}`;
      if (Number.isInteger(num) && num >= 1 && num <= 4) return `Qtr ${num}`;
      if (ymd?.[2]) return `${ymd[1]} Qtr ${Math.floor((Number(ymd[2]) - 1) / 3) + 1}`;
      return text;
    case 'month':
      if (Number.isInteger(num) && num >= 1 && num <= 12) return MONTHS[num - 1];
      if (ymd?.[2]) return `${MONTHS_SHORT[Number(ymd[2]) - 1] ?? ymd[2]} ${ymd[1]}`;
      return text;
    case 'day':
      return ymd?.[3] ? `${ymd[1]}-${ymd[2]}-${ymd[3]}` : text;
  }
}

/** Format one result value for display (tooltips, labels, tables, cards). */
export function formatValue(value: unknown, field: FormatField, format: NumberFormatOptions = {}): string {
  if (value === null || value === undefined) return BLANK;
  if (field.drillLevel) return formatDrillKey(value, field.drillLevel);
  if (typeof value === 'bigint') return formatValue(Number(value), field, format);
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (field.vlType === 'temporal') {
    if (typeof value === 'number') return isoDate(new Date(value));
    return String(value);
  }
  const numeric = typeof value === 'number' ? value : typeof value === 'string' && field.vlType === 'quantitative' && value.trim() !== '' ? Number(value) : NaN;
  if (field.vlType === 'quantitative' || field.kind === 'measure') {
    if (Number.isFinite(numeric)) return formatNumber(numeric, format);
    return typeof value === 'number' ? BLANK : String(value);
  }
  // Dimension numbers (years, ids, codes) are shown as they are: no separators.
  if (value === '') return BLANK;
  return String(value);
}

const q = (s: string): string => JSON.stringify(s);
const MONTHS_EXPR = JSON.stringify(MONTHS);
const MONTHS_SHORT_EXPR = JSON.stringify(MONTHS_SHORT);

/** The Vega expression equivalent of `formatDrillKey`. */
export function drillKeyExpr(expr: string, level: DrillLevel): string {
  const v = `(${expr})`;
  const s = `trim(toString(${v}))`;
  const isSmallInt = (max: number) => `(test(/^\\d{1,2}$/, ${s}) && toNumber(${s}) >= 1 && toNumber(${s}) <= ${max})`;
  const year = `substring(${s}, 0, 4)`;
  const month = `toNumber(substring(${s}, 5, 7))`;
  const hasMonth = `test(/^\\d{4}-\\d{2}/, ${s})`;
  let body: string;
  switch (level) {
    case 'year':
      body = `test(/^\\d{4}/, ${s}) ? ${year} : ${s}`;
      break;
    case 'quarter':
      body =
        `test(/^\\d{4}[-\\s]?Q(tr\\s?)?[1-4]$/i, ${s}) ? ${year} + ' Qtr ' + substring(${s}, length(${s}) - 1) : ` +
        `${isSmallInt(4)} ? 'Qtr ' + toNumber(${s}) : ` +
        `${hasMonth} ? ${year} + ' Qtr ' + (floor((${month} - 1) / 3) + 1) : ${s}`;
      break;
    case 'month':
      body =
        `${isSmallInt(12)} ? ${MONTHS_EXPR}[toNumber(${s}) - 1] : ` +
        `${hasMonth} ? ${MONTHS_SHORT_EXPR}[${month} - 1] + ' ' + ${year} : ${s}`;
      break;
    case 'day':
      body = `test(/^\\d{4}-\\d{2}-\\d{2}/, ${s}) ? substring(${s}, 0, 10) : ${s}`;
      break;
  }
  return `(!isValid(${v}) || ${v} === '') ? ${q(BLANK)} : (${body})`;
}

/** The Vega expression equivalent of `formatValue` for the value `expr` of `field`. */
export function valueFormatExpr(expr: string, field: FormatField, format: NumberFormatOptions = {}): string {
  if (field.drillLevel) return drillKeyExpr(expr, field.drillLevel);
  const v = `(${expr})`;
  if (field.vlType === 'quantitative' || field.kind === 'measure') {
    return `isBoolean(${v}) ? (${v} ? 'True' : 'False') : isString(${v}) && !isFinite(toNumber(${v})) ? ${v} : ${numberFormatExpr(`toNumber(${v})`, format)}`;
  }
  if (field.vlType === 'temporal') {
    return `(!isValid(${v})) ? ${q(BLANK)} : isDate(${v}) || isNumber(${v}) ? utcFormat(${v}, '%Y-%m-%d') : toString(${v})`;
  }
  return `(!isValid(${v}) || ${v} === '') ? ${q(BLANK)} : isBoolean(${v}) ? (${v} ? 'True' : 'False') : toString(${v})`;
}
