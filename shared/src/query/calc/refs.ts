/**
 * The columns a calculated column reads (`[name]`, `Table[name]`, `RELATED(Table[name])`), as dataset id and name as
 * written: to tell what uses a column before it is deleted or renamed. An expression that does not parse reads
 * nothing that can be told safely; a table that does not exist is left out.
 */
import type { CalculatedColumn, ColumnRef } from '../../workbook/schema';
import { datasetNamed } from '../lang/lookup';
import { ExpressionError } from '../lang/tokens';
import type { ModelContext } from '../model';
import { calcNodes, parseCalculatedColumn, type CalcNode } from './parse';

export function calculatedColumnReads(ctx: ModelContext, calc: CalculatedColumn): ColumnRef[] {
  let root: CalcNode;
  try {
    root = parseCalculatedColumn(calc.expression);
  } catch (error) {
    if (error instanceof ExpressionError) return [];
    throw error;
  }
  const out: ColumnRef[] = [];
  for (const n of calcNodes(root)) {
    if (n.kind !== 'column') continue;
    const datasetId = n.table === undefined ? calc.datasetId : datasetNamed(ctx, n.table)?.id;
    if (datasetId !== undefined) out.push({ datasetId, column: n.column });
  }
  return out;
}
