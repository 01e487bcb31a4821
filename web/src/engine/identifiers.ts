/** SQL identifiers and literals the engine writes into SQL. */

/** Double-quoted identifier, safe for any name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Single-quoted string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The internal table holding a dataset's rows (always quote it: ids may hold '-'). */
export function datasetTableName(datasetId: string): string {
  return `ds_${datasetId}`;
}

/**
 * A dataset name made an identifier usable unquoted in SQL Lab: letters, digits and '_', not starting
 * with a digit, not a reserved word, not taken (compared case-insensitively, as DuckDB does).
 */
export function safeIdentifier(name: string, taken: ReadonlySet<string>, reserved: ReadonlySet<string>): string {
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.(csv|tsv|json|parquet|xlsx|arrow)$/i, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (!base) base = 'dataset';
  if (/^[0-9]/.test(base)) base = `t_${base}`;
  if (reserved.has(base.toLowerCase()) || /^ds_/i.test(base)) base = `${base}_data`;
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
  return candidate;
}
