import type { DateLevel, DateUnit, Expr, FromItem, GroupBy, OrderItem, Query, Sample, SqlType } from '../ast';

/** A name or value the printer refuses to write (it would be unsafe or meaningless SQL). */
export class SqlPrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlPrintError';
  }
}

const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
      case 'in':
        if (e.values.length === 0) return e.negate ? 'TRUE' : 'FALSE';
        return `(${this.expr(e.expr)} ${e.negate ? 'NOT ' : ''}IN (${e.values.map((v) => this.expr(v)).join(', ')}))`;
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
