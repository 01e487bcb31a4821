/** The raw reference's way to get a query result as Arrow IPC stream bytes (what AsyncDuckDB gives, nothing added). */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';

const IPC_END = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

export async function queryIpc(conn: AsyncDuckDBConnection, sql: string): Promise<Uint8Array> {
  const chunks = await conn.useUnsafe(async (db, id) => {
    let header = await db.startPendingQuery(id, sql, false);
    while (header == null) header = await db.pollPendingQuery(id);
    const parts: Uint8Array[] = [header];
    for (;;) {
      const chunk = await db.fetchQueryResults(id);
      if (chunk == null) continue;
      if (chunk.length === 0) break;
      parts.push(chunk);
    }
    parts.push(IPC_END);
    return parts;
  });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
