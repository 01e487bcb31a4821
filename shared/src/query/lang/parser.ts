/**
 * Recursive descent shared by the measure and calculated-column parsers: the token cursor and the arithmetic levels
 * (same precedence in both languages). Each language gives its own primary expressions and node shapes.
 *
 *   additive       := multiplicative (('+' | '-') multiplicative)*
 *   multiplicative := unary (('*' | '/') unary)*
 *   unary          := '-' unary | '+' unary | primary
 */
import { ExpressionError, describeToken, type Operator, type Token } from './tokens';

export type ArithmeticOp = '+' | '-' | '*' | '/';

export abstract class ExpressionParser<N> {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  protected peek(): Token {
    return this.tokens[this.i];
  }

  protected next(): Token {
    return this.tokens[this.i++];
  }

  /** Where the last token read ends (exclusive): the end of the node just parsed. */
  protected end(): number {
    const tok = this.tokens[this.i - 1];
    return tok ? tok.pos + tok.len : 0;
  }

  protected isOp(...values: Operator[]): boolean {
    const tok = this.peek();
    return tok.t === 'op' && values.includes(tok.value);
  }

  protected expectOp(value: Operator, context: string): Token {
    const tok = this.next();
    if (tok.t !== 'op' || tok.value !== value) {
      throw new ExpressionError(`Expected "${value}" ${context} at position ${tok.pos}, found ${describeToken(tok)}.`, tok.pos, tok.len);
    }
    return tok;
  }

  /** Parses the whole expression with `root`: an empty text says `empty`, text left over is an error. */
  protected all(root: () => N, empty: string): N {
    if (this.peek().t === 'end') throw new ExpressionError(empty, 0);
    const node = root();
    const tok = this.peek();
    if (tok.t !== 'end') throw new ExpressionError(`Unexpected ${describeToken(tok)} at position ${tok.pos}: expected an operator or the end.`, tok.pos, tok.len);
    return node;
  }

  protected abstract primary(): N;
  protected abstract arithmetic(op: ArithmeticOp, left: N, right: N, pos: number): N;
  protected abstract negate(operand: N, pos: number): N;

  /** `operand (op operand)*`, left-associative: `combine` makes the node of each operator. */
  protected leftAssoc<O extends Operator>(ops: O[], operand: () => N, combine: (op: O, left: N, right: N, opPos: number) => N): N {
    let left = operand();
    while (this.isOp(...ops)) {
      const op = this.next() as Token & { t: 'op'; value: O };
      left = combine(op.value, left, operand(), op.pos);
    }
    return left;
  }

  protected additive(): N {
    return this.leftAssoc<ArithmeticOp>(['+', '-'], () => this.multiplicative(), (op, l, r, pos) => this.arithmetic(op, l, r, pos));
  }

  private multiplicative(): N {
    return this.leftAssoc<ArithmeticOp>(['*', '/'], () => this.unary(), (op, l, r, pos) => this.arithmetic(op, l, r, pos));
  }

  private unary(): N {
    if (this.isOp('-')) {
      const op = this.next();
      return this.negate(this.unary(), op.pos);
    }
    if (this.isOp('+')) this.next();
    return this.primary();
  }
}
