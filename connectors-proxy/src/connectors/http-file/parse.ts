import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parse } from 'csv-parse';
import type { RecordBatch } from '../../connector';
import { ConnectorError } from '../../errors';

export const BATCH_SIZE = 1000;

/** Streams CSV text (first record = header) into batches of `batchSize` rows; values stay strings. */
export async function* csvBatches(
  body: WebReadableStream<Uint8Array>,
  options: { delimiter?: string; source: string; batchSize?: number },
): AsyncGenerator<RecordBatch> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const parser = Readable.fromWeb(body).pipe(
    parse({ bom: true, delimiter: options.delimiter ?? ',', skip_empty_lines: true, relax_quotes: false }),
  );
  let columns: string[] | undefined;
  let rows: unknown[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = record.map((name, i) => name.trim() || `column_${i + 1}`);
        continue;
      }
      rows.push(record);
      if (rows.length >= batchSize) {
        yield { columns, rows };
        rows = [];
      }
    }
  } catch (error) {
    throw new ConnectorError(
      'invalid_data',
      `The CSV from ${options.source} could not be read: ${error instanceof Error ? error.message : String(error)}. ` +
        'Check that the file is CSV and that the delimiter is right.',
      { cause: error },
    );
  }
  if (!columns) {
    throw new ConnectorError('invalid_data', `The CSV from ${options.source} is empty: it has no header row.`);
  }
  if (rows.length > 0) yield { columns, rows };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns the text of a JSON array of objects into batches. Columns are every key seen, in order of first
 * appearance; a missing key is `null`. Nested objects/arrays are kept as they are.
 */
export function* jsonBatches(text: string, options: { source: string; batchSize?: number }): Generator<RecordBatch> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConnectorError(
      'invalid_data',
      `The JSON from ${options.source} is not valid: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
  if (!Array.isArray(data)) {
    throw new ConnectorError(
      'invalid_data',
      `The JSON from ${options.source} is not an array of records (its top level is ${data === null ? 'null' : typeof data}). ` +
        'Point the URL at a JSON array such as [{"a": 1}, {"a": 2}].',
    );
  }
  const columnIndex = new Map<string, number>();
  data.forEach((item, i) => {
    if (!isPlainObject(item)) {
      throw new ConnectorError('invalid_data', `Item ${i + 1} of the JSON array from ${options.source} is not an object: every item must be a record like {"a": 1}.`);
    }
    for (const key of Object.keys(item)) if (!columnIndex.has(key)) columnIndex.set(key, columnIndex.size);
  });
  const columns = [...columnIndex.keys()];
  for (let start = 0; start < data.length; start += batchSize) {
    const rows = (data.slice(start, start + batchSize) as Record<string, unknown>[]).map((item) =>
      columns.map((column) => (column in item ? item[column] : null)),
    );
    yield { columns, rows };
  }
}
