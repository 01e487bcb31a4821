/**
 * JSON (array of objects) and NDJSON (one object per line) → rows → CSV. DuckDB-wasm 1.32 loads its
 * json extension over the network, so the parsing is done here (offline) and DuckDB reads CSV.
 * Nested values become JSON text in a VARCHAR column.
 */
import { csvLine, rowsToCsvBlob } from './csv-text';
import { planCsvRanges } from './csv-chunks';
import type { PieceSource, StagePiece } from './pieces';
import { ImportError } from './types';

export type JsonRecord = Record<string, unknown>;

const HINT = 'Fix the JSON in the file (a validator shows where), then import again.';

function asRecord(value: unknown): JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord) : { value };
}

/** Line of a character offset in text (1-based). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const arrays = new WeakMap<Blob, Promise<JsonRecord[]>>();

/** A JSON file: an array of objects (a single object is one record). Parsed once per file. */
export function readJsonRecords(file: Blob, fileName: string): Promise<JsonRecord[]> {
  let pending = arrays.get(file);
  if (!pending) {
    pending = file.text().then((text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const position = /position (\d+)/.exec(detail);
        const line = position ? lineAt(text, Number(position[1])) : undefined;
        throw new ImportError(`${line ? `Line ${line}: ` : ''}"${fileName}" is not valid JSON (${detail}). ${HINT}`, { line, lineLabel: 'Line', hint: HINT });
      }
      return Array.isArray(parsed) ? parsed.map(asRecord) : [asRecord(parsed)];
    });
    pending.catch(() => arrays.delete(file));
    arrays.set(file, pending);
  }
  return pending;
}

/** Keys of the records, in first-seen order. */
export function keysOf(records: Iterable<JsonRecord>): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}

export function recordsToCsv(records: readonly JsonRecord[], keys: readonly string[], header: boolean): Blob {
  return rowsToCsvBlob(
    records.map((r) => keys.map((k) => r[k])),
    header ? keys : undefined,
  );
}

function parseLine(text: string, line: number): JsonRecord {
  try {
    return asRecord(JSON.parse(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`Line ${line} is not valid JSON (${detail}). ${HINT}`, { line, lineLabel: 'Line', hint: HINT });
  }
}

/** The first `limit` records of an NDJSON file (reads only the start of the file). */
export async function readNdjsonSample(file: Blob, limit = 1000): Promise<JsonRecord[]> {
  const records: JsonRecord[] = [];
  let start = 0;
  let carry = '';
  let line = 0;
  const decoder = new TextDecoder();
  while (records.length < limit && start < file.size) {
    const end = Math.min(file.size, start + (1 << 20));
    const text = carry + decoder.decode(new Uint8Array(await file.slice(start, end).arrayBuffer()), { stream: end < file.size });
    const lines = text.split('\n');
    carry = end < file.size ? (lines.pop() ?? '') : '';
    for (const raw of lines) {
      line++;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      records.push(parseLine(trimmed, line));
      if (records.length >= limit) break;
    }
    start = end;
  }
  if (carry.trim() && records.length < limit) records.push(parseLine(carry.trim(), line + 1));
  return records;
}

/**
 * NDJSON cut at newlines (a JSON string cannot hold a raw newline, so every newline ends a record),
 * each piece turned into header-less CSV in `keys` order. A key the preview did not see is an error
 * that names its line (the dataset's columns were fixed by the preview).
 */
export function ndjsonPieces(file: Blob, keys: readonly string[], chunkBytes: number): PieceSource {
  const known = new Set(keys);
  async function* generate(): AsyncGenerator<StagePiece> {
    const decoder = new TextDecoder();
    for await (const range of planCsvRanges(file, { quote: '', escape: '', newline: '\\n' }, chunkBytes)) {
      const text = decoder.decode(new Uint8Array(await file.slice(range.start, range.end).arrayBuffer()));
      const lines = text.split('\n');
      const lineNumbers: number[] = [];
      let csv = '';
      lines.forEach((raw, index) => {
        const trimmed = raw.trim();
        if (!trimmed) return;
        const line = range.recordsBefore + index + 1;
        const record = parseLine(trimmed, line);
        for (const key of Object.keys(record)) {
          if (!known.has(key)) {
            const hint = 'Put every field in the first lines of the file (or import a JSON array), then import again.';
            throw new ImportError(`Line ${line}: the field "${key}" does not appear in the first 1000 lines, which set the columns. ${hint}`, {
              line,
              lineLabel: 'Line',
              column: key,
              hint,
            });
          }
        }
        lineNumbers.push(line);
        csv += csvLine(keys.map((k) => record[k]));
      });
      yield {
        blob: new Blob([csv], { type: 'text/csv' }),
        header: false,
        skip: 0,
        done: range.end,
        mapping: { label: 'Line', map: (l) => lineNumbers[l - 1] },
      };
    }
  }
  return { total: file.size, pieces: generate() };
}
