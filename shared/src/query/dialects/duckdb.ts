import type { DateLevel, Sample } from '../ast';
import { SqlDialect } from './base';

/** DuckDB (DuckDB-wasm in the browser): the default dialect. */
export class DuckDBDialect extends SqlDialect {
  override readonly name: string = 'duckdb';

  override dateLevel(expr: string, level: DateLevel): string {
    switch (level) {
      case 'year':
        return `strftime(${expr}, '%Y')`;
      case 'quarter':
        return `(strftime(${expr}, '%Y') || ' Q' || CAST(quarter(${expr}) AS VARCHAR))`;
      case 'month':
        return `strftime(${expr}, '%Y-%m')`;
      case 'day':
        return `strftime(${expr}, '%Y-%m-%d')`;
    }
  }

  /** CURRENT_DATE needs the ICU extension (not always loaded in DuckDB-wasm): this is the UTC date without it. */
  override currentDate(): string {
    return 'CAST(CAST(current_timestamp AS TIMESTAMP) AS DATE)';
  }

  override quantile(expr: string, q: number): string {
    return `quantile_cont(${expr}, ${this.number(q)})`;
  }

  override epoch(expr: string): string {
    return `epoch(${expr})`;
  }

  /** Reservoir sampling keeps exactly `rows` rows (all when fewer); REPEATABLE makes it reproducible. */
  override sample(sample: Sample): string {
    return `USING SAMPLE reservoir(${this.limit(sample.rows)} ROWS) REPEATABLE (${this.limit(sample.seed)})`;
  }
}

/** The shared DuckDB printer (stateless). */
export const duckdb = new DuckDBDialect();
