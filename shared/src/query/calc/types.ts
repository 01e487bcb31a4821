/**
 * Value kinds of the calculated-column language. A column has one type, so the compiler checks kinds where DuckDB
 * would otherwise fail a visual at run time (text compared with a number, IF giving text or a number) and reports
 * them at their position instead. The DuckDB type name it infers is a fallback: the engine's DESCRIBE of the
 * compiled expression, stored when the column is saved, is the type the model uses.
 */
import type { Expr } from '../ast';
import { isBooleanType, isNumericType, isTemporalType, isTextType } from '../model';
import type { CalcNode } from './parse';

export type ValueKind = 'number' | 'text' | 'date' | 'boolean' | 'blank' | 'other';

export const KIND_NAMES: Record<ValueKind, string> = {
  number: 'a number',
  text: 'text',
  date: 'a date',
  boolean: 'true/false',
  blank: 'blank',
  other: 'a value of another type',
};

/** The type name of BLANK() before anything gives it one (DuckDB makes a bare NULL an INTEGER). */
export const BLANK_TYPE = 'NULL';

export function kindOfType(type: string): ValueKind {
  if (type === BLANK_TYPE) return 'blank';
  if (isNumericType(type)) return 'number';
  if (isTemporalType(type)) return 'date';
  if (isBooleanType(type)) return 'boolean';
  if (isTextType(type)) return 'text';
  return 'other';
}

/** A compiled part of an expression: its SQL, DuckDB type and kind, and the node it came from (for errors). */
export interface Typed {
  expr: Expr;
  type: string;
  kind: ValueKind;
  node: CalcNode;
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|INT|INT\d|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i;

/** The type of arithmetic on two numbers (as close to DuckDB as the model needs: integers stay whole). */
export function numericType(a: string, b: string): string {
  if (a === BLANK_TYPE) return b;
  if (b === BLANK_TYPE || a === b) return a;
  return INTEGER.test(a.trim()) && INTEGER.test(b.trim()) ? 'BIGINT' : 'DOUBLE';
}

/** Whether two values can be compared (or be the results of one IF): the same kind, or one is BLANK. */
export const compatible = (a: ValueKind, b: ValueKind): boolean => a === b || a === 'blank' || b === 'blank';

/** The type of a value that is either `a` or `b` (IF / SWITCH results); undefined when their kinds differ. */
export function unifyTypes(a: Pick<Typed, 'type' | 'kind'>, b: Pick<Typed, 'type' | 'kind'>): Pick<Typed, 'type' | 'kind'> | undefined {
  if (!compatible(a.kind, b.kind)) return undefined;
  if (a.kind === 'blank') return b;
  if (b.kind === 'blank' || a.type === b.type) return a;
  if (a.kind === 'number') return { type: numericType(a.type, b.type), kind: 'number' };
  if (a.kind === 'date') return { type: 'TIMESTAMP', kind: 'date' };
  return a.kind === 'other' ? undefined : a;
}

/** How an error names a value: the column as written, else "it". */
export function subject(node: CalcNode): string {
  if (node.kind === 'column') return node.table === undefined ? `[${node.column}]` : `${node.table}[${node.column}]`;
  if (node.kind === 'string') return `"${node.value}"`;
  if (node.kind === 'number') return String(node.value);
  return 'the value';
}
