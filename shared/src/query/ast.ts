/**
 * A small SQL query AST. The visual compiler builds these nodes; a dialect (dialects/*.ts) prints
 * them. Nothing here is SQL text: names and values stay data until the printer quotes and escapes
 * them, so neither a column name nor a filter value can change the shape of a query.
 */

export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR' | 'IS NOT DISTINCT FROM';

/** The date hierarchy levels a temporal column can be shown at. */
export type DateLevel = 'year' | 'quarter' | 'month' | 'day';
export type DateUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type Expr =
  /** A column, optionally qualified by a table name or alias. */
  | { type: 'column'; name: string; table?: string }
  /** A literal value. Strings/numbers/booleans/null; `cast` gives it a type (`DATE`, `TIMESTAMP`). */
  | { type: 'literal'; value: string | number | boolean | null; cast?: 'DATE' | 'TIMESTAMP' }
  /** A function call. `name` is validated as a bare word by the printer. */
  | { type: 'func'; name: string; args: Expr[]; distinct?: boolean }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'not'; expr: Expr }
  | { type: 'neg'; expr: Expr }
  | { type: 'isNull'; expr: Expr; negate?: boolean }
  | { type: 'in'; expr: Expr; values: Expr[]; negate?: boolean }
  | { type: 'inQuery'; expr: Expr; query: Query; negate?: boolean }
  | { type: 'exists'; query: Query; negate?: boolean }
  /** `expr ILIKE pattern ESCAPE '\'` (case-insensitive match). */
  | { type: 'ilike'; expr: Expr; pattern: Expr }
  | { type: 'case'; whens: { when: Expr; then: Expr }[]; else?: Expr }
  | { type: 'cast'; expr: Expr; to: SqlType }
  /** A window function: `func OVER (PARTITION BY … ORDER BY … [ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW])`. */
  | { type: 'window'; func: Expr; partitionBy?: Expr[]; orderBy?: OrderItem[]; frame?: 'runningRows' }
  /** `*`, optionally `t.*`. */
  | { type: 'star'; table?: string }
  | { type: 'currentDate' }
  /** `expr ± n unit`, printed per dialect. */
  | { type: 'dateAdd'; expr: Expr; n: number; unit: DateUnit }
  /** The start of the `unit` period holding `expr`, as a DATE. */
  | { type: 'dateTrunc'; expr: Expr; unit: DateUnit }
  /** A sortable text key of a temporal value at a hierarchy level: '2024', '2024 Q1', '2024-03', '2024-03-05'. */
  | { type: 'dateLevel'; expr: Expr; level: DateLevel }
  /** The continuous quantile `q` (0.5 = median) of `expr` (an aggregate; dialects name it differently). */
  | { type: 'quantile'; expr: Expr; q: number }
  /** A temporal value as seconds since 1970 (numbers pass through as DOUBLE). */
  | { type: 'epoch'; expr: Expr }
  /** Scalar subquery. */
  | { type: 'subquery'; query: Query };

/** Portable type names the printer maps per dialect. */
export type SqlType = 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'VARCHAR' | 'DATE' | 'TIMESTAMP';

export interface OrderItem {
  expr: Expr;
  desc?: boolean;
  nulls?: 'first' | 'last';
}

export interface SelectItem {
  expr: Expr;
  alias?: string;
}

export type FromItem = { type: 'table'; name: string; alias?: string } | { type: 'subquery'; query: Query; alias: string };

export interface Join {
  kind: 'LEFT' | 'INNER' | 'CROSS';
  from: FromItem;
  on?: Expr;
}

/** `reservoir` keeps exactly `rows` rows (all of them when there are fewer), reproducible with `seed`. */
export interface Sample {
  rows: number;
  seed: number;
}

export type GroupBy = { kind: 'plain'; exprs: Expr[] } | { kind: 'groupingSets'; sets: Expr[][] };

export interface Query {
  with?: { name: string; query: Query }[];
  distinct?: boolean;
  select: SelectItem[];
  from?: FromItem;
  joins?: Join[];
  sample?: Sample;
  where?: Expr;
  groupBy?: GroupBy;
  having?: Expr;
  orderBy?: OrderItem[];
  limit?: number;
}

// ---- builders (short, so compiler code reads like the SQL it makes) ----------------------------

export const col = (name: string, table?: string): Expr => (table === undefined ? { type: 'column', name } : { type: 'column', name, table });
export const lit = (value: string | number | boolean | null): Expr => ({ type: 'literal', value });
export const fn = (name: string, ...args: Expr[]): Expr => ({ type: 'func', name, args });
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ type: 'binary', op, left, right });
export const cast = (expr: Expr, to: SqlType): Expr => ({ type: 'cast', expr, to });
export const not = (expr: Expr): Expr => ({ type: 'not', expr });
export const isNull = (expr: Expr, negate = false): Expr => ({ type: 'isNull', expr, negate });
export const over = (func: Expr, spec: { partitionBy?: Expr[]; orderBy?: OrderItem[]; frame?: 'runningRows' } = {}): Expr => ({ type: 'window', func, ...spec });
export const TRUE: Expr = lit(true);
export const FALSE: Expr = lit(false);

/** AND of the items (TRUE when empty). */
export function and(...items: (Expr | undefined)[]): Expr {
  const list = items.filter((e): e is Expr => e !== undefined);
  if (list.length === 0) return TRUE;
  return list.reduce((a, b) => bin('AND', a, b));
}

/** OR of the items (FALSE when empty). */
export function or(...items: Expr[]): Expr {
  if (items.length === 0) return FALSE;
  return items.reduce((a, b) => bin('OR', a, b));
}

/** AND of the items, or undefined when there are none (for optional WHERE clauses). */
export function andOpt(items: Expr[]): Expr | undefined {
  return items.length === 0 ? undefined : and(...items);
}
