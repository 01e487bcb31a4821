/** Pure helpers of SQL Lab: error positions, what to run, and the display cap. */

export interface LineColumn {
  /** 1-based */
  line: number;
  /** 1-based, in characters */
  column: number;
}

/** 0-based character offset → 1-based line and column (lines split on \n; \r\n counts as one break). */
export function positionToLineColumn(text: string, position: number): LineColumn {
  const offset = Math.max(0, Math.min(Math.floor(position), text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  let column = offset - lineStart + 1;
  // A position right after a '\r' of a CRLF pair still belongs to that line's end.
  if (column > 1 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) column -= 1;
  return { line, column };
}

/** The extent of the token starting at `position` (for selecting it in the editor). */
export function tokenEnd(text: string, position: number): number {
  let end = position;
  while (end < text.length && /[\w$."]/.test(text[end])) end += 1;
  return end > position ? end : Math.min(text.length, position + 1);
}

export interface RunTarget {
  sql: string;
  /** offset of `sql` inside the editor text */
  start: number;
}

/** The selection when there is one (not just whitespace), else the whole editor text. */
export function runTarget(text: string, selectionStart: number, selectionEnd: number): RunTarget {
  const from = Math.min(selectionStart, selectionEnd);
  const to = Math.max(selectionStart, selectionEnd);
  if (to > from && text.slice(from, to).trim() !== '') return { sql: text.slice(from, to), start: from };
  return { sql: text, start: 0 };
}

/** Rows SQL Lab keeps and shows at most; Export CSV writes the full result. */
export const DISPLAY_ROW_CAP = 100_000;

const READ_QUERY = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(SELECT|WITH|FROM|VALUES|TABLE)\b/i;

export interface CappedQuery {
  /** the SQL sent to the engine */
  sql: string;
  /** characters added before the user's SQL (subtract from error positions) */
  prefixLength: number;
  /** true when the result is limited to DISPLAY_ROW_CAP + 1 rows */
  capped: boolean;
}

/**
 * A single read query is wrapped so at most cap+1 rows come back into memory (the +1 tells us there
 * were more). Anything else (DDL, PRAGMA, DESCRIBE, several statements) runs unchanged.
 */
export function capQuery(sql: string, cap = DISPLAY_ROW_CAP): CappedQuery {
  const body = sql.replace(/[\s;]+$/, '');
  if (!READ_QUERY.test(body) || hasStatementBreak(body)) return { sql, prefixLength: 0, capped: false };
  const prefix = 'SELECT * FROM (\n';
  return { sql: `${prefix}${body}\n) LIMIT ${cap + 1}`, prefixLength: prefix.length, capped: true };
}

/** True when `sql` holds a ';' outside strings, quoted identifiers and comments. */
function hasStatementBreak(sql: string): boolean {
  let index = 0;
  while (index < sql.length) {
    const char = sql[index];
    if (char === "'" || char === '"') {
      const close = sql.indexOf(char, index + 1);
      if (close < 0) return false;
      index = close + 1;
      continue;
    }
    if (char === '-' && sql[index + 1] === '-') {
      const close = sql.indexOf('\n', index);
      if (close < 0) return false;
      index = close + 1;
      continue;
    }
    if (char === '/' && sql[index + 1] === '*') {
      const close = sql.indexOf('*/', index + 2);
      if (close < 0) return false;
      index = close + 2;
      continue;
    }
    if (char === ';') return true;
    index += 1;
  }
  return false;
}

/** DuckDB's "LINE n:" in an error about a capped query, renumbered to the user's own lines. */
export function uncapErrorMessage(message: string, capped: CappedQuery): string {
  if (!capped.capped) return message;
  const addedLines = capped.sql.slice(0, capped.prefixLength).split('\n').length - 1;
  return message.replace(/\bLINE (\d+):/g, (_match, line: string) => `LINE ${Math.max(1, Number(line) - addedLines)}:`);
}
