/**
 * Renaming a column inside an expression (measures and calculated columns share the tokenizer): `Table[Old]` and
 * `'Table name'[Old]` whose table names the dataset (case-insensitive, as the compilers resolve names), and the
 * unqualified `[Old]` at the positions `bare` allows (a calculated column's own table; a measure's aggregates over
 * its dataset — never its `[Measure]` references). Written right to left so earlier positions stay valid. A text
 * that does not tokenize is left as it is.
 */
import { ExpressionError, tokenize, type Token } from './tokens';

const key = (name: string): string => name.trim().toLocaleLowerCase();

/** `[name]` as written in an expression (a `]` in the name is doubled). */
export const bracketed = (name: string): string => `[${name.replace(/]/g, ']]')}]`;

/** `expression` with each of the `[name]` tokens `hits` written as `[to]` (right to left, so earlier positions stay valid). */
export function rewriteBrackets(expression: string, hits: readonly Token[], to: string): string {
  let out = expression;
  for (const t of [...hits].reverse()) out = out.slice(0, t.pos) + bracketed(to) + out.slice(t.pos + t.len);
  return out;
}

export function renameColumnRefs(expression: string, datasetName: string, from: string, to: string, bare: (pos: number) => boolean): string {
  let tokens;
  try {
    tokens = tokenize(expression);
  } catch (error) {
    if (error instanceof ExpressionError) return expression;
    throw error;
  }
  const hits = tokens.filter((t, i) => {
    if (t.t !== 'bracket' || key(t.value) !== key(from)) return false;
    const before = tokens[i - 1];
    const qualified = before !== undefined && (before.t === 'ident' || before.t === 'table');
    return qualified ? key(String(before.value)) === key(datasetName) : bare(t.pos);
  });
  return rewriteBrackets(expression, hits, to);
}
