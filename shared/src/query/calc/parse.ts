/**
 * The calculated-column language: a row-level DAX-like expression, evaluated once per row of its table.
 *
 *   or         := and ('||' and)*
 *   and        := comparison ('&&' comparison)*
 *   comparison := concat (('=' | '==' | '<>' | '<' | '<=' | '>' | '>=') concat)*
 *   concat     := additive ('&' additive)*
 *   additive   := … the arithmetic levels shared with measures (../lang/parser.ts) … primary
 *   primary    := NUMBER | "text" | TRUE | FALSE | '(' or ')' | column | FUNC '(' (or (',' or)*)? ')'
 *   column     := (TABLE | 'quoted table')? '[' name ']'
 *
 * Tokens and errors (ExpressionError: position + message) are the measure language's.
 */
import { ExpressionParser, type ArithmeticOp } from '../lang/parser';
import { ExpressionError, describeToken, tokenize, type Operator, type Token } from '../lang/tokens';

export const CALC_FUNCTIONS = {
  IF: [2, 3],
  SWITCH: [3, Infinity],
  AND: [2, 2],
  OR: [2, 2],
  NOT: [1, 1],
  BLANK: [0, 0],
  ISBLANK: [1, 1],
  DIVIDE: [2, 3],
  ROUND: [2, 2],
  ABS: [1, 1],
  INT: [1, 1],
  YEAR: [1, 1],
  QUARTER: [1, 1],
  MONTH: [1, 1],
  DAY: [1, 1],
  WEEKDAY: [1, 2],
  DATE: [3, 3],
  FORMAT: [2, 2],
  UPPER: [1, 1],
  LOWER: [1, 1],
  LEFT: [1, 2],
  RIGHT: [1, 2],
  LEN: [1, 1],
  TRIM: [1, 1],
  CONCATENATE: [2, 2],
  RELATED: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type CalcFunction = keyof typeof CALC_FUNCTIONS;
const FUNCTION_NAMES = Object.keys(CALC_FUNCTIONS) as CalcFunction[];

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type CalcOp = ArithmeticOp | CompareOp | '&' | '&&' | '||';

/** Every node spans `pos` (start) to `end` (exclusive) in the expression. */
export type CalcNode = { pos: number; end: number } & (
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** `[column]` (this table) or `table[column]`; `columnPos` is where the brackets start. */
  | { kind: 'column'; table?: string; column: string; columnPos: number }
  | { kind: 'binary'; op: CalcOp; left: CalcNode; right: CalcNode; opPos: number }
  | { kind: 'negate'; operand: CalcNode }
  /** `nameLen`: the length of the function's name as written. */
  | { kind: 'call'; fn: CalcFunction; args: CalcNode[]; nameLen: number }
);

const span = (a: { pos: number }, b: { end: number }): { pos: number; end: number } => ({ pos: a.pos, end: b.end });

class CalcParser extends ExpressionParser<CalcNode> {
  parseAll(): CalcNode {
    return this.all(() => this.or(), 'The column expression is empty. Write an expression such as [quantity] * [price].');
  }

  protected arithmetic(op: ArithmeticOp, left: CalcNode, right: CalcNode, opPos: number): CalcNode {
    return { kind: 'binary', op, left, right, opPos, ...span(left, right) };
  }

  protected negate(operand: CalcNode, pos: number): CalcNode {
    return { kind: 'negate', operand, pos, end: operand.end };
  }

  /** One left-associative level of operators (`==` is `=`). */
  private level(ops: Operator[], operand: () => CalcNode): CalcNode {
    return this.leftAssoc(ops, operand, (op, left, right, opPos) => ({ kind: 'binary', op: (op === '==' ? '=' : op) as CalcOp, left, right, opPos, ...span(left, right) }));
  }

  private or(): CalcNode {
    return this.level(['||'], () => this.and());
  }

  private and(): CalcNode {
    return this.level(['&&'], () => this.comparison());
  }

  private comparison(): CalcNode {
    return this.level(['=', '==', '<>', '<', '<=', '>', '>='], () => this.concat());
  }

  private concat(): CalcNode {
    return this.level(['&'], () => this.additive());
  }

  protected primary(): CalcNode {
    const tok = this.next();
    const at = { pos: tok.pos, end: tok.pos + tok.len };
    switch (tok.t) {
      case 'num':
        return { kind: 'number', value: tok.value, ...at };
      case 'str':
        return { kind: 'string', value: tok.value, ...at };
      case 'bracket':
        return { kind: 'column', column: tok.value, columnPos: tok.pos, ...at };
      case 'table':
        return this.tableColumn(tok);
      case 'ident':
        if (this.isOp('(')) return this.call(tok);
        if (this.peek().t === 'bracket') return this.tableColumn(tok);
        if (/^(TRUE|FALSE)$/i.test(tok.value)) return { kind: 'boolean', value: tok.value.toUpperCase() === 'TRUE', ...at };
        throw new ExpressionError(
          `"${tok.value}" at position ${tok.pos} is neither a column nor a function: write [${tok.value}] for a column of this table, or Table[${tok.value}].`,
          tok.pos,
          tok.len,
        );
      case 'op':
        if (tok.value === '(') {
          const inner = this.or();
          this.expectOp(')', `to close the "(" at position ${tok.pos}`);
          return { ...inner, pos: tok.pos, end: this.end() };
        }
    }
    throw new ExpressionError(`Expected a value, a [column] or a function at position ${tok.pos}, found ${describeToken(tok)}.`, tok.pos, tok.len);
  }

  private tableColumn(table: Token & { t: 'ident' | 'table' }): CalcNode {
    const col = this.next();
    if (col.t !== 'bracket') {
      throw new ExpressionError(`Expected a column in brackets after the table "${table.value}" at position ${col.pos}, e.g. ${table.value}[Amount].`, col.pos, col.len);
    }
    return { kind: 'column', table: table.value, column: col.value, columnPos: col.pos, pos: table.pos, end: col.pos + col.len };
  }

  private call(name: Token & { t: 'ident' }): CalcNode {
    const upper = name.value.toUpperCase();
    this.expectOp('(', `after ${upper}`);
    if (upper === 'TRUE' || upper === 'FALSE') {
      this.expectOp(')', `to close ${upper}(`);
      return { kind: 'boolean', value: upper === 'TRUE', pos: name.pos, end: this.end() };
    }
    if (!(upper in CALC_FUNCTIONS)) {
      throw new ExpressionError(`Unknown function "${name.value}" at position ${name.pos}. Known functions: ${FUNCTION_NAMES.join(', ')}, TRUE, FALSE.`, name.pos, name.len);
    }
    const fn = upper as CalcFunction;
    const args: CalcNode[] = [];
    if (!this.isOp(')')) {
      do {
        if (args.length > 0) this.next(); // the ','
        args.push(this.or());
      } while (this.isOp(','));
    }
    const close = this.peek();
    if (close.t !== 'op' || close.value !== ')') {
      throw new ExpressionError(`Expected "," or ")" after argument ${args.length} of ${fn} at position ${close.pos}, found ${describeToken(close)}.`, close.pos, close.len);
    }
    this.next();
    const node: CalcNode = { kind: 'call', fn, args, nameLen: name.len, pos: name.pos, end: this.end() };
    const [min, max] = CALC_FUNCTIONS[fn];
    if (args.length < min || args.length > max) {
      const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
      throw new ExpressionError(`${fn} at position ${name.pos} takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${args.length}.`, name.pos, node.end - name.pos);
    }
    if (fn === 'SWITCH' && args.length < 3) throw new ExpressionError(`SWITCH at position ${name.pos} needs a value, then pairs of a match and a result.`, name.pos, name.len);
    if (fn === 'RELATED') {
      const arg = args[0];
      if (arg.kind !== 'column' || arg.table === undefined) {
        throw new ExpressionError(`RELATED needs a column of a related table such as Products[category] at position ${arg.pos}.`, arg.pos, arg.end - arg.pos);
      }
    }
    return node;
  }
}

/** Parses a calculated column's expression; throws ExpressionError with the position of the problem. */
export function parseCalculatedColumn(text: string): CalcNode {
  return new CalcParser(tokenize(text)).parseAll();
}

/** The nodes of an expression, depth first (the node itself first). */
export function calcNodes(node: CalcNode): CalcNode[] {
  switch (node.kind) {
    case 'binary':
      return [node, ...calcNodes(node.left), ...calcNodes(node.right)];
    case 'negate':
      return [node, ...calcNodes(node.operand)];
    case 'call':
      return [node, ...node.args.flatMap(calcNodes)];
    default:
      return [node];
  }
}
