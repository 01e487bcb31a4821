/**
 * Saving a calculated column asks the real engine: DESCRIBE of the compiled expression gives the DuckDB type stored on
 * the record (the Fields pane's icon, a well's default aggregation, the date hierarchy, formatting follow it), and one
 * pass over the table checks every row evaluates (a conversion DuckDB refuses would otherwise fail each visual using it).
 */
import { calculatedColumnQuery, duckdb, type CalculatedColumn, type ModelContext } from '@tessera/shared';
import type { Engine } from '../../engine/types';

export type EngineCheck = { ok: true; type: string } | { ok: false; message: string };

/** DuckDB's message without its candidate lists and caret block (the SQL is not the user's text). */
const firstLine = (message: string): string => message.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '').trim();

export async function checkWithEngine(engine: Pick<Engine, 'query'>, ctx: ModelContext, calc: CalculatedColumn): Promise<EngineCheck> {
  const sql = duckdb.query(calculatedColumnQuery(ctx, calc));
  try {
    const described = await engine.query(`DESCRIBE ${sql}`, { priority: 'high', noCache: true });
    const type = described.rows[0]?.column_type;
    if (typeof type !== 'string' || type === '') return { ok: false, message: 'The data engine did not give the column a type.' };
    await engine.query(`SELECT COUNT("value") AS "n" FROM (${sql}) AS "__c"`, { priority: 'high', noCache: true });
    return { ok: true, type };
  } catch (error) {
    return { ok: false, message: `The data engine cannot compute this column: ${firstLine(error instanceof Error ? error.message : String(error))}` };
  }
}

/** The engine's types of several columns (DESCRIBE only); a column it cannot describe is left out. */
export async function describeColumns(engine: Pick<Engine, 'query'>, ctx: ModelContext, calcs: CalculatedColumn[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const calc of calcs) {
    try {
      const described = await engine.query(`DESCRIBE ${duckdb.query(calculatedColumnQuery(ctx, calc))}`, { priority: 'high', noCache: true });
      const type = described.rows[0]?.column_type;
      if (typeof type === 'string' && type !== '') out.set(calc.id, type);
    } catch {
      // a column that no longer compiles or runs keeps its type; its own error shows in the Model view
    }
  }
  return out;
}
