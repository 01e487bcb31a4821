/**
 * Cuts a CSV into byte ranges at record boundaries so that a large file is staged piece by piece:
 * each piece is a real unit of progress and a point where a cancel takes effect. Quotes are tracked
 * from the start of the file, so a newline inside a quoted field is never taken for a cut.
 */

export interface CsvRange {
  start: number;
  end: number;
  /** Records (lines outside quotes, header included) before this range: turns a line number in the piece into one in the file. */
  recordsBefore: number;
}

export interface ChunkDialect {
  quote: string;
  escape: string;
  /** as DuckDB's sniffer reports it: '\\n', '\\r\\n' or '\\r' (escaped) — or the real characters */
  newline: string;
}

const NL = 0x0a;
const WINDOW = 1 << 16;

function singleByte(char: string): number | undefined {
  if (char.length !== 1) return undefined;
  const code = char.charCodeAt(0);
  return code < 0x80 ? code : undefined;
}

/** Whether the file can be cut safely (else it is read as one piece). */
function cuttable(dialect: ChunkDialect): boolean {
  const newline = dialect.newline.replace(/\\r/g, '\r').replace(/\\n/g, '\n');
  if (!newline.includes('\n')) return false; // old-Mac '\r' only files
  if (dialect.quote && singleByte(dialect.quote) === undefined) return false;
  if (dialect.escape && singleByte(dialect.escape) === undefined) return false;
  return true;
}

export async function* planCsvRanges(blob: Blob, dialect: ChunkDialect, chunkBytes: number): AsyncGenerator<CsvRange> {
  const size = blob.size;
  if (size <= chunkBytes || !cuttable(dialect)) {
    yield { start: 0, end: size, recordsBefore: 0 };
    return;
  }
  const quote = dialect.quote ? singleByte(dialect.quote) : undefined;
  const escape = dialect.escape && dialect.escape !== dialect.quote ? singleByte(dialect.escape) : undefined;
  let inQuote = false;
  let skipNext = false;
  let pos = 0;
  let recordsBefore = 0;
  while (pos < size) {
    if (size - pos <= chunkBytes) {
      yield { start: pos, end: size, recordsBefore };
      return;
    }
    const target = pos + chunkBytes;
    let records = 0;
    let cut = -1;
    let at = pos;
    while (cut < 0 && at < size) {
      const windowEnd = Math.min(size, at < target ? target : at + WINDOW);
      const bytes = new Uint8Array(await blob.slice(at, windowEnd).arrayBuffer());
      for (let j = 0; j < bytes.length; j++) {
        if (skipNext) {
          skipNext = false;
          continue;
        }
        const b = bytes[j];
        if (inQuote) {
          if (b === escape) skipNext = true;
          else if (b === quote) inQuote = false;
        } else if (b === quote) {
          inQuote = true;
        } else if (b === NL) {
          records++;
          if (at + j + 1 >= target) {
            cut = at + j + 1;
            break;
          }
        }
      }
      at = windowEnd;
    }
    if (cut < 0 || cut >= size) {
      yield { start: pos, end: size, recordsBefore };
      return;
    }
    yield { start: pos, end: cut, recordsBefore };
    recordsBefore += records;
    pos = cut;
  }
}
