import type { DateLevel, DateUnit, Expr, FromItem, GroupBy, OrderItem, Query, Sample, SqlType } from '../ast';

/** A name or value the printer refuses to write (it would be unsafe or meaningless SQL). */
export class SqlPrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlPrintError';
  }
}

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

const LEVEL_KEY: Record<DateLevel, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4}) Q([1-4])$/,
  month: /^(\d{4})-(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
};

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The [start, end) dates of hierarchy keys ('2024', '2024 Q2', '2024-03', '2024-03-05') at `level`;
 * undefined when any value is not such a key (the IN is then printed as it is).
 */
export function levelRanges(level: DateLevel, values: Expr[]): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const v of values) {
    if (v.type !== 'literal' || typeof v.value !== 'string' || v.cast) return undefined;
    const m = LEVEL_KEY[level].exec(v.value);
    if (!m) return undefined;
    const y = Number(m[1]);
    if (y < 100) return undefined; // Date.UTC reads years 0–99 as 1900–1999
    const [start, months, days] =
      level === 'year' ? [Date.UTC(y, 0, 1), 12, 0] : level === 'quarter' ? [Date.UTC(y, (Number(m[2]) - 1) * 3, 1), 3, 0] : level === 'month' ? [Date.UTC(y, Number(m[2]) - 1, 1), 1, 0] : [Date.UTC(y, Number(m[2]) - 1, Number(m[3])), 0, 1];
    const from = new Date(start);
    // a key that is not a real date ('2024-13', '2024-02-30') matches no row as a range would wrongly do
    if (level === 'month' && from.getUTCMonth() !== Number(m[2]) - 1) return undefined;
    if (level === 'day' && isoDay(from) !== v.value) return undefined;
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, from.getUTCDate() + days));
    out.push([isoDay(from), isoDay(to)]);
  }
  return out;
}

/**
 * The generic SQL printer: one visitor over the AST (ast.ts). Dialects override the parts that differ
 * (types, dates, sampling, median). Identifiers are always double-quoted; literals always escaped.
 */
export class SqlDialect {
  readonly name: string = 'generic';

  // ---- names and values ------------------------------------------------------------------------

  identifier(name: string): string {
    if (name.length === 0) throw new SqlPrintError('An empty name cannot be used in a query.');
    if (name.includes('\u0000')) throw new SqlPrintError('A name with a NUL character cannot be used in a query.');
    return `"${name.replace(/"/g, '""')}"`;
  }

  string(value: string): string {
    if (value.includes('\u0000')) throw new SqlPrintError('A text value with a NUL character cannot be used in a query.');
    return `'${value.replace(/'/g, "''")}'`;
  }

  number(value: number): string {
    if (!Number.isFinite(value)) throw new SqlPrintError(`The number ${String(value)} cannot be used in a query (only finite numbers).`);
    const text = String(value);
    return value < 0 || Object.is(value, -0) ? `(${text})` : text;
  }

  literal(value: string | number | boolean | null, castTo?: 'DATE' | 'TIMESTAMP'): string {
    let text: string;
    if (value === null) text = 'NULL';
    else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
    else if (typeof value === 'number') text = this.number(value);
    else text = this.string(value);
    return castTo ? `CAST(${text} AS ${this.type(castTo)})` : text;
  }

  type(t: SqlType): string {
    return t;
  }

  functionName(name: string): string {
    if (!BARE_WORD.test(name)) throw new SqlPrintError(`"${name}" is not a valid function name.`);
    return name;
  }

  // ---- dialect hooks -----------------------------------------------------------------------------

  dateTrunc(expr: string, unit: DateUnit): string {
    return `CAST(date_trunc(${this.string(unit)}, ${expr}) AS ${this.type('DATE')})`;
  }

  dateAdd(expr: string, n: number, unit: DateUnit): string {
    const [count, part] = unit === 'quarter' ? [n * 3, 'month'] : unit === 'week' ? [n * 7, 'day'] : [n, unit];
    return `CAST((${expr} + INTERVAL ${this.string(`${count} ${part}`)}) AS ${this.type('DATE')})`;
  }

  dateLevel(_expr: string, level: DateLevel): string {
    throw new SqlPrintError(`Date level "${level}" is not supported by the ${this.name} dialect.`);
  }

  quantile(expr: string, q: number): string {
    return `percentile_cont(${this.number(q)}) WITHIN GROUP (ORDER BY ${expr})`;
  }

  epoch(expr: string): string {
    return `EXTRACT(EPOCH FROM ${expr})`;
  }

  currentDate(): string {
    return 'CURRENT_DATE';
  }

  /** Sampling is printed by dialects that support it; the generic printer refuses. */
  sample(_sample: Sample): string {
    throw new SqlPrintError(`Sampling is not supported by the ${this.name} dialect.`);
  }

  // ---- the visitor ---------------------------------------------------------------------------------

  expr(e: Expr): string {
    switch (e.type) {
      case 'column':
        return e.table === undefined ? this.identifier(e.name) : `${this.identifier(e.table)}.${this.identifier(e.name)}`;
      case 'literal':
        return this.literal(e.value, e.cast);
      case 'func':
        return `${this.functionName(e.name)}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map((a) => this.expr(a)).join(', ')})`;
      case 'binary':
        return `(${this.expr(e.left)} ${e.op} ${this.expr(e.right)})`;
      case 'not':
        return `(NOT ${this.expr(e.expr)})`;
      case 'neg':
        return `(- ${this.expr(e.expr)})`;
      case 'isNull':
        return `(${this.expr(e.expr)} IS ${e.negate ? 'NOT ' : ''}NULL)`;
      case 'in': {
        if (e.values.length === 0) return e.negate ? 'TRUE' : 'FALSE';
        const periods = e.expr.type === 'dateLevel' ? levelRanges(e.expr.level, e.values) : undefined;
        if (periods && e.expr.type === 'dateLevel') {
          // a date at a hierarchy level IN keys → ranges on the date itself: the same rows, without
          // formatting every row's date, and prunable by the storage's min/max per row group
          const x = this.expr(e.expr.expr);
          const any = periods.map(([lo, hi]) => `(${x} >= ${this.literal(lo, 'DATE')} AND ${x} < ${this.literal(hi, 'DATE')})`).join(' OR ');
          return e.negate ? `(NOT (${any}))` : `(${any})`;
        }
        return `(${this.expr(e.expr)} ${e.negate ? 'NOT ' : ''}IN (${e.values.map((v) => this.expr(v)).join(', ')}))`;
      }
      case 'inQuery':
        return `(${this.expr(e.expr)} ${e.negate ? 'NOT ' : ''}IN (${this.query(e.query)}))`;
      case 'exists':
        return `(${e.negate ? 'NOT ' : ''}EXISTS (${this.query(e.query)}))`;
      case 'ilike':
        return `(${this.expr(e.expr)} ILIKE ${this.expr(e.pattern)} ESCAPE ${this.string('\\')})`;
      case 'case': {
        const whens = e.whens.map((w) => `WHEN ${this.expr(w.when)} THEN ${this.expr(w.then)}`).join(' ');
        return `(CASE ${whens}${e.else ? ` ELSE ${this.expr(e.else)}` : ''} END)`;
      }
      case 'cast':
        return `CAST(${this.expr(e.expr)} AS ${this.type(e.to)})`;
      case 'window': {
        const parts: string[] = [];
        if (e.partitionBy?.length) parts.push(`PARTITION BY ${e.partitionBy.map((p) => this.expr(p)).join(', ')}`);
        if (e.orderBy?.length) parts.push(`ORDER BY ${this.orderItems(e.orderBy)}`);
        if (e.frame === 'runningRows') parts.push('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
        return `${this.expr(e.func)} OVER (${parts.join(' ')})`;
      }
      case 'star':
        return e.table === undefined ? '*' : `${this.identifier(e.table)}.*`;
      case 'currentDate':
        return this.currentDate();
      case 'dateAdd':
        return this.dateAdd(this.expr(e.expr), e.n, e.unit);
      case 'dateTrunc':
        return this.dateTrunc(this.expr(e.expr), e.unit);
      case 'dateLevel':
        return this.dateLevel(this.expr(e.expr), e.level);
      case 'quantile':
        return this.quantile(this.expr(e.expr), e.q);
      case 'epoch':
        return this.epoch(this.expr(e.expr));
      case 'subquery':
        return `(${this.query(e.query)})`;
    }
  }

  orderItems(items: OrderItem[]): string {
    return items.map((o) => `${this.expr(o.expr)}${o.desc ? ' DESC' : ' ASC'}${o.nulls ? ` NULLS ${o.nulls === 'first' ? 'FIRST' : 'LAST'}` : ''}`).join(', ');
  }

  from(f: FromItem): string {
    if (f.type === 'table') return `${this.identifier(f.name)}${f.alias ? ` AS ${this.identifier(f.alias)}` : ''}`;
    return `(${this.query(f.query)}) AS ${this.identifier(f.alias)}`;
  }

  groupBy(g: GroupBy): string {
    if (g.kind === 'plain') return g.exprs.map((e) => this.expr(e)).join(', ');
    return `GROUPING SETS (${g.sets.map((set) => `(${set.map((e) => this.expr(e)).join(', ')})`).join(', ')})`;
  }

  limit(n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new SqlPrintError(`LIMIT must be a whole number ≥ 0, not ${String(n)}.`);
    return String(n);
  }

  query(q: Query): string {
    const parts: string[] = [];
    if (q.with?.length) parts.push(`WITH ${q.with.map((c) => `${this.identifier(c.name)} AS (${this.query(c.query)})`).join(', ')}`);
    const select = q.select.map((s) => `${this.expr(s.expr)}${s.alias ? ` AS ${this.identifier(s.alias)}` : ''}`).join(', ');
    parts.push(`SELECT ${q.distinct ? 'DISTINCT ' : ''}${select}`);
    if (q.from) {
      parts.push(`FROM ${this.from(q.from)}`);
      for (const j of q.joins ?? []) parts.push(`${j.kind} JOIN ${this.from(j.from)}${j.on ? ` ON ${this.expr(j.on)}` : ''}`);
      if (q.sample) parts.push(this.sample(q.sample));
    }
    if (q.where) parts.push(`WHERE ${this.expr(q.where)}`);
    if (q.groupBy && (q.groupBy.kind === 'groupingSets' || q.groupBy.exprs.length > 0)) parts.push(`GROUP BY ${this.groupBy(q.groupBy)}`);
    if (q.having) parts.push(`HAVING ${this.expr(q.having)}`);
    if (q.orderBy?.length) parts.push(`ORDER BY ${this.orderItems(q.orderBy)}`);
    if (q.limit !== undefined) parts.push(`LIMIT ${this.limit(q.limit)}`);
    return parts.join(' ');
  }
}
