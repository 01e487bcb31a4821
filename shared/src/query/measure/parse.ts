/**
 * The measure language, first slice: a tiny DAX-like expression parsed by recursive descent.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := NUMBER | '(' expr ')' | '[' measure name ']' | FUNC '(' args ')'
 *   column  := (TABLE | 'quoted table')? '[' column ']'
 *
 * Functions: SUM, AVERAGE, MIN, MAX, MEDIAN, COUNT, DISTINCTCOUNT (of a column), COUNTROWS(table),
 * DIVIDE(a, b [, alternate]). Every error carries the 0-based position and a human message.
 */

export class MeasureError extends Error {
  constructor(
    message: string,
    /** 0-based character offset into the expression. */
    public readonly position: number,
    /** Length of the offending text (at least 1). */
    public readonly length = 1,
  ) {
    super(message);
    this.name = 'MeasureError';
  }
}

export const COLUMN_AGGREGATES = ['SUM', 'AVERAGE', 'MIN', 'MAX', 'MEDIAN', 'COUNT', 'DISTINCTCOUNT'] as const;
export type ColumnAggregateName = (typeof COLUMN_AGGREGATES)[number];
const FUNCTIONS = [...COLUMN_AGGREGATES, 'COUNTROWS', 'DIVIDE'];

export type MeasureNode =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'aggregate'; fn: ColumnAggregateName; table?: string; column: string; pos: number; argPos: number }
  | { kind: 'countRows'; table: string; pos: number; argPos: number }
  | { kind: 'divide'; numerator: MeasureNode; denominator: MeasureNode; alternate?: MeasureNode; pos: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: MeasureNode; right: MeasureNode; pos: number }
  | { kind: 'negate'; operand: MeasureNode; pos: number }
  | { kind: 'measureRef'; name: string; pos: number };

type Token =
  | { t: 'num'; value: number; pos: number; len: number }
  | { t: 'ident'; value: string; pos: number; len: number }
  | { t: 'table'; value: string; pos: number; len: number } // 'quoted name'
  | { t: 'bracket'; value: string; pos: number; len: number } // [name]
  | { t: 'op'; value: '+' | '-' | '*' | '/' | '(' | ')' | ','; pos: number; len: number }
  | { t: 'end'; pos: number; len: number };

function describe(tok: Token): string {
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
    case 'op':
      return `"${tok.value}"`;
  }
}

/** Reads a delimited name (`'…'` or `[…]`) where the closing delimiter is escaped by doubling it. */
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
  throw new MeasureError(`The ${what} starting at position ${start} is not closed: add "${close}".`, start, text.length - start);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) throw new MeasureError(`"${c}" at position ${i} is not a number.`, i);
      tokens.push({ t: 'num', value: Number(m[0]), pos: i, len: m[0].length });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      const word = m ? m[0] : c;
      tokens.push({ t: 'ident', value: word, pos: i, len: word.length });
      i += word.length;
    } else if (c === "'") {
      const { value, end } = readDelimited(text, i, "'", 'quoted table name');
      tokens.push({ t: 'table', value, pos: i, len: end - i });
      i = end;
    } else if (c === '[') {
      const { value, end } = readDelimited(text, i, ']', 'name in brackets');
      tokens.push({ t: 'bracket', value, pos: i, len: end - i });
      i = end;
    } else if ('+-*/(),'.includes(c)) {
      tokens.push({ t: 'op', value: c as '+', pos: i, len: 1 });
      i++;
    } else {
      throw new MeasureError(`Unexpected character "${c}" at position ${i}.`, i);
    }
  }
  tokens.push({ t: 'end', pos: text.length, len: 1 });
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private isOp(value: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.value === value;
  }

  private expectOp(value: string, context: string): Token {
    const tok = this.next();
    if (tok.t !== 'op' || tok.value !== value) {
      throw new MeasureError(`Expected "${value}" ${context} at position ${tok.pos}, found ${describe(tok)}.`, tok.pos, tok.len);
    }
    return tok;
  }

  parseAll(): MeasureNode {
    if (this.peek().t === 'end') throw new MeasureError('The measure is empty. Write an expression such as SUM(Sales[Amount]).', 0);
    const node = this.expr();
    const tok = this.peek();
    if (tok.t !== 'end') throw new MeasureError(`Unexpected ${describe(tok)} at position ${tok.pos}: expected an operator or the end.`, tok.pos, tok.len);
    return node;
  }

  private expr(): MeasureNode {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next() as Token & { t: 'op' };
      left = { kind: 'binary', op: op.value as '+' | '-', left, right: this.term(), pos: op.pos };
    }
    return left;
  }

  private term(): MeasureNode {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next() as Token & { t: 'op' };
      left = { kind: 'binary', op: op.value as '*' | '/', left, right: this.unary(), pos: op.pos };
    }
    return left;
  }

  private unary(): MeasureNode {
    if (this.isOp('-')) {
      const op = this.next();
      return { kind: 'negate', operand: this.unary(), pos: op.pos };
    }
    if (this.isOp('+')) this.next();
    return this.primary();
  }

  private primary(): MeasureNode {
    const tok = this.next();
    if (tok.t === 'num') return { kind: 'number', value: tok.value, pos: tok.pos };
    if (tok.t === 'op' && tok.value === '(') {
      const inner = this.expr();
      this.expectOp(')', `to close the "(" at position ${tok.pos}`);
      return inner;
    }
    if (tok.t === 'bracket') return { kind: 'measureRef', name: tok.value, pos: tok.pos };
    if (tok.t === 'ident') {
      if (!this.isOp('(')) {
        throw new MeasureError(
          `"${tok.value}" at position ${tok.pos} is not a function call: a column must be inside an aggregate, e.g. SUM(${tok.value}[column]).`,
          tok.pos,
          tok.len,
        );
      }
      return this.call(tok);
    }
    if (tok.t === 'table') {
      throw new MeasureError(`The table '${tok.value}' at position ${tok.pos} must be inside a function, e.g. SUM('${tok.value}'[column]).`, tok.pos, tok.len);
    }
    throw new MeasureError(`Expected a number, a function or a [measure] at position ${tok.pos}, found ${describe(tok)}.`, tok.pos, tok.len);
  }

  private call(name: Token & { t: 'ident' }): MeasureNode {
    const fn = name.value.toUpperCase();
    if (!FUNCTIONS.includes(fn)) {
      throw new MeasureError(`Unknown function "${name.value}" at position ${name.pos}. Known functions: ${FUNCTIONS.join(', ')}.`, name.pos, name.len);
    }
    this.expectOp('(', `after ${fn}`);
    let node: MeasureNode;
    if (fn === 'DIVIDE') {
      const numerator = this.expr();
      this.expectOp(',', 'between the arguments of DIVIDE');
      const denominator = this.expr();
      let alternate: MeasureNode | undefined;
      if (this.isOp(',')) {
        this.next();
        alternate = this.expr();
      }
      node = { kind: 'divide', numerator, denominator, pos: name.pos, ...(alternate ? { alternate } : {}) };
    } else if (fn === 'COUNTROWS') {
      const tok = this.next();
      if (tok.t !== 'ident' && tok.t !== 'table') {
        throw new MeasureError(`COUNTROWS needs a table name at position ${tok.pos}, found ${describe(tok)}.`, tok.pos, tok.len);
      }
      node = { kind: 'countRows', table: tok.value, pos: name.pos, argPos: tok.pos };
    } else {
      node = this.columnArg(fn as ColumnAggregateName, name.pos);
    }
    this.expectOp(')', `to close ${fn}(`);
    return node;
  }

  private columnArg(fn: ColumnAggregateName, pos: number): MeasureNode {
    const tok = this.next();
    if (tok.t === 'bracket') return { kind: 'aggregate', fn, column: tok.value, pos, argPos: tok.pos };
    if (tok.t === 'ident' || tok.t === 'table') {
      const colTok = this.next();
      if (colTok.t !== 'bracket') {
        throw new MeasureError(`Expected a column in brackets after the table "${tok.value}" at position ${colTok.pos}, e.g. ${tok.value}[Amount].`, colTok.pos, colTok.len);
      }
      return { kind: 'aggregate', fn, table: tok.value, column: colTok.value, pos, argPos: tok.pos };
    }
    throw new MeasureError(`${fn} needs a column such as Sales[Amount] at position ${tok.pos}, found ${describe(tok)}.`, tok.pos, tok.len);
  }
}

/** Parses a measure expression into its AST; throws MeasureError with the position of the problem. */
export function parseMeasure(text: string): MeasureNode {
  return new Parser(tokenize(text)).parseAll();
}
