import { QueryError } from './types';

/**
 * The 0-based offset into `sql` that DuckDB points at in its caret block:
 *
 *     LINE 2: ...from orders where nope > 1
 *                                  ^
 * The shown line may be cut on the left and right ("..."), so the shown text is located in the
 * real line and the caret column mapped back through it.
 */
export function errorPosition(message: string, sql: string): number | undefined {
  const match = /(?:^|\n)(LINE (\d+): )([^\n]*)\n( *)\^/.exec(message);
  if (!match) return undefined;
  const [, prefix, lineText, shown, spaces] = match;
  const lineNumber = Number(lineText);
  const lines = sql.split('\n');
  if (lineNumber < 1 || lineNumber > lines.length) return undefined;
  const lineStart = lines.slice(0, lineNumber - 1).reduce((sum, line) => sum + line.length + 1, 0);
  const line = lines[lineNumber - 1];
  const caret = spaces.length - prefix.length;
  let body = shown;
  let lead = 0;
  if (body.startsWith('...')) {
    body = body.slice(3);
    lead = 3;
  }
  if (body.endsWith('...')) body = body.slice(0, -3);
  const column = caret - lead;
  let start = line.indexOf(body);
  if (start < 0) {
    // DuckDB may have normalised whitespace (tabs); fall back to the column when nothing was cut.
    if (lead > 0) return undefined;
    start = 0;
  }
  const offset = start + column;
  return Math.max(0, Math.min(lineStart + offset, sql.length));
}

/**
 * Any failure from DuckDB → QueryError with its message and, when known, the position. DuckDB
 * sometimes reports errors as JSON ({exception_type, exception_message, position}); those are
 * turned into the usual "<Type> Error: <message>" text.
 */
export function toQueryError(error: unknown, sql: string): QueryError {
  if (error instanceof QueryError) return error;
  let message = error instanceof Error ? error.message : String(error);
  let position: number | undefined;
  if (message.startsWith('{')) {
    try {
      const parsed = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown; position?: unknown };
      if (typeof parsed.exception_message === 'string') {
        const type = typeof parsed.exception_type === 'string' ? parsed.exception_type : '';
        message = type ? `${type} Error: ${parsed.exception_message}` : parsed.exception_message;
        const at = Number(parsed.position);
        if (parsed.position !== undefined && Number.isInteger(at) && at >= 0 && at <= sql.length) position = at;
      }
    } catch {
      // not JSON after all: keep the text as it is
    }
  }
  return new QueryError(message, sql, position ?? errorPosition(message, sql));
}
