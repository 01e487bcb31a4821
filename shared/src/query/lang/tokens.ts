/**
 * The tokens of the DAX-like languages (measures, calculated columns): numbers, words, 'quoted table' names,
 * [bracketed] names, "strings" and operators. One tokenizer serves both languages; each parser refuses the tokens
 * it has no use for. Every error carries the 0-based position and a human message.
 */

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** 0-based character offset into the expression. */
    public readonly position: number,
    /** Length of the offending text (at least 1). */
    public readonly length = 1,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

export const OPERATORS = ['&&', '||', '<=', '>=', '<>', '==', '+', '-', '*', '/', '(', ')', ',', '&', '=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Token =
  | { t: 'num'; value: number; pos: number; len: number }
  | { t: 'ident'; value: string; pos: number; len: number }
  | { t: 'table'; value: string; pos: number; len: number } // 'quoted name'
  | { t: 'bracket'; value: string; pos: number; len: number } // [name]
  | { t: 'str'; value: string; pos: number; len: number } // "text"
  | { t: 'op'; value: Operator; pos: number; len: number }
  | { t: 'end'; pos: number; len: number };

export function describeToken(tok: Token): string {
  switch (tok.t) {
    case 'end':
      return 'the end of the expression';
    case 'num':
      return `the number ${tok.value}`;
    case 'ident':
      return `"${tok.value}"`;
    case 'table':
      return `'${tok.value}'`;
    case 'bracket':
      return `[${tok.value}]`;
    case 'str':
      return `the text "${tok.value}"`;
    case 'op':
      return `"${tok.value}"`;
  }
}

/** Reads a delimited name or text (`'…'`, `[…]`, `"…"`) where the closing delimiter is escaped by doubling it. */
function readDelimited(text: string, start: number, close: string, what: string): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === close) {
      if (text[i + 1] === close) {
        value += close;
        i++;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += text[i];
  }
  throw new ExpressionError(`The ${what} starting at position ${start} is not closed: add "${close}".`, start, text.length - start);
}

const DELIMITED: Record<string, { t: 'table' | 'bracket' | 'str'; close: string; what: string }> = {
  "'": { t: 'table', close: "'", what: 'quoted table name' },
  '[': { t: 'bracket', close: ']', what: 'name in brackets' },
  '"': { t: 'str', close: '"', what: 'text' },
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const delimited = DELIMITED[c];
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) throw new ExpressionError(`"${c}" at position ${i} is not a number.`, i);
      tokens.push({ t: 'num', value: Number(m[0]), pos: i, len: m[0].length });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      const word = m ? m[0] : c;
      tokens.push({ t: 'ident', value: word, pos: i, len: word.length });
      i += word.length;
    } else if (delimited) {
      const { value, end } = readDelimited(text, i, delimited.close, delimited.what);
      tokens.push({ t: delimited.t, value, pos: i, len: end - i });
      i = end;
    } else if (op) {
      tokens.push({ t: 'op', value: op, pos: i, len: op.length });
      i += op.length;
    } else {
      throw new ExpressionError(`Unexpected character "${c}" at position ${i}.`, i);
    }
  }
  tokens.push({ t: 'end', pos: text.length, len: 1 });
  return tokens;
}

/** Line and column (1-based) of a position in a text, as an editor shows them. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
