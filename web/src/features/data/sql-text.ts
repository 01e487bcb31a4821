/** Safe SQL text pieces for DuckDB: identifiers and string literals, always quoted and escaped. */

/** `a"b` → `"a""b"` — any column or table name becomes one identifier, never SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `it's` → `'it''s'` — any text becomes one string literal. NUL bytes are refused by DuckDB, so dropped. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/\0/g, '').replace(/'/g, "''")}'`;
}
