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
 * DIVIDE(a, b [, alternate]). Every error carries the 0-based position and a human message. The tokens, the error
 * type and the arithmetic levels are shared with the calculated-column language (../lang).
 */
import { ExpressionParser, type ArithmeticOp } from '../lang/parser';
import { ExpressionError, describeToken, tokenize, type Token } from '../lang/tokens';

/** Errors of the measure language (the same type as every expression error: position + message). */
export { ExpressionError as MeasureError, tokenize };

export const COLUMN_AGGREGATES = ['SUM', 'AVERAGE', 'MIN', 'MAX', 'MEDIAN', 'COUNT', 'DISTINCTCOUNT'] as const;
export type ColumnAggregateName = (typeof COLUMN_AGGREGATES)[number];
const FUNCTIONS = [...COLUMN_AGGREGATES, 'COUNTROWS', 'DIVIDE'];

export type MeasureNode =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'aggregate'; fn: ColumnAggregateName; table?: string; column: string; pos: number; argPos: number }
  | { kind: 'countRows'; table: string; pos: number; argPos: number }
  | { kind: 'divide'; numerator: MeasureNode; denominator: MeasureNode; alternate?: MeasureNode; pos: number }
  | { kind: 'binary'; op: ArithmeticOp; left: MeasureNode; right: MeasureNode; pos: number }
  | { kind: 'negate'; operand: MeasureNode; pos: number }
  | { kind: 'measureRef'; name: string; pos: number };

class MeasureParser extends ExpressionParser<MeasureNode> {
  parseAll(): MeasureNode {
    return this.all(() => this.additive(), 'The measure is empty. Write an expression such as SUM(Sales[Amount]).');
  }

  protected arithmetic(op: ArithmeticOp, left: MeasureNode, right: MeasureNode, pos: number): MeasureNode {
    return { kind: 'binary', op, left, right, pos };
  }

  protected negate(operand: MeasureNode, pos: number): MeasureNode {
    return { kind: 'negate', operand, pos };
  }

  protected primary(): MeasureNode {
    const tok = this.next();
    if (tok.t === 'num') return { kind: 'number', value: tok.value, pos: tok.pos };
    if (tok.t === 'op' && tok.value === '(') {
      const inner = this.additive();
      this.expectOp(')', `to close the "(" at position ${tok.pos}`);
      return inner;
    }
    if (tok.t === 'bracket') return { kind: 'measureRef', name: tok.value, pos: tok.pos };
    if (tok.t === 'ident') {
      if (!this.isOp('(')) {
        throw new ExpressionError(
          `"${tok.value}" at position ${tok.pos} is not a function call: a column must be inside an aggregate, e.g. SUM(${tok.value}[column]).`,
          tok.pos,
          tok.len,
        );
      }
      return this.call(tok);
    }
    if (tok.t === 'table') {
      throw new ExpressionError(`The table '${tok.value}' at position ${tok.pos} must be inside a function, e.g. SUM('${tok.value}'[column]).`, tok.pos, tok.len);
    }
    throw new ExpressionError(`Expected a number, a function or a [measure] at position ${tok.pos}, found ${describeToken(tok)}.`, tok.pos, tok.len);
  }

  private call(name: Token & { t: 'ident' }): MeasureNode {
    const fn = name.value.toUpperCase();
    if (!FUNCTIONS.includes(fn)) {
      throw new ExpressionError(`Unknown function "${name.value}" at position ${name.pos}. Known functions: ${FUNCTIONS.join(', ')}.`, name.pos, name.len);
    }
    this.expectOp('(', `after ${fn}`);
    let node: MeasureNode;
    if (fn === 'DIVIDE') {
      const numerator = this.additive();
      this.expectOp(',', 'between the arguments of DIVIDE');
      const denominator = this.additive();
      let alternate: MeasureNode | undefined;
      if (this.isOp(',')) {
        this.next();
        alternate = this.additive();
      }
      node = { kind: 'divide', numerator, denominator, pos: name.pos, ...(alternate ? { alternate } : {}) };
    } else if (fn === 'COUNTROWS') {
      const tok = this.next();
      if (tok.t !== 'ident' && tok.t !== 'table') {
        throw new ExpressionError(`COUNTROWS needs a table name at position ${tok.pos}, found ${describeToken(tok)}.`, tok.pos, tok.len);
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
        throw new ExpressionError(`Expected a column in brackets after the table "${tok.value}" at position ${colTok.pos}, e.g. ${tok.value}[Amount].`, colTok.pos, colTok.len);
      }
      return { kind: 'aggregate', fn, table: tok.value, column: colTok.value, pos, argPos: tok.pos };
    }
    throw new ExpressionError(`${fn} needs a column such as Sales[Amount] at position ${tok.pos}, found ${describeToken(tok)}.`, tok.pos, tok.len);
  }
}

/** Parses a measure expression into its AST; throws MeasureError with the position of the problem. */
export function parseMeasure(text: string): MeasureNode {
  return new MeasureParser(tokenize(text)).parseAll();
}
