/**
 * References between measures (`[Name]` in an expression): which measures an expression uses, and the same expression
 * with a renamed measure's references rewritten (Power BI updates them on rename). Column references in brackets
 * (`SUM([amount])`, `Sales[amount]`) are never touched. An expression that does not parse has no references we can
 * find safely, so it is left as it is.
 */
import { MeasureError, parseMeasure, tokenize, type MeasureNode } from './parse';

const key = (name: string): string => name.trim().toLocaleLowerCase();

function refNodes(node: MeasureNode, out: Extract<MeasureNode, { kind: 'measureRef' }>[]): void {
  switch (node.kind) {
    case 'measureRef':
      out.push(node);
      return;
    case 'binary':
      refNodes(node.left, out);
      refNodes(node.right, out);
      return;
    case 'negate':
      refNodes(node.operand, out);
      return;
    case 'divide':
      refNodes(node.numerator, out);
      refNodes(node.denominator, out);
      if (node.alternate) refNodes(node.alternate, out);
      return;
    default:
      return;
  }
}

/** The `[Name]` references of an expression (in order); none when it does not parse. */
function parsedRefs(expression: string): Extract<MeasureNode, { kind: 'measureRef' }>[] {
  const out: Extract<MeasureNode, { kind: 'measureRef' }>[] = [];
  try {
    refNodes(parseMeasure(expression), out);
  } catch (error) {
    if (!(error instanceof MeasureError)) throw error;
  }
  return out;
}

/** The measure names an expression refers to (as written). */
export function measureRefs(expression: string): string[] {
  return parsedRefs(expression).map((n) => n.name);
}

/** Whether an expression refers to the measure named `name` (case-insensitive, as the compiler resolves names). */
export function refersToMeasure(expression: string, name: string): boolean {
  return parsedRefs(expression).some((n) => key(n.name) === key(name));
}

/** `[name]` as written in an expression (a `]` in the name is doubled). */
export const bracketed = (name: string): string => `[${name.replace(/]/g, ']]')}]`;

/** The expression with every reference to the measure `from` pointing to `to` instead; unchanged when there is none. */
export function renameMeasureRefs(expression: string, from: string, to: string): string {
  const hits = new Set(parsedRefs(expression).filter((n) => key(n.name) === key(from)).map((n) => n.pos));
  if (hits.size === 0) return expression;
  let out = expression;
  // right to left, so earlier positions stay valid
  const tokens = tokenize(expression).filter((t) => t.t === 'bracket' && hits.has(t.pos));
  for (const t of tokens.reverse()) out = out.slice(0, t.pos) + bracketed(to) + out.slice(t.pos + t.len);
  return out;
}
