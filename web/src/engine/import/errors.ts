/**
 * DuckDB's CSV reader errors → ImportError with the line, the column and what to do. DuckDB 1.4 says:
 *
 *   Conversion Error: CSV Error on Line: 5
 *   Original Line: 4,abc,2024-01-04
 *   Error when converting column "amount". Could not convert string "abc" to 'DOUBLE'
 *
 *   Invalid Input Error: CSV Error on Line: 3 / Original Line: 2,3,4 / Expected Number of Columns: 2 Found: 3
 *   … / Value with unterminated quote found.
 *
 * Its line numbers count CSV records (header included) of the piece it read; `mapLine` turns them
 * into the file's line (CSV), row (XLSX, Parquet) or record (JSON) number.
 */
import { ImportCancelledError, ImportError } from './types';

export type LineLabel = 'Line' | 'Row' | 'Record';

export interface LineMapping {
  label: LineLabel;
  /** DuckDB's line in the piece → the number shown to the user (undefined when unknown) */
  map: (duckLine: number) => number | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'QueryCancelledError');
}

/** The first line of a DuckDB message without its "Xxx Error: " prefix. */
function firstLine(message: string): string {
  return (message.split('\n').find((line) => line.trim()) ?? message).replace(/^[A-Za-z ]*Error:\s*/, '').trim();
}

export function toImportError(error: unknown, mapping: LineMapping, fileName: string): Error {
  if (error instanceof ImportError || error instanceof ImportCancelledError) return error;
  if (isAbort(error)) return new ImportCancelledError();
  const message = messageOf(error);
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message);
  const line = lineMatch ? mapping.map(Number(lineMatch[1])) : undefined;
  const where = line !== undefined ? `${mapping.label} ${line}` : undefined;

  const conversion = /Error when converting column "((?:[^"]|"")*)"\. Could not convert string "([\s\S]*?)" to '([^']+)'/.exec(message);
  if (conversion) {
    const [, column, value, type] = conversion;
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    const hint = `Fix the file or change the column's type to VARCHAR, then import again.`;
    const article = /^[AEIOU]/.test(type) ? 'an' : 'a';
    return new ImportError(`${where ? `${where}, c` : 'C'}olumn "${column}": "${shown}" is not ${article} ${type}. ${hint}`, {
      line,
      lineLabel: mapping.label,
      column,
      value,
      hint,
    }, { cause: error });
  }

  const columnsCount = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columnsCount) {
    const hint = 'Check the delimiter and the quotes on that line (or choose another delimiter), then import again.';
    return new ImportError(`${where ?? 'A line'}: expected ${columnsCount[1]} columns but found ${columnsCount[2]}. ${hint}`, {
      line,
      lineLabel: mapping.label,
      hint,
    }, { cause: error });
  }

  if (/unterminated quote/i.test(message)) {
    const hint = 'Close the quote in the file (or turn quoting off by re-saving it), then import again.';
    return new ImportError(`${where ?? 'A line'}: a value has an opening quote without a closing one. ${hint}`, {
      line,
      lineLabel: mapping.label,
      hint,
    }, { cause: error });
  }

  if (lineMatch) {
    const detail = message.split('\n').map((l) => l.trim()).find((l) => l && !/^(CSV Error|Original Line|[A-Za-z ]*Error:)/.test(l)) ?? firstLine(message);
    const hint = 'Fix that line in the file or change the import settings, then import again.';
    return new ImportError(`${where}: ${detail.replace(/\.$/, '')}. ${hint}`, { line, lineLabel: mapping.label, hint }, { cause: error });
  }

  const hint = 'Check that the file is complete and of the type its name says, then import again.';
  return new ImportError(`"${fileName}" could not be read: ${firstLine(message).replace(/\.$/, '')}. ${hint}`, { hint }, { cause: error });
}
