import type { Aggregate, ColumnFieldRef, FieldRef, Visual } from '../../workbook/schema';
import { isMeasureRef } from '../../workbook/schema';
import { andOpt, cast, col, fn, over, type DateLevel, type Expr, type FromItem, type Join } from '../ast';
import { compileMeasure } from '../measure/compile';
import { MeasureError } from '../measure/parse';
import { resolveField } from '../columns';
import { filterConditions } from '../filter-flow';
import { planJoins, type JoinPlan } from '../joins';
import { isDateType, isNumericType, isTemporalType, type ModelContext } from '../model';
import { predicateCompiler } from '../predicate';
import { QueryCompileError, type ResultField, type VisualQueryInput } from '../types';

/** One result column: its SQL expression (before aliasing) and its description. */
export interface Part {
  key: string;
  expr: Expr;
  field: ResultField;
}

export const DATE_LEVELS: DateLevel[] = ['year', 'quarter', 'month', 'day'];

const AGG_LABEL: Record<Exclude<Aggregate, 'none'>, string> = {
  sum: 'Sum of',
  avg: 'Average of',
  min: 'Min of',
  max: 'Max of',
  count: 'Count of',
  distinctCount: 'Count (distinct) of',
  median: 'Median of',
};

function vlTypeOf(sqlType: string): ResultField['vlType'] {
  if (isNumericType(sqlType)) return 'quantitative';
  if (isTemporalType(sqlType)) return 'temporal';
  return 'nominal';
}

export const sameRef = (a: FieldRef, b: FieldRef): boolean => {
  if (isMeasureRef(a) || isMeasureRef(b)) return isMeasureRef(a) && isMeasureRef(b) && a.measureId === b.measureId;
  return a.datasetId === b.datasetId && a.column === b.column && (a.aggregate === undefined || b.aggregate === undefined || a.aggregate === b.aggregate);
};

/**
 * Collects the result columns of one visual query and the datasets they read; then plans the joins
 * and gives the FROM / JOIN / WHERE every query shape shares.
 */
export class FieldCollector {
  readonly parts: Part[] = [];
  private readonly datasets: string[] = [];
  private readonly blame = new Map<string, { field?: ColumnFieldRef; role?: string }>();
  private plan: JoinPlan | undefined;

  constructor(
    readonly ctx: ModelContext,
    readonly input: VisualQueryInput,
  ) {}

  get visual(): Visual {
    return this.input.visual;
  }

  refs(role: string): FieldRef[] {
    return this.visual.fields[role] ?? [];
  }

  private use(datasetId: string, ref?: ColumnFieldRef, role?: string): void {
    this.datasets.push(datasetId);
    if (!this.blame.has(datasetId)) this.blame.set(datasetId, { field: ref, role });
  }

  /** A column field: its SQL and type, with the datasets it reads registered for the join plan. */
  private column(ref: ColumnFieldRef, role: string): { x: Expr; column: { name: string; type: string } } {
    const f = resolveField(this.ctx, ref, role);
    for (const d of f.datasets) this.use(d, ref, role);
    return { x: f.expr, column: f.column };
  }

  /** Adds a result column made by the query shape itself (bins, running totals, min/max…). */
  push(expr: Expr, field: Omit<ResultField, 'key'>): Part {
    const key = `c${this.parts.length}`;
    const part = { key, expr, field: { ...field, key } };
    this.parts.push(part);
    return part;
  }

  /** A column shown as itself (grouped), optionally at a date hierarchy level. */
  dimensionExpr(ref: FieldRef, role: string, level?: DateLevel): { expr: Expr; field: Omit<ResultField, 'key'> } {
    if (isMeasureRef(ref)) {
      throw new QueryCompileError(`A measure cannot go in the "${role}" well: it needs a column to group by. Use a column there.`, ref, role);
    }
    const { x, column } = this.column(ref, role);
    const base = { role, kind: 'dimension' as const, ref };
    if (level && isTemporalType(column.type)) {
      return {
        expr: { type: 'dateLevel', expr: x, level },
        field: { ...base, label: `${ref.label ?? ref.column} (${level})`, vlType: level === 'day' ? 'temporal' : 'ordinal', sqlType: 'VARCHAR', drillLevel: level },
      };
    }
    return { expr: x, field: { ...base, label: ref.label ?? ref.column, vlType: vlTypeOf(column.type), sqlType: column.type } };
  }

  dimension(ref: FieldRef, role: string, level?: DateLevel): Part {
    const d = this.dimensionExpr(ref, role, level);
    return this.push(d.expr, d.field);
  }

  /** A field aggregated: a measure, or a column with its aggregate (default sum for numbers, count otherwise). */
  measureExpr(ref: FieldRef, role: string): { expr: Expr; field: Omit<ResultField, 'key'> } {
    if (isMeasureRef(ref)) {
      const measure = this.ctx.measures.get(ref.measureId);
      if (!measure) throw new QueryCompileError(`The measure "${ref.measureId}" no longer exists. Remove it from the visual.`, ref, role);
      try {
        const compiled = compileMeasure(this.ctx, measure);
        for (const d of compiled.datasets) this.use(d, undefined, role);
        if (compiled.datasets.size === 0) this.use(measure.datasetId, undefined, role);
        return { expr: compiled.expr, field: { role, label: ref.label ?? measure.name, kind: 'measure', vlType: 'quantitative', sqlType: 'DOUBLE', ref } };
      } catch (error) {
        if (error instanceof MeasureError) {
          throw new QueryCompileError(`The measure "${measure.name}" has an error: ${error.message}`, ref, role);
        }
        throw error;
      }
    }
    const { x, column } = this.column(ref, role);
    const numeric = isNumericType(column.type);
    const agg: Exclude<Aggregate, 'none'> = ref.aggregate && ref.aggregate !== 'none' ? ref.aggregate : numeric ? 'sum' : 'count';
    if ((agg === 'sum' || agg === 'avg' || agg === 'median') && !numeric) {
      throw new QueryCompileError(`"${ref.column}" holds ${column.type} values, which cannot be summed or averaged. Choose Count or Distinct count.`, ref, role);
    }
    let expr: Expr;
    let sqlType = 'DOUBLE';
    let vlType: ResultField['vlType'] = 'quantitative';
    switch (agg) {
      case 'sum':
        expr = cast(fn('SUM', x), 'DOUBLE');
        break;
      case 'avg':
        expr = cast(fn('AVG', x), 'DOUBLE');
        break;
      case 'median':
        expr = cast({ type: 'quantile', expr: x, q: 0.5 }, 'DOUBLE');
        break;
      case 'count':
        expr = fn('COUNT', x);
        sqlType = 'BIGINT';
        break;
      case 'distinctCount':
        expr = { type: 'func', name: 'COUNT', args: [x], distinct: true };
        sqlType = 'BIGINT';
        break;
      case 'min':
      case 'max':
        expr = fn(agg.toUpperCase(), x);
        sqlType = column.type;
        vlType = vlTypeOf(column.type);
        break;
    }
    let label = `${AGG_LABEL[agg]} ${ref.column}`;
    if (ref.showAs === 'percentOfTotal') {
      if (!isNumericType(sqlType) && sqlType !== 'BIGINT') {
        throw new QueryCompileError(`"${label}" is not a number, so it cannot be shown as a % of the total.`, ref, role);
      }
      expr = { type: 'binary', op: '/', left: cast(expr, 'DOUBLE'), right: fn('NULLIF', over(fn('SUM', cast(expr, 'DOUBLE'))), { type: 'literal', value: 0 }) };
      sqlType = 'DOUBLE';
      vlType = 'quantitative';
      label = `${label} (% of total)`;
    }
    // a display name given for this visual ("Rename for this visual") replaces the generated label
    return { expr, field: { role, label: ref.label ?? label, kind: 'measure', vlType, sqlType, ref, aggregate: agg } };
  }

  measure(ref: FieldRef, role: string): Part {
    const m = this.measureExpr(ref, role);
    return this.push(m.expr, m.field);
  }

  /** A column ref with aggregate 'none' in a measure well is shown as a grouped value. */
  valueOrDimension(ref: FieldRef, role: string): Part {
    if (!isMeasureRef(ref) && ref.aggregate === 'none') {
      const d = this.dimensionExpr(ref, role);
      return this.push(d.expr, { ...d.field });
    }
    return this.measure(ref, role);
  }

  /** The drill level for the category well when the input asks for one and the column is temporal. */
  drillLevel(ref: FieldRef | undefined): DateLevel | undefined {
    const drill = this.input.drill;
    if (!drill || !ref || isMeasureRef(ref)) return undefined;
    const { column } = resolveField(this.ctx, ref, 'category');
    if (!isTemporalType(column.type)) return undefined;
    const level = Math.max(0, Math.min(3, Math.trunc(drill.level)));
    return DATE_LEVELS[level];
  }

  isTemporal(part: Part): boolean {
    return part.field.vlType === 'temporal' || part.field.drillLevel !== undefined;
  }

  /** Numeric or temporal column shown raw (eligible for M4 / binning). */
  isContinuous(part: Part): boolean {
    return part.field.drillLevel === undefined && (isNumericType(part.field.sqlType) || isTemporalType(part.field.sqlType));
  }

  /** A continuous x as DOUBLE (temporal → seconds since 1970). */
  numericX(part: Part, source: Expr = part.expr): Expr {
    if (isTemporalType(part.field.sqlType)) return { type: 'epoch', expr: source };
    return cast(source, 'DOUBLE');
  }

  isDate(part: Part): boolean {
    return isDateType(part.field.sqlType);
  }

  /** Registers extra fields (sort / top N) that are not result columns but need their datasets joined. */
  extraMeasure(ref: FieldRef, role: string): Expr {
    return this.measureExpr(ref, role).expr;
  }

  /** Plans the joins once all fields are known. */
  finish(): JoinPlan {
    if (!this.plan) this.plan = planJoins(this.ctx, this.datasets, (id) => this.blame.get(id) ?? {});
    return this.plan;
  }

  /**
   * FROM + joins + WHERE of the visual: filters on datasets this visual cannot reach apply along Both relationships
   * (filter-flow.ts), or are left out.
   */
  source(extraWhere: Expr[] = []): { from: FromItem; joins: Join[]; where?: Expr } {
    const plan = this.finish();
    const conditions = filterConditions(this.ctx, plan, this.input.filters, predicateCompiler(this.ctx));
    const where = andOpt([...conditions, ...extraWhere]);
    return { from: plan.from, joins: [...plan.joins], ...(where ? { where } : {}) };
  }

  rowCountOfRoot(): number {
    return this.ctx.datasets.get(this.finish().root)?.rowCount ?? 0;
  }
}

export const alias = (key: string): Expr => col(key);
