/**
 * References between measures (`[Name]` in an expression): which measures an expression uses, and the same expression
 * with a renamed measure's references rewritten (Power BI updates them on rename). Column references in brackets
 * (`SUM([amount])`, `Sales[amount]`) are never touched. An expression that does not parse has no references we can
 * find safely, so it is left as it is. `measureColumnReads` lists the columns a measure aggregates.
 */
import type { ColumnRef, Measure } from '../../workbook/schema';
import { datasetNamed } from '../lang/lookup';
import type { ModelContext } from '../model';
import { rewriteBrackets } from '../lang/rename-column';
import { MeasureError, parseMeasure, tokenize, type MeasureNode } from './parse';

const key = (name: string): string => name.trim().toLocaleLowerCase();

/** Every node of an expression, depth first; none when it does not parse. */
function parsedNodes(expression: string): MeasureNode[] {
  const out: MeasureNode[] = [];
  const visit = (node: MeasureNode): void => {
    out.push(node);
    if (node.kind === 'binary') [node.left, node.right].forEach(visit);
    else if (node.kind === 'negate') visit(node.operand);
    else if (node.kind === 'divide') [node.numerator, node.denominator, ...(node.alternate ? [node.alternate] : [])].forEach(visit);
  };
  try {
    visit(parseMeasure(expression));
  } catch (error) {
    if (!(error instanceof MeasureError)) throw error;
  }
  return out;
}

/** The `[Name]` references of an expression (in order); none when it does not parse. */
function parsedRefs(expression: string): Extract<MeasureNode, { kind: 'measureRef' }>[] {
  return parsedNodes(expression).filter((n): n is Extract<MeasureNode, { kind: 'measureRef' }> => n.kind === 'measureRef');
}

/** The measure names an expression refers to (as written). */
export function measureRefs(expression: string): string[] {
  return parsedRefs(expression).map((n) => n.name);
}

/** Whether an expression refers to the measure named `name` (case-insensitive, as the compiler resolves names). */
export function refersToMeasure(expression: string, name: string): boolean {
  return parsedRefs(expression).some((n) => key(n.name) === key(name));
}

export { bracketed } from '../lang/rename-column';

/**
 * Positions of the `[Name]` measure references of an expression; undefined when it does not parse (then nothing in it
 * can be told apart safely).
 */
export function measureRefPositions(expression: string): Set<number> | undefined {
  try {
    parseMeasure(expression);
  } catch (error) {
    if (error instanceof MeasureError) return undefined;
    throw error;
  }
  return new Set(parsedRefs(expression).map((n) => n.pos));
}

/** The expression with every reference to the measure `from` pointing to `to` instead; unchanged when there is none. */
export function renameMeasureRefs(expression: string, from: string, to: string): string {
  const hits = new Set(parsedRefs(expression).filter((n) => key(n.name) === key(from)).map((n) => n.pos));
  if (hits.size === 0) return expression;
  return rewriteBrackets(
    expression,
    tokenize(expression).filter((t) => t.t === 'bracket' && hits.has(t.pos)),
    to,
  );
}

/** The columns a measure aggregates, as dataset id and name as written (none when it does not parse; unknown tables left out). */
export function measureColumnReads(ctx: ModelContext, measure: Measure): ColumnRef[] {
  const out: ColumnRef[] = [];
  for (const n of parsedNodes(measure.expression)) {
    if (n.kind !== 'aggregate') continue;
    const datasetId = n.table === undefined ? measure.datasetId : datasetNamed(ctx, n.table)?.id;
    if (datasetId !== undefined) out.push({ datasetId, column: n.column });
  }
  return out;
}
