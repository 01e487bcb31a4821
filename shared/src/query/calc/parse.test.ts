import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../lang/tokens';
import { CALC_FUNCTIONS, calcNodes, parseCalculatedColumn, type CalcNode } from './parse';

const errorOf = (text: string): ExpressionError => {
  try {
    parseCalculatedColumn(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected an ExpressionError for ${text}`);
};

/** The tree without positions, as a compact S-expression. */
function show(n: CalcNode): string {
  switch (n.kind) {
    case 'number':
      return String(n.value);
    case 'string':
      return JSON.stringify(n.value);
    case 'boolean':
      return n.value ? 'TRUE' : 'FALSE';
    case 'column':
      return n.table === undefined ? `[${n.column}]` : `${n.table}[${n.column}]`;
    case 'negate':
      return `(- ${show(n.operand)})`;
    case 'binary':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'call':
      return `${n.fn}(${n.args.map(show).join(', ')})`;
  }
}
const tree = (text: string): string => show(parseCalculatedColumn(text));

describe('parseCalculatedColumn', () => {
  it('reads values, columns of this table and of a named one, and keeps positions', () => {
    expect(tree('[quantity] * [price]')).toBe('(* [quantity] [price])');
    expect(tree("'Sales 2024'[Net ]]Amount] + sales[x]")).toBe('(+ Sales 2024[Net ]Amount] sales[x])');
    expect(tree('"it""s" & 2.5e1 & TRUE & false & TRUE() & FALSE()')).toBe('(& (& (& (& (& "it\\"s" 25) TRUE) FALSE) TRUE) FALSE)');
    const n = parseCalculatedColumn('  [a] + Sales[b]');
    expect(n).toMatchObject({ kind: 'binary', op: '+', pos: 2, end: 16, opPos: 6, left: { pos: 2, end: 5, columnPos: 2 }, right: { table: 'Sales', pos: 8, end: 16, columnPos: 13 } });
  });

  it('follows DAX precedence: * / over + - over & over comparisons over && over ||', () => {
    expect(tree('1 + 2 * 3 - -4 / 2')).toBe('(- (+ 1 (* 2 3)) (/ (- 4) 2))');
    expect(tree('"n" & 1 + 2')).toBe('(& "n" (+ 1 2))');
    expect(tree('[a] & "x" = "1x"')).toBe('(= (& [a] "x") "1x")');
    expect(tree('[a] > 1 && [b] <= 2 || [c] <> 3 && [d] == 4')).toBe('(|| (&& (> [a] 1) (<= [b] 2)) (&& (<> [c] 3) (= [d] 4)))');
    expect(tree('([a] >= 1 || [b] < 2) && NOT([c] = "x")')).toBe('(&& (|| (>= [a] 1) (< [b] 2)) NOT((= [c] "x")))');
    // parentheses span from "(" to ")"
    expect(parseCalculatedColumn(' ( [a] + 1 ) * 2')).toMatchObject({ left: { pos: 1, end: 12 } });
  });

  it('parses every function with its arguments (names ignore case)', () => {
    const calls: Record<keyof typeof CALC_FUNCTIONS, string> = {
      IF: 'IF([q] > 1, "a", "b")',
      SWITCH: 'SWITCH([r], "N", 1, "S", 2, 0)',
      AND: 'AND([a], [b])',
      OR: 'or([a], [b])',
      NOT: 'NOT([a])',
      BLANK: 'BLANK()',
      ISBLANK: 'ISBLANK([a])',
      DIVIDE: 'DIVIDE([a], [b], 0)',
      ROUND: 'ROUND([a], 2)',
      ABS: 'ABS([a])',
      INT: 'INT([a])',
      YEAR: 'YEAR([d])',
      QUARTER: 'QUARTER([d])',
      MONTH: 'Month([d])',
      DAY: 'DAY([d])',
      WEEKDAY: 'WEEKDAY([d], 2)',
      DATE: 'DATE(2024, 1, 31)',
      FORMAT: 'FORMAT([d], "yyyy-MM")',
      UPPER: 'UPPER([t])',
      LOWER: 'LOWER([t])',
      LEFT: 'LEFT([t], 3)',
      RIGHT: 'RIGHT([t])',
      LEN: 'LEN([t])',
      TRIM: 'TRIM([t])',
      CONCATENATE: 'CONCATENATE([t], "!")',
      RELATED: "RELATED('Product list'[category])",
    };
    for (const [fn, text] of Object.entries(calls)) {
      const n = parseCalculatedColumn(text);
      expect(n, text).toMatchObject({ kind: 'call', fn, pos: 0, end: text.length });
    }
    expect(tree('IF([q] > 1, "a")')).toBe('IF((> [q] 1), "a")');
    expect(tree('SWITCH(TRUE(), [q] > 10, "big", [q] > 5, "mid")')).toBe('SWITCH(TRUE, (> [q] 10), "big", (> [q] 5), "mid")');
    expect(calcNodes(parseCalculatedColumn('IF([a] > 1, -[b], RELATED(P[c]))')).filter((n) => n.kind === 'column').map((n) => show(n))).toEqual(['[a]', '[b]', 'P[c]']);
  });

  it('reports errors at their position with a human message', () => {
    expect(errorOf('')).toMatchObject({ position: 0, message: expect.stringContaining('The column expression is empty') });
    expect(errorOf('IFF([a], 1)')).toMatchObject({ position: 0, length: 3, message: expect.stringContaining('Unknown function "IFF" at position 0. Known functions: IF, SWITCH') });
    expect(errorOf('IF([a] > 1')).toMatchObject({ position: 10, message: 'Expected "," or ")" after argument 1 of IF at position 10, found the end of the expression.' });
    expect(errorOf('IF([a] > 1 "x")')).toMatchObject({ position: 11, length: 3, message: expect.stringContaining('found the text "x"') });
    expect(errorOf('ROUND([a])')).toMatchObject({ position: 0, length: 10, message: 'ROUND at position 0 takes 2 arguments, not 1.' });
    expect(errorOf('IF([a])')).toMatchObject({ message: 'IF at position 0 takes 2 or 3 arguments, not 1.' });
    expect(errorOf('SWITCH([a], 1)')).toMatchObject({ message: 'SWITCH at position 0 takes at least 3 arguments, not 2.' });
    expect(errorOf('BLANK(1)')).toMatchObject({ message: 'BLANK at position 0 takes 0 arguments, not 1.' });
    expect(errorOf('1 + RELATED([a])')).toMatchObject({ position: 12, length: 3, message: expect.stringContaining('RELATED needs a column of a related table such as Products[category]') });
    expect(errorOf('quantity * 2')).toMatchObject({ position: 0, length: 8, message: expect.stringContaining('write [quantity] for a column of this table') });
    expect(errorOf("'Sales' 2")).toMatchObject({ position: 8, message: expect.stringContaining('Expected a column in brackets after the table "Sales"') });
    expect(errorOf('[a] + ')).toMatchObject({ position: 6, message: expect.stringContaining('found the end of the expression') });
    expect(errorOf('[a] [b]')).toMatchObject({ position: 4, length: 3, message: 'Unexpected [b] at position 4: expected an operator or the end.' });
    expect(errorOf('"abc')).toMatchObject({ position: 0, length: 4, message: 'The text starting at position 0 is not closed: add """.' });
    expect(errorOf('[abc')).toMatchObject({ position: 0, message: expect.stringContaining('not closed: add "]"') });
    expect(errorOf('2 ^ 3')).toMatchObject({ position: 2, message: 'Unexpected character "^" at position 2.' });
    expect(errorOf('(1 + 2')).toMatchObject({ position: 6, message: expect.stringContaining('Expected ")" to close the "(" at position 0') });
    expect(errorOf('1 + ,')).toMatchObject({ position: 4, message: 'Expected a value, a [column] or a function at position 4, found ",".' });
  });
});
