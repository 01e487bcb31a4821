/**
 * The functions of the calculated-column language (all but RELATED, which reads another table: compile.ts), each
 * compiled from its already compiled arguments to one SQL expression with its type. DAX semantics kept: BLANK is NULL,
 * DIVIDE by zero or blank gives the alternate (BLANK without one), INT rounds down, WEEKDAY counts from Sunday = 1 by
 * default, DATE carries months and days over (DATE(2024, 14, 1) is 2025-02-01), TRIM also collapses inner spaces.
 */
import { bin, cast, fn, isNull, lit, not, type Expr } from '../ast';
import { isDateType } from '../model';
import { divideExpr } from '../lang/sql';
import { ExpressionError } from '../lang/tokens';
import { DATE_CODES, NUMBER_FORMATS, dateFormatPattern, formatNumber } from './format';
import type { CalcFunction, CalcNode, CompareOp } from './parse';
import { BLANK_TYPE, KIND_NAMES, compatible, kindOfType, subject, unifyTypes, type Typed, type ValueKind } from './types';

type CallNode = Extract<CalcNode, { kind: 'call' }>;

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const ordinal = (i: number): string => ORDINALS[i] ?? `${i + 1}th`;

const fail = (message: string, at: { pos: number; end: number }): never => {
  throw new ExpressionError(message, at.pos, Math.max(1, at.end - at.pos));
};

/** `arg` must be one of `kinds` (BLANK always passes). */
function want(call: CallNode, arg: Typed, index: number, kinds: ValueKind[], what: string): void {
  if (arg.kind === 'blank' || kinds.includes(arg.kind)) return;
  const which = call.args.length > 1 ? ` as its ${ordinal(index)} argument` : '';
  fail(`${call.fn} needs ${what}${which}; ${subject(arg.node)} is ${KIND_NAMES[arg.kind]}.`, arg.node);
}

export const typed = (expr: Expr, type: string, node: CalcNode): Typed => ({ expr, type, kind: kindOfType(type), node });

/** A comparison as DAX makes it: text compares ignoring case ("North" = "north"). */
export function compare(op: CompareOp, a: Typed, b: Typed): Expr {
  const key = (t: Typed): Expr => (t.kind === 'text' ? fn('lower', t.expr) : t.expr);
  return bin(op, key(a), key(b));
}

/** Text functions read any value as its text (as DAX converts numbers and dates). */
const asText = (arg: Typed): Expr => (arg.kind === 'text' ? arg.expr : cast(arg.expr, 'VARCHAR'));

/** The type of a value that is one of `results` (IF / SWITCH); an error naming the two kinds that differ. */
function oneType(call: CallNode, results: Typed[]): Pick<Typed, 'type' | 'kind'> {
  let out: Pick<Typed, 'type' | 'kind'> = { type: BLANK_TYPE, kind: 'blank' };
  for (const r of results) {
    const next = unifyTypes(out, r);
    if (!next) {
      fail(
        `${call.fn} gives ${KIND_NAMES[out.kind]} in one case and ${KIND_NAMES[r.kind]} in another (${subject(r.node)}); a column holds one type. ` +
          `Make every result the same type, e.g. with FORMAT or "" & [column] for text.`,
        r.node,
      );
    }
    out = { type: (next as Typed).type, kind: (next as Typed).kind };
  }
  return out;
}

function literalOf(call: CallNode, index: number, kind: 'number' | 'string', what: string): number | string {
  const node = call.args[index];
  if (node.kind !== kind) fail(`The ${ordinal(index)} argument of ${call.fn} must be written as ${what}.`, node);
  return (node as { value: number | string }).value;
}

type Compile = (call: CallNode, args: Typed[]) => Typed;

/** Days of each month in every year (February: 28). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const dateParts = (part: string): Compile => (call, [d]) => {
  want(call, d, 0, ['date'], 'a date');
  return typed(fn(part, d.expr), 'BIGINT', call);
};

const textOf = (name: string): Compile => (call, [t]) => typed(fn(name, asText(t)), 'VARCHAR', call);

const side = (name: string): Compile => (call, [t, n]) => {
  if (n) want(call, n, 1, ['number'], 'a number of characters');
  return typed(fn(name, asText(t), n ? cast(n.expr, 'BIGINT') : lit(1)), 'VARCHAR', call);
};

const FUNCTIONS: Record<Exclude<CalcFunction, 'RELATED'>, Compile> = {
  IF(call, [cond, then, otherwise]) {
    want(call, cond, 0, ['boolean'], 'a condition (true/false), e.g. [quantity] > 10');
    const t = oneType(call, otherwise ? [then, otherwise] : [then]);
    return { expr: { type: 'case', whens: [{ when: cond.expr, then: then.expr }], else: otherwise ? otherwise.expr : lit(null) }, ...t, node: call };
  },
  SWITCH(call, [value, ...rest]) {
    const pairs: [Typed, Typed][] = [];
    for (let i = 0; i + 1 < rest.length; i += 2) pairs.push([rest[i], rest[i + 1]]);
    const otherwise = rest.length % 2 === 1 ? rest[rest.length - 1] : undefined;
    // SWITCH(TRUE(), condition, result, …): the first true condition wins
    const byCondition = value.node.kind === 'boolean' && value.node.value;
    for (const [match] of pairs) {
      if (byCondition) want(call, match, rest.indexOf(match) + 1, ['boolean'], 'a condition after SWITCH(TRUE(), …');
      else if (!compatible(value.kind, match.kind)) {
        fail(`SWITCH compares ${KIND_NAMES[value.kind]} with ${KIND_NAMES[match.kind]} (${subject(match.node)}): they never match.`, match.node);
      }
    }
    const t = oneType(call, [...pairs.map(([, r]) => r), ...(otherwise ? [otherwise] : [])]);
    const whens = pairs.map(([m, r]) => ({ when: byCondition ? m.expr : compare('=', value, m), then: r.expr }));
    return { expr: { type: 'case', whens, else: otherwise ? otherwise.expr : lit(null) }, ...t, node: call };
  },
  AND: (call, [a, b]) => logic(call, 'AND', a, b),
  OR: (call, [a, b]) => logic(call, 'OR', a, b),
  NOT(call, [a]) {
    want(call, a, 0, ['boolean'], 'a condition (true/false)');
    return typed(not(a.expr), 'BOOLEAN', call);
  },
  BLANK: (call) => typed(lit(null), BLANK_TYPE, call),
  ISBLANK: (call, [a]) => typed(isNull(a.expr), 'BOOLEAN', call),
  DIVIDE(call, args) {
    args.forEach((a, i) => want(call, a, i, ['number'], 'numbers'));
    const [num, den, alt] = args;
    return typed(divideExpr(num.expr, den.expr, alt?.expr), 'DOUBLE', call);
  },
  ROUND(call, [x, digits]) {
    want(call, x, 0, ['number'], 'a number');
    want(call, digits, 1, ['number'], 'a number of digits');
    return typed(fn('ROUND', x.expr, cast(digits.expr, 'INTEGER')), x.kind === 'blank' ? 'DOUBLE' : x.type, call);
  },
  ABS(call, [x]) {
    want(call, x, 0, ['number'], 'a number');
    return typed(fn('ABS', x.expr), x.kind === 'blank' ? 'DOUBLE' : x.type, call);
  },
  INT(call, [x]) {
    want(call, x, 0, ['number'], 'a number');
    return typed(cast(fn('FLOOR', cast(x.expr, 'DOUBLE')), 'BIGINT'), 'BIGINT', call);
  },
  YEAR: dateParts('year'),
  QUARTER: dateParts('quarter'),
  MONTH: dateParts('month'),
  DAY: dateParts('day'),
  WEEKDAY(call, [d]) {
    want(call, d, 0, ['date'], 'a date');
    const mode = call.args.length > 1 ? literalOf(call, 1, 'number', 'the number 1, 2 or 3') : 1;
    if (mode !== 1 && mode !== 2 && mode !== 3) fail(`WEEKDAY's return type is 1 (Sunday = 1), 2 (Monday = 1) or 3 (Monday = 0), not ${mode}.`, call.args[1]);
    const expr = mode === 1 ? bin('+', fn('dayofweek', d.expr), lit(1)) : mode === 2 ? fn('isodow', d.expr) : bin('-', fn('isodow', d.expr), lit(1));
    return typed(expr, 'BIGINT', call);
  },
  DATE(call, [y, m, d]) {
    [y, m, d].forEach((a, i) => want(call, a, i, ['number'], 'a whole number'));
    const [mn, dn] = [call.args[1], call.args[2]];
    // a month and day written that exist in every year: DuckDB's make_date as it is
    if (mn.kind === 'number' && dn.kind === 'number' && Number.isInteger(dn.value) && dn.value >= 1 && dn.value <= (MONTH_DAYS[mn.value - 1] ?? 0)) {
      return typed(fn('make_date', cast(y.expr, 'BIGINT'), lit(mn.value), lit(dn.value)), 'DATE', call);
    }
    // months past 12 (or below 1) move the year; days past the month's end move the month, as in DAX
    const m0 = bin('-', cast(m.expr, 'BIGINT'), lit(1));
    const years = cast(fn('FLOOR', bin('/', cast(m0, 'DOUBLE'), lit(12))), 'BIGINT');
    const first = fn('make_date', bin('+', cast(y.expr, 'BIGINT'), years), bin('+', bin('-', m0, bin('*', lit(12), years)), lit(1)), lit(1));
    return typed(bin('+', first, cast(bin('-', cast(d.expr, 'BIGINT'), lit(1)), 'INTEGER')), 'DATE', call);
  },
  FORMAT(call, [x]) {
    const format = String(literalOf(call, 1, 'string', 'text in quotes, e.g. "0.00" or "yyyy-MM"'));
    if (x.kind === 'blank') return typed(lit(null), 'VARCHAR', call);
    if (x.kind === 'number') {
      const expr = formatNumber(x.expr, format);
      if (!expr) fail(`FORMAT cannot write a number as "${format}". Number formats: ${NUMBER_FORMATS}.`, call.args[1]);
      return typed(expr as Expr, 'VARCHAR', call);
    }
    if (x.kind === 'date') {
      const p = dateFormatPattern(format);
      if ('bad' in p) fail(`FORMAT does not know the date code "${p.bad}" in "${format}". Date codes: ${DATE_CODES}.`, call.args[1]);
      return typed(fn('strftime', x.expr, lit((p as { pattern: string }).pattern)), 'VARCHAR', call);
    }
    return fail(`FORMAT writes a number or a date as text; ${subject(x.node)} is ${KIND_NAMES[x.kind]}.`, x.node);
  },
  UPPER: textOf('upper'),
  LOWER: textOf('lower'),
  LEFT: side('left'),
  RIGHT: side('right'),
  LEN: (call, [t]) => typed(fn('length', asText(t)), 'BIGINT', call),
  TRIM: (call, [t]) => typed(fn('regexp_replace', fn('trim', asText(t)), lit('  +'), lit(' '), lit('g')), 'VARCHAR', call),
  CONCATENATE: (call, [a, b]) => typed(fn('concat', a.expr, b.expr), 'VARCHAR', call),
};

function logic(call: CallNode, op: 'AND' | 'OR', a: Typed, b: Typed): Typed {
  want(call, a, 0, ['boolean'], 'conditions (true/false)');
  want(call, b, 1, ['boolean'], 'conditions (true/false)');
  return typed(bin(op, a.expr, b.expr), 'BOOLEAN', call);
}

/** A function call of the language (not RELATED) over its compiled arguments. */
export function compileCall(call: CallNode, args: Typed[]): Typed {
  return FUNCTIONS[call.fn as Exclude<CalcFunction, 'RELATED'>](call, args);
}

/** Whether a DATE can take days added to it (a TIMESTAMP cannot, in DuckDB, without an interval). */
export const addsDays = (t: Typed): boolean => t.kind === 'date' && isDateType(t.type);
