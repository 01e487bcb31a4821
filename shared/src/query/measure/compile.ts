import type { Measure } from '../../workbook/schema';
import { bin, cast, fn, lit, type Expr } from '../ast';
import { findModelColumn, modelColumnNames } from '../columns';
import { didYouMean, findDataset } from '../lang/lookup';
import { divideExpr } from '../lang/sql';
import { isNumericType, isTemporalType, type ModelContext } from '../model';
import { MeasureError, parseMeasure, type MeasureNode } from './parse';

export interface CompiledMeasure {
  /** An aggregate SQL expression (DOUBLE). */
  expr: Expr;
  /** Datasets it reads. */
  datasets: Set<string>;
}

/**
 * Compiles a measure (and the measures it references, by [Name]) to one aggregate expression.
 * Errors are MeasureError with the position in the measure's own expression.
 */
export function compileMeasure(ctx: ModelContext, measure: Measure, stack: string[] = []): CompiledMeasure {
  if (stack.includes(measure.id)) {
    throw new MeasureError(`The measure "${measure.name}" refers to itself (through ${[...stack, measure.id].map((id) => ctx.measures.get(id)?.name ?? id).join(' → ')}).`, 0);
  }
  const ast = parseMeasure(measure.expression);
  const datasets = new Set<string>();
  const home = ctx.datasets.get(measure.datasetId);

  const visit = (n: MeasureNode): Expr => {
    switch (n.kind) {
      case 'number':
        return lit(n.value);
      case 'negate':
        return { type: 'neg', expr: visit(n.operand) };
      case 'binary':
        return n.op === '/' ? bin('/', cast(visit(n.left), 'DOUBLE'), visit(n.right)) : bin(n.op, visit(n.left), visit(n.right));
      case 'divide':
        return divideExpr(visit(n.numerator), visit(n.denominator), n.alternate ? visit(n.alternate) : undefined);
      case 'countRows': {
        const ds = findDataset(ctx, n.table, n.argPos, n.table.length);
        datasets.add(ds.id);
        return fn('COUNT', { type: 'star' });
      }
      case 'measureRef': {
        const all = [...ctx.measures.values()];
        const ref = all.find((m) => m.name === n.name) ?? all.find((m) => m.name.toLowerCase() === n.name.toLowerCase());
        if (!ref) {
          const hint = home?.columns.some((c) => c.name === n.name) ? ` "${n.name}" is a column: wrap it in an aggregate, e.g. SUM([${n.name}]).` : '';
          throw new MeasureError(`Unknown measure [${n.name}] at position ${n.pos}.${hint}`, n.pos, n.name.length + 2);
        }
        let inner: CompiledMeasure;
        try {
          inner = compileMeasure(ctx, ref, [...stack, measure.id]);
        } catch (error) {
          if (error instanceof MeasureError && ref.id !== measure.id) {
            throw new MeasureError(`In the measure [${ref.name}] used at position ${n.pos}: ${error.message}`, n.pos, n.name.length + 2);
          }
          throw error;
        }
        for (const d of inner.datasets) datasets.add(d);
        return inner.expr;
      }
      case 'aggregate': {
        const ds = n.table === undefined ? home : findDataset(ctx, n.table, n.argPos, n.table.length);
        if (!ds) throw new MeasureError(`The measure's home dataset is missing: name the table, e.g. ${n.fn}(Sales[${n.column}]).`, n.argPos);
        const found = findModelColumn(ctx, ds, n.column, n.argPos);
        if (!found) {
          const names = modelColumnNames(ctx, ds);
          const hint = didYouMean(n.column, names, (c) => `[${c}]`) || ` Columns: ${names.join(', ')}.`;
          throw new MeasureError(`Unknown column [${n.column}] in table "${ds.name}" at position ${n.argPos}.${hint}`, n.argPos);
        }
        const { column, expr: x } = found;
        for (const d of found.datasets) datasets.add(d);
        const numeric = isNumericType(column.type);
        if ((n.fn === 'SUM' || n.fn === 'AVERAGE' || n.fn === 'MEDIAN') && !numeric) {
          throw new MeasureError(`${n.fn} needs a numeric column; "${column.name}" is ${column.type}. Use COUNT or DISTINCTCOUNT.`, n.pos, n.fn.length);
        }
        if ((n.fn === 'MIN' || n.fn === 'MAX') && !numeric && !isTemporalType(column.type)) {
          throw new MeasureError(`${n.fn} in a measure needs a numeric or date column; "${column.name}" is ${column.type}.`, n.pos, n.fn.length);
        }
        switch (n.fn) {
          case 'SUM':
            return fn('SUM', x);
          case 'AVERAGE':
            return fn('AVG', x);
          case 'MEDIAN':
            return { type: 'quantile', expr: x, q: 0.5 };
          case 'MIN':
            return numeric ? fn('MIN', x) : { type: 'epoch', expr: fn('MIN', x) };
          case 'MAX':
            return numeric ? fn('MAX', x) : { type: 'epoch', expr: fn('MAX', x) };
          case 'COUNT':
            return fn('COUNT', x);
          case 'DISTINCTCOUNT':
            return { type: 'func', name: 'COUNT', args: [x], distinct: true };
        }
      }
    }
  };

  return { expr: cast(visit(ast), 'DOUBLE'), datasets };
}
