/**
 * The rows a built spec binds as data "table". Some builders enrich the result rows (the map adds the
 * matched shape name `__geo`), so a chart updated in place must receive these, not the raw rows.
 */
type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function specTableRows(spec: Json): Record<string, unknown>[] | undefined {
  const data = spec.data;
  const table = isRecord(data) ? data : Array.isArray(data) ? data.find((d) => isRecord(d) && d.name === 'table') : undefined;
  if (!isRecord(table) || table.name !== 'table' || !Array.isArray(table.values)) return undefined;
  return table.values as Record<string, unknown>[];
}
