import { ImportError, type ImportFormat } from './types';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  xlsx: 'xlsx',
};

export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.parquet', '.xlsx'];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The first non-whitespace byte (after a UTF-8 BOM), or undefined. */
function firstSignificant(bytes: Uint8Array): number | undefined {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i])) i++;
  return bytes[i];
}

/**
 * The file's format from its content where it is unambiguous (Parquet "PAR1", ZIP → XLSX, legacy
 * XLS), else from its extension. `firstBytes`: the first few KB of the file.
 */
export function detectFormat(fileName: string, firstBytes: Uint8Array): ImportFormat {
  if (startsWith(firstBytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (startsWith(firstBytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError(`"${fileName}" is a legacy Excel .xls file, which Tessera cannot read.`, {
      hint: 'Open it in Excel or LibreOffice, save it as .xlsx (or CSV), then import that file.',
    });
  }
  if (startsWith(firstBytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExt = ext ? BY_EXTENSION[ext] : undefined;
  if (byExt === 'json' || byExt === 'ndjson') {
    // A .json file holding one object per line is NDJSON; one starting with '[' is a JSON array.
    const first = firstSignificant(firstBytes);
    if (first === 0x5b) return 'json';
    if (first === 0x7b && byExt === 'json') return looksLineDelimited(firstBytes) ? 'ndjson' : 'json';
    return byExt;
  }
  if (byExt) return byExt;
  const first = firstSignificant(firstBytes);
  if (first === 0x5b) return 'json';
  if (first === 0x7b) return 'ndjson';
  if (firstBytes.length > 0) return 'csv';
  throw new ImportError(`"${fileName}" is empty.`, { hint: 'Choose a file that holds data.' });
}

/** `{…}\n{…` within the sample: a newline followed by '{' after the first line closes an object. */
function looksLineDelimited(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes);
  return /\}\s*\r?\n\s*\{/.test(text);
}
