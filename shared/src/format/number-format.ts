/**
 * Tessera's number formatting, in two equivalent forms:
 * - `formatNumber()` — plain TypeScript, used by React visuals (cards, tables) and tests;
 * - `numberFormatExpr()` — the same rules as a Vega expression string, used inside chart specs
 *   (axis `labelExpr`, `calculate` transforms for data labels and tooltips), so charts format
 *   ticks that only exist inside Vega exactly like the rest of the app.
 *
 * Mapping of the options onto d3-format (which Vega's `format()` expression function uses):
 *   decimals: n        → `.nf` (fixed);  decimals absent → `.2~f` (up to 2, trailing zeros trimmed),
 *                          or `.1~f` when a unit (K/M/B) is applied
 *   thousands: true    → `,` (grouping)  (default true)
 *   percent: true      → value × 100, suffix `%` (units ignored)
 *   units K | M | B    → value ÷ 1e3 | 1e6 | 1e9, suffix K | M | B (a Vega expression, d3 has no such unit)
 *   units auto         → the largest of B/M/K whose threshold |value| reaches, nested `?:` in Vega
 *   currency           → symbol prefix after the sign: `-$1,234.50` (ISO codes USD/EUR/GBP/… map to symbols)
 * The sign is always an ASCII '-' written by us (d3 would write U+2212).
 */
export type NumberUnits = 'none' | 'K' | 'M' | 'B' | 'auto';
export const NUMBER_UNITS: readonly NumberUnits[] = ['none', 'K', 'M', 'B', 'auto'];

export interface NumberFormatOptions {
  /** Fixed number of decimals (0–10); absent → automatic (up to 2, trailing zeros trimmed). */
  decimals?: number;
  /** Thousands separators; default true. */
  thousands?: boolean;
  /** Currency symbol or ISO code ('$', '€', 'EUR', 'USD', …). */
  currency?: string;
  /** Treat the value as a fraction and show it as a percentage (0.25 → 25%). */
  percent?: boolean;
  /** Display units; default 'none'. */
  units?: NumberUnits;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', KRW: '₩', BRL: 'R$', CAD: 'CA$', AUD: 'A$',
  CHF: 'CHF ', SEK: 'SEK ', NOK: 'NOK ', DKK: 'DKK ', PLN: 'zł ', RUB: '₽', TRY: '₺', MXN: 'MX$', ZAR: 'R ',
};

/** The prefix shown for a currency option ('' when none). */
export function currencySymbol(currency: string | undefined): string {
  if (!currency) return '';
  const trimmed = currency.trim();
  return CURRENCY_SYMBOLS[trimmed.toUpperCase()] ?? trimmed;
}

const UNIT_DIVISORS: Readonly<Record<'K' | 'M' | 'B', number>> = { K: 1e3, M: 1e6, B: 1e9 };

function clampDecimals(d: number | undefined): number | undefined {
  if (d === undefined || !Number.isFinite(d)) return undefined;
  return Math.min(10, Math.max(0, Math.round(d)));
}

/** The d3-format specifier for the magnitude part (no sign, no currency, no unit). */
export function d3Specifier(options: NumberFormatOptions, withUnit: boolean): string {
  const decimals = clampDecimals(options.decimals);
  const group = options.thousands === false ? '' : ',';
  if (decimals !== undefined) return `${group}.${decimals}f`;
  return `${group}.${withUnit ? 1 : 2}~f`;
}

/** d3's `f` with optional `~` (trim) and `,` (grouping), reproduced without d3. */
function fixed(abs: number, options: NumberFormatOptions, withUnit: boolean): string {
  const decimals = clampDecimals(options.decimals);
  let text = abs.toFixed(decimals ?? (withUnit ? 1 : 2));
  if (decimals === undefined && text.includes('.')) text = text.replace(/\.?0+$/, '');
  if (options.thousands !== false) {
    const [int, frac] = text.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    text = frac === undefined ? grouped : `${grouped}.${frac}`;
  }
  return text;
}

function pickUnit(abs: number, units: NumberUnits | undefined): 'K' | 'M' | 'B' | null {
  if (units === 'K' || units === 'M' || units === 'B') return units;
  if (units === 'auto') {
    if (abs >= 1e9) return 'B';
    if (abs >= 1e6) return 'M';
    if (abs >= 1e3) return 'K';
  }
  return null;
}

/** Format a number by Tessera's rules (see the module comment). Non-finite → '(Blank)'. */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return BLANK;
  const symbol = currencySymbol(options.currency);
  if (options.percent) {
    const body = fixed(Math.abs(value) * 100, options, false);
    return `${value < 0 && Number(body.replace(/,/g, '')) !== 0 ? '-' : ''}${symbol}${body}%`;
  }
  const abs = Math.abs(value);
  const unit = pickUnit(abs, options.units);
  const body = fixed(unit ? abs / UNIT_DIVISORS[unit] : abs, options, unit !== null);
  const negative = value < 0 && Number(body.replace(/,/g, '')) !== 0;
  return `${negative ? '-' : ''}${symbol}${body}${unit ?? ''}`;
}

export const BLANK = '(Blank)';

const q = (s: string): string => JSON.stringify(s);

/**
 * The Vega expression that formats the number `expr` (e.g. 'datum.c1' or 'datum.value') like `formatNumber`.
 * Uses only Vega expression built-ins (`format`, `abs`, `isValid`, `isFinite`, `replace`, `toNumber`).
 */
export function numberFormatExpr(expr: string, options: NumberFormatOptions = {}): string {
  const v = `(${expr})`;
  const symbol = q(currencySymbol(options.currency));
  const body = (scaled: string, withUnit: boolean, suffix: string): string => {
    const text = `format(${scaled}, ${q(d3Specifier(options, withUnit))})`;
    // '-' only when the rounded magnitude is not zero, like formatNumber.
    const sign = `(${v} < 0 && toNumber(replace(${text}, /,/g, '')) != 0 ? '-' : '')`;
    return `${sign} + ${symbol} + ${text} + ${q(suffix)}`;
  };
  let inner: string;
  if (options.percent) inner = body(`abs(${v}) * 100`, false, '%');
  else if (options.units === 'K' || options.units === 'M' || options.units === 'B') {
    inner = body(`abs(${v}) / ${UNIT_DIVISORS[options.units]}`, true, options.units);
  } else if (options.units === 'auto') {
    inner =
      `abs(${v}) >= 1e9 ? ${body(`abs(${v}) / 1e9`, true, 'B')} : ` +
      `abs(${v}) >= 1e6 ? ${body(`abs(${v}) / 1e6`, true, 'M')} : ` +
      `abs(${v}) >= 1e3 ? ${body(`abs(${v}) / 1e3`, true, 'K')} : ${body(`abs(${v})`, false, '')}`;
  } else inner = body(`abs(${v})`, false, '');
  return `(!isValid(${v}) || !isFinite(${v})) ? ${q(BLANK)} : (${inner})`;
}
