import type { VisualType } from '../../workbook/schema';
import type { Query } from '../ast';
import type { SqlDialect } from '../dialects/base';
import { SqlPrintError } from '../dialects/base';
import { duckdb } from '../dialects/duckdb';
import { contextOf } from '../model';
import { QueryCompileError, type CompiledQuery, type VisualQueryInput } from '../types';
import { categoryChart, scatter, type Shape } from './charts';
import { FieldCollector } from './fields';
import { cards, histogram, matrix, slicer, table } from './tabular';

const SHAPES: Record<VisualType, (fc: FieldCollector) => Shape> = {
  bar: categoryChart,
  column: categoryChart,
  stackedBar: categoryChart,
  stackedColumn: categoryChart,
  percentBar: categoryChart,
  percentColumn: categoryChart,
  line: categoryChart,
  area: categoryChart,
  stackedArea: categoryChart,
  combo: categoryChart,
  pie: categoryChart,
  donut: categoryChart,
  funnel: categoryChart,
  treemap: categoryChart,
  waterfall: categoryChart,
  heatmap: categoryChart,
  map: categoryChart,
  custom: categoryChart,
  scatter,
  histogram,
  table,
  matrix,
  card: cards,
  multiRowCard: cards,
  kpi: cards,
  slicer,
};

/**
 * Visual + model + active filters → one SQL query (DuckDB by default) and the description of its
 * result columns (c0, c1, …). Aggregation, binning, Top N, sorting and point reduction all happen in SQL.
 * Throws QueryCompileError naming the field at fault.
 */
export function compileVisualQuery(input: VisualQueryInput, dialect: SqlDialect = duckdb): CompiledQuery {
  const { query, fields, reduction } = compileVisualAst(input);
  let sql: string;
  try {
    sql = dialect.query(query);
  } catch (error) {
    if (error instanceof SqlPrintError) throw new QueryCompileError(error.message);
    throw error;
  }
  return { sql, fields, ...(reduction ? { reduction } : {}) };
}

/** The query AST of a visual (before printing), its result columns and its reduction note. */
export function compileVisualAst(input: VisualQueryInput): { query: Query } & Omit<CompiledQuery, 'sql'> {
  const shape = SHAPES[input.visual.type];
  if (!shape) throw new QueryCompileError(`Unknown visual type "${String(input.visual.type)}".`);
  const fc = new FieldCollector(contextOf(input), input);
  const { query, reduction } = shape(fc);
  return { query, fields: fc.parts.map((p) => p.field), ...(reduction ? { reduction } : {}) };
}
