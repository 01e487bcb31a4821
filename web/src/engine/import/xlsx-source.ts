/** XLSX → rows with read-excel-file (a maintained parser; not the unmaintained `xlsx` 0.18) → CSV. */
import readXlsxFile from 'read-excel-file/universal';
import { rowsToCsvBlob } from './csv-text';
import { ImportError } from './types';

interface SheetCsv {
  sheets: string[];
  sheet: string;
  blob: Blob;
  rowCount: number;
}

type Workbook = { sheet: string; data: unknown[][] }[];

const workbooks = new WeakMap<Blob, Promise<Workbook>>();

function readWorkbook(file: Blob, fileName: string): Promise<Workbook> {
  let pending = workbooks.get(file);
  if (!pending) {
    pending = readXlsxFile(file).then(
      (sheets) => sheets.map((s) => ({ sheet: s.sheet, data: s.data as unknown[][] })),
      (error: unknown) => {
        workbooks.delete(file);
        const detail = error instanceof Error ? error.message : String(error);
        throw new ImportError(`"${fileName}" could not be read as an Excel workbook: ${detail}.`, {
          hint: 'Open it in Excel or LibreOffice, save it again as .xlsx (or as CSV), then import that file.',
        }, { cause: error });
      },
    );
    workbooks.set(file, pending);
  }
  return pending;
}

/** The chosen sheet (the first when none) as CSV text, every row padded to the widest row. */
export async function xlsxSheetCsv(file: Blob, fileName: string, sheet?: string): Promise<SheetCsv> {
  const workbook = await readWorkbook(file, fileName);
  const sheets = workbook.map((s) => s.sheet);
  const chosen = sheet === undefined ? workbook[0] : workbook.find((s) => s.sheet === sheet);
  if (!chosen) {
    throw new ImportError(`"${fileName}" has no sheet named "${sheet}".`, { hint: `Choose one of: ${sheets.join(', ')}.` });
  }
  const width = chosen.data.reduce((max, row) => Math.max(max, row.length), 0);
  if (chosen.data.length === 0 || width === 0) {
    throw new ImportError(`Sheet "${chosen.sheet}" of "${fileName}" is empty.`, { hint: 'Choose another sheet.' });
  }
  const rows = chosen.data.map((row) => (row.length === width ? row : [...row, ...Array<null>(width - row.length).fill(null)]));
  return { sheets, sheet: chosen.sheet, blob: rowsToCsvBlob(rows), rowCount: rows.length };
}
