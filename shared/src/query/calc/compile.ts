/**
 * Compiles a calculated column's expression to one row-level SQL expression over its table (`ds_<id>`), and over
 * the tables it reads through RELATED, which the visual's join planner then joins like any field's dataset.
 * A column may use other calculated columns (compiled in place); a loop is an error naming the columns. Errors are
 * ExpressionError with the position in this column's own expression.
 */
import type { CalculatedColumn, DatasetEntry } from '../../workbook/schema';
import { bin, cast, col, fn, lit, type Expr } from '../ast';
import { didYouMean, findByName, findDataset } from '../lang/lookup';
import { nullSafeDivide } from '../lang/sql';
import { ExpressionError } from '../lang/tokens';
import { reachableFrom, tableOf, type ModelContext } from '../model';
import { addsDays, compare, compileCall, typed } from './functions';
import { parseCalculatedColumn, type CalcNode } from './parse';
import { BLANK_TYPE, KIND_NAMES, compatible, kindOfType, numericType, subject, type Typed, type ValueKind } from './types';

export interface CompiledColumn {
  expr: Expr;
  /** The DuckDB type inferred from the expression (a record's stored `type` wins where there is one: `calcType`). */
  type: string;
  kind: ValueKind;
  /** The other datasets it reads through RELATED (reachable from its own along many-to-one relationships). */
  related: Set<string>;
}

type ColumnNode = Extract<CalcNode, { kind: 'column' }>;
type BinaryNode = Extract<CalcNode, { kind: 'binary' }>;

/** A circular reference: reported at the reference in each column of the loop, not wrapped. */
class CycleError extends ExpressionError {}

const fail = (message: string, at: { pos: number; end: number }): never => {
  throw new ExpressionError(message, at.pos, Math.max(1, at.end - at.pos));
};

/** The type of a calculated column's values: as the engine described it when saved, else as inferred. */
export const calcType = (calc: CalculatedColumn, compiled: CompiledColumn): string => calc.type ?? compiled.type;

const isNum = (t: Typed): boolean => t.kind === 'number' || t.kind === 'blank';

function literalType(value: number): string {
  if (!Number.isInteger(value)) return 'DOUBLE';
  return Math.abs(value) < 2 ** 31 ? 'INTEGER' : 'BIGINT';
}

/** + - * / on numbers; a date plus or minus days; the days between two dates. */
function arithmetic(n: BinaryNode, l: Typed, r: Typed): Typed {
  if (isNum(l) && isNum(r)) {
    if (n.op === '/') return typed(nullSafeDivide(l.expr, r.expr), 'DOUBLE', n);
    return typed(bin(n.op as '+', l.expr, r.expr), numericType(l.type, r.type), n);
  }
  if (n.op === '+' || n.op === '-') {
    if (addsDays(l) && isNum(r)) return typed(bin(n.op, l.expr, cast(r.expr, 'INTEGER')), 'DATE', n);
    if (n.op === '+' && isNum(l) && addsDays(r)) return typed(bin('+', cast(l.expr, 'INTEGER'), r.expr), 'DATE', n);
    if (n.op === '-' && l.kind === 'date' && r.kind === 'date') {
      if (addsDays(l) && addsDays(r)) return typed(bin('-', l.expr, r.expr), 'BIGINT', n);
      return typed(bin('/', bin('-', { type: 'epoch', expr: l.expr }, { type: 'epoch', expr: r.expr }), lit(86400)), 'DOUBLE', n);
    }
    if ((l.kind === 'date' && isNum(r)) || (isNum(l) && r.kind === 'date')) {
      fail(`"${n.op}" at position ${n.opPos} adds days to a date only; ${subject(l.kind === 'date' ? l.node : r.node)} holds a date and time. Take its date first: DATE(YEAR(x), MONTH(x), DAY(x)).`, n);
    }
  }
  const bad = isNum(l) ? r : l;
  const what = n.op === '+' || n.op === '-' ? 'numbers (or a date and a number of days)' : 'numbers';
  return fail(`"${n.op}" at position ${n.opPos} needs ${what}; ${subject(bad.node)} is ${KIND_NAMES[bad.kind]}.${bad.kind === 'text' ? ' Join text with &.' : ''}`, bad.node);
}

function binary(n: BinaryNode, l: Typed, r: Typed): Typed {
  switch (n.op) {
    case '&':
      return typed(fn('concat', l.expr, r.expr), 'VARCHAR', n);
    case '&&':
    case '||':
      for (const side of [l, r]) {
        if (side.kind !== 'boolean' && side.kind !== 'blank') fail(`"${n.op}" joins conditions (true/false); ${subject(side.node)} is ${KIND_NAMES[side.kind]}.`, side.node);
      }
      return typed(bin(n.op === '&&' ? 'AND' : 'OR', l.expr, r.expr), 'BOOLEAN', n);
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (!compatible(l.kind, r.kind) || (l.kind === 'other' && l.type !== r.type)) {
        const hint = l.kind === 'date' || r.kind === 'date' ? ' Write a date as DATE(2024, 1, 31).' : ' Compare like with like.';
        fail(`"${n.op}" at position ${n.opPos} compares ${KIND_NAMES[l.kind]} (${subject(l.node)}) with ${KIND_NAMES[r.kind]} (${subject(r.node)}).${hint}`, n);
      }
      return typed(compare(n.op, l, r), 'BOOLEAN', n);
    default:
      return arithmetic(n, l, r);
  }
}

/**
 * The SQL of a calculated column (`stack`: the columns being compiled that use it, for the loop check).
 * Throws ExpressionError with the position in `calc.expression`.
 */
export function compileCalculatedColumn(ctx: ModelContext, calc: CalculatedColumn, stack: readonly CalculatedColumn[] = []): CompiledColumn {
  const home = ctx.datasets.get(calc.datasetId);
  if (!home) throw new ExpressionError(`The table of the column [${calc.name}] is not in this workbook.`, 0);
  const related = new Set<string>();
  const path = [...stack, calc];

  /** Another calculated column, compiled in place. */
  const calculated = (other: CalculatedColumn, node: CalcNode): Typed => {
    const at = { pos: node.pos, end: node.end };
    const seen = path.findIndex((c) => c.id === other.id);
    if (seen >= 0) {
      const loop = [...path.slice(seen), other].map((c) => `[${c.name}]`).join(' → ');
      throw new CycleError(`Circular reference: ${loop}. A column cannot use itself.`, at.pos, at.end - at.pos);
    }
    let inner: CompiledColumn;
    try {
      inner = compileCalculatedColumn(ctx, other, path);
    } catch (error) {
      if (error instanceof CycleError) throw new CycleError(error.message, at.pos, at.end - at.pos);
      if (error instanceof ExpressionError) fail(`The column [${other.name}] used at position ${node.pos} has an error: ${error.message}`, at);
      throw error;
    }
    for (const d of inner.related) related.add(d);
    const type = calcType(other, inner);
    return { expr: inner.expr, type, kind: kindOfType(type), node };
  };

  /** A column of `ds` by name (exact, then ignoring case): stored, or calculated. */
  const columnOf = (ds: DatasetEntry, node: ColumnNode): Typed => {
    const stored = findByName(ds.columns, node.column, (c) => c.name);
    if (stored) return typed(col(stored.name, tableOf(ds.id)), stored.type, node);
    const calcs = ctx.calculated.get(ds.id) ?? [];
    const other = findByName(calcs, node.column, (c) => c.name);
    if (other) return calculated(other, node);
    const names = [...ds.columns.map((c) => c.name), ...calcs.map((c) => c.name)];
    return fail(`Unknown column [${node.column}] in ${ds.name}.${didYouMean(node.column, names, (n) => `[${n}]`)}`, { pos: node.columnPos, end: node.end });
  };

  const relatedColumn = (call: CalcNode & { kind: 'call' }): Typed => {
    const arg = call.args[0] as ColumnNode & { table: string };
    const ds = findDataset(ctx, arg.table, arg.pos, arg.columnPos - arg.pos);
    if (ds.id === home.id) fail(`RELATED reads a column of another table; [${arg.column}] is in ${home.name}: write [${arg.column}].`, call);
    if (!reachableFrom(ctx, home.id).includes(ds.id)) {
      fail(`RELATED(${arg.table}[${arg.column}]) needs an active many-to-one relationship from ${home.name} to ${ds.name}. Add one in the Model view.`, call);
    }
    related.add(ds.id);
    return { ...columnOf(ds, arg), node: call };
  };

  const visit = (n: CalcNode): Typed => {
    switch (n.kind) {
      case 'number':
        return typed(lit(n.value), literalType(n.value), n);
      case 'string':
        return typed(lit(n.value), 'VARCHAR', n);
      case 'boolean':
        return typed(lit(n.value), 'BOOLEAN', n);
      case 'column': {
        const ds = n.table === undefined ? home : findDataset(ctx, n.table, n.pos, n.columnPos - n.pos);
        if (ds.id !== home.id) fail(`${n.table}[${n.column}] is a column of another table: read it with RELATED(${n.table}[${n.column}]).`, n);
        return columnOf(home, n);
      }
      case 'negate': {
        const x = visit(n.operand);
        if (!isNum(x)) fail(`"-" at position ${n.pos} needs a number; ${subject(x.node)} is ${KIND_NAMES[x.kind]}.`, x.node);
        return typed({ type: 'neg', expr: x.expr }, x.type, n);
      }
      case 'binary':
        return binary(n, visit(n.left), visit(n.right));
      case 'call':
        return n.fn === 'RELATED' ? relatedColumn(n) : compileCall(n, n.args.map(visit));
    }
  };

  const out = visit(parseCalculatedColumn(calc.expression));
  // a column that is always BLANK is an INTEGER column of NULLs (as DuckDB types a bare NULL)
  const type = out.type === BLANK_TYPE ? 'INTEGER' : out.type;
  return { expr: out.expr, type, kind: kindOfType(type), related };
}
