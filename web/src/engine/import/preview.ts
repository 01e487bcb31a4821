/** previewImport: sniff a file and show its first rows, before anything is stored. */
import type { LocalEngine } from '../local-engine';
import { CONVERTED_DIALECT, plainValue } from './csv-text';
import { previewCsvRows, sniffCsv } from './csv-sql';
import { detectFormat } from './detect-format';
import { DuckFiles } from './duck-files';
import { toImportError, type LineMapping } from './errors';
import { keysOf, readJsonRecords, readNdjsonSample, recordsToCsv, type JsonRecord } from './json-source';
import { parquetPreviewRows, readParquetInfo } from './parquet-source';
import { xlsxSheetCsv } from './xlsx-source';
import { ImportError, type ImportFormat, type ImportOptions, type ImportPreview } from './types';

export const PREVIEW_ROWS = 100;
/** JSON records used to sniff column types. */
const TYPE_SAMPLE = 1000;

const NO_LINES: LineMapping = { label: 'Line', map: (line) => line };

export async function readHead(file: Blob, bytes = 4096): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, bytes).arrayBuffer());
}

/** The file's CSV text (the file itself, or a sheet converted) sniffed and previewed by DuckDB. */
async function previewCsvBlob(
  engine: LocalEngine,
  blob: Blob,
  overrides: { header?: boolean; delimiter?: string; quote?: string; escape?: string },
) {
  const files = new DuckFiles(await engine.duckdb());
  try {
    const name = await files.register(blob, 'csv');
    const sniff = await sniffCsv(engine, name, overrides);
    if (sniff.columns.length === 0) throw new Error('no columns were found');
    const rows = await previewCsvRows(engine, name, sniff.dialect, sniff.header, sniff.columns, PREVIEW_ROWS);
    return { ...sniff, rows };
  } finally {
    await files.dropAll();
  }
}

async function previewJson(engine: LocalEngine, fileName: string, format: ImportFormat, records: JsonRecord[], rowEstimate?: number): Promise<ImportPreview> {
  if (records.length === 0) throw new ImportError(`"${fileName}" holds no records.`, { hint: 'Choose a file with at least one JSON object.' });
  const keys = keysOf(format === 'json' ? records : records.slice(0, TYPE_SAMPLE));
  if (keys.length === 0) throw new ImportError(`The records of "${fileName}" have no fields.`, { hint: 'Choose a file whose objects hold fields.' });
  const sample = recordsToCsv(records.slice(0, TYPE_SAMPLE), keys, true);
  const sniff = await previewCsvBlob(engine, sample, { header: true, delimiter: ',', quote: '"', escape: '"' });
  return {
    fileName,
    format,
    options: { header: true },
    columns: keys.map((key, i) => ({ name: key, sourceName: key, type: sniff.columns[i]?.type ?? 'VARCHAR' })),
    rows: records.slice(0, PREVIEW_ROWS).map((r) => keys.map((k) => plainValue(r[k]))),
    rowEstimate,
    dialect: { ...CONVERTED_DIALECT, dateFormat: sniff.dialect.dateFormat, timestampFormat: sniff.dialect.timestampFormat },
  };
}

/**
 * Reads the start of `file` (all of it for JSON arrays and XLSX) and returns its sniffed columns,
 * types and first 100 rows. Nothing is kept: no DuckDB table, no registered file.
 */
export async function previewImport(engine: LocalEngine, file: File, options: ImportOptions = {}): Promise<ImportPreview> {
  const fileName = file.name;
  try {
    const format = detectFormat(fileName, await readHead(file));
    switch (format) {
      case 'csv':
      case 'tsv': {
        if (file.size === 0) throw new ImportError(`"${fileName}" is empty.`, { hint: 'Choose a file that holds data.' });
        const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : undefined);
        const sniff = await previewCsvBlob(engine, file, { header: options.header, delimiter });
        return {
          fileName,
          format,
          options: { header: sniff.header, delimiter: sniff.dialect.delimiter },
          columns: sniff.columns,
          rows: sniff.rows,
          dialect: sniff.dialect,
        };
      }
      case 'xlsx': {
        const sheet = await xlsxSheetCsv(file, fileName, options.sheet);
        const sniff = await previewCsvBlob(engine, sheet.blob, { header: options.header, delimiter: ',', quote: '"', escape: '"' });
        return {
          fileName,
          format,
          options: { header: sniff.header, sheet: sheet.sheet, sheets: sheet.sheets },
          columns: sniff.columns,
          rows: sniff.rows,
          rowEstimate: sheet.rowCount - (sniff.header ? 1 : 0),
          dialect: sniff.dialect,
        };
      }
      case 'json': {
        const records = await readJsonRecords(file, fileName);
        return await previewJson(engine, fileName, format, records, records.length);
      }
      case 'ndjson':
        return await previewJson(engine, fileName, format, await readNdjsonSample(file, TYPE_SAMPLE));
      case 'parquet': {
        const info = await readParquetInfo(file, fileName);
        const rows = await parquetPreviewRows(file, info, PREVIEW_ROWS);
        return {
          fileName,
          format,
          options: { header: true },
          columns: info.columns,
          rows: rows.map((row) => row.map(plainValue)),
          rowEstimate: info.rowCount,
          dialect: { ...CONVERTED_DIALECT },
        };
      }
    }
  } catch (error) {
    throw toImportError(error, NO_LINES, fileName);
  }
}
