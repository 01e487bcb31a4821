/** A source read in pieces: each is CSV text that DuckDB stages with the same read_csv call. */
import { planCsvRanges } from './csv-chunks';
import type { LineLabel, LineMapping } from './errors';
import type { CsvDialect } from './types';

export interface StagePiece {
  blob: Blob;
  /** the piece starts with the header row */
  header: boolean;
  /** lines to skip before the header/first row */
  skip: number;
  /** progress after this piece, in the unit of PieceSource.total */
  done: number;
  mapping: LineMapping;
}

export interface PieceSource {
  total: number;
  pieces: AsyncGenerator<StagePiece>;
}

/**
 * A CSV blob cut at record boundaries. DuckDB's line n of a piece is record
 * `recordsBefore + n` of the blob; `shift` turns that into the number the user knows
 * (e.g. -1 for JSON records, whose CSV has a header line the file does not).
 */
export function csvPieces(blob: Blob, dialect: CsvDialect, header: boolean, chunkBytes: number, label: LineLabel, shift = 0): PieceSource {
  async function* generate(): AsyncGenerator<StagePiece> {
    for await (const range of planCsvRanges(blob, dialect, chunkBytes)) {
      const first = range.start === 0;
      yield {
        blob: first && range.end === blob.size ? blob : blob.slice(range.start, range.end),
        header: first && header,
        skip: first ? dialect.skip : 0,
        done: range.end,
        mapping: { label, map: (line) => range.recordsBefore + line + shift },
      };
    }
  }
  return { total: blob.size, pieces: generate() };
}
