/**
 * FORMAT(value, "format") for the formats that map exactly onto DuckDB: numbers as "0", "0.00", "#,0", "#,0.00",
 * "0%", "0.0%" … (rounded half away from zero, as DAX) and dates with the codes yyyy yy MMMM MMM MM M dddd ddd dd d
 * HH H hh h mm (minutes after an hour) ss AM/PM. Anything else is refused with the list, rather than formatted
 * differently from Power BI. Month and day names are English.
 */
import { bin, cast, fn, lit, type Expr } from '../ast';

const NAMED: Record<string, string> = { fixed: '0.00', standard: '#,0.00', percent: '0.00%' };
const NUMBER = /^(#,##0|#,0|0)(?:\.(0+))?(%)?$/;

export const NUMBER_FORMATS = '"0", "0.00", "#,0", "#,0.00", "0%", "0.0%" (or Fixed, Standard, Percent)';
export const DATE_CODES = 'yyyy, yy, MMMM, MMM, MM, M, dddd, ddd, dd, d, HH, H, hh, h, mm, ss, AM/PM';

/** The number formatted, or undefined when the format is not one of NUMBER_FORMATS. */
export function formatNumber(x: Expr, format: string): Expr | undefined {
  const m = NUMBER.exec(NAMED[format.trim().toLowerCase()] ?? format.trim());
  if (!m) return undefined;
  const decimals = m[2]?.length ?? 0;
  const percent = m[3] !== undefined;
  const value = percent ? bin('*', cast(x, 'DOUBLE'), lit(100)) : cast(x, 'DOUBLE');
  // DuckDB's format() rounds half to even: round first (half away from zero); + 0 turns -0 into 0
  const rounded = bin('+', fn('ROUND', value, lit(decimals)), lit(0));
  return fn('format', lit(`{:${m[1].startsWith('#,') ? ',' : ''}.${decimals}f}${percent ? '%' : ''}`), rounded);
}

const CODES: [RegExp, string | ((afterHour: boolean) => string)][] = [
  [/^yyyy/, '%Y'],
  [/^yy/, '%y'],
  [/^MMMM/, '%B'],
  [/^MMM/, '%b'],
  [/^MM/, '%m'],
  [/^M/, '%-m'],
  [/^dddd/, '%A'],
  [/^ddd/, '%a'],
  [/^dd/, '%d'],
  [/^d/, '%-d'],
  [/^HH/, '%H'],
  [/^H/, '%-H'],
  [/^hh/, '%I'],
  [/^h/, '%-I'],
  [/^mm/, (afterHour) => (afterHour ? '%M' : '%m')],
  [/^m/, (afterHour) => (afterHour ? '%-M' : '%-m')],
  [/^ss/, '%S'],
  [/^s/, '%-S'],
  [/^AM\/PM/i, '%p'],
];

/** The strftime pattern of a date format, or the offending part of it. */
export function dateFormatPattern(format: string): { pattern: string } | { bad: string } {
  let pattern = '';
  let afterHour = false;
  for (let rest = format; rest.length > 0; ) {
    const hit = CODES.find(([re]) => re.test(rest));
    if (hit) {
      const text = (hit[0].exec(rest) as RegExpExecArray)[0];
      pattern += typeof hit[1] === 'string' ? hit[1] : hit[1](afterHour);
      afterHour = /^[hH]/.test(text) || (afterHour && /^m/.test(text));
      rest = rest.slice(text.length);
    } else if (/^[A-Za-z]/.test(rest)) {
      return { bad: rest[0] };
    } else {
      pattern += rest[0] === '%' ? '%%' : rest[0];
      rest = rest.slice(1);
    }
  }
  return { pattern };
}
