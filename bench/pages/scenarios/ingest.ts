/**
 * Ingest: the same CSV File through our import path (previewImport + commitImport into the real
 * OPFS dataset store and a Y.Doc) and through raw DuckDB-wasm (read_csv into a table, then the
 * snapshot bytes in the same format ours stores).
 */
import * as Y from 'yjs';
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import { initWorkbook } from '@tessera/shared';
import { browserDuckDBFactory } from '../../../web/src/engine/duckdb-browser';
import { LocalEngine } from '../../../web/src/engine/local-engine';
import { createDatasetStore } from '../../../web/src/engine/storage/dataset-store';
import { commitImport, previewImport } from '../../../web/src/engine/import';
import type { IngestFigures, SnapshotFormat } from '../api';
import { queryIpc } from './raw-ipc';

let file: File | undefined;

export async function loadFile(url: string, name: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  // A Blob from the network stays in the browser's blob store: never copied through JS strings.
  const blob = await response.blob();
  file = new File([blob], name, { type: 'text/csv' });
  return file.size;
}

function requireFile(): File {
  if (!file) throw new Error('loadFile() first');
  return file;
}

async function formatOf(blob: Blob): Promise<SnapshotFormat | 'unknown'> {
  const head = new Uint8Array(await blob.slice(0, 6).arrayBuffer());
  const text = String.fromCharCode(...head);
  if (text.startsWith('PAR1')) return 'parquet';
  if (text.startsWith('ARROW1') || (head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff)) return 'arrow';
  return 'unknown';
}

export async function ingestRaw(format: SnapshotFormat): Promise<IngestFigures> {
  const input = requireFile();
  const { db } = await browserDuckDBFactory();
  try {
    const conn = await db.connect();
    const started = performance.now();
    await db.registerFileHandle('raw_input.csv', input, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    await conn.query(`CREATE TABLE raw_t AS SELECT * FROM read_csv('raw_input.csv')`);
    let bytes: Uint8Array;
    if (format === 'parquet') {
      await conn.query(`COPY raw_t TO 'raw_out.parquet' (FORMAT parquet, COMPRESSION zstd)`);
      bytes = await db.copyFileToBuffer('raw_out.parquet');
    } else {
      bytes = await queryIpc(conn, 'SELECT * FROM raw_t');
    }
    const ms = performance.now() - started;
    const count = await conn.query('SELECT count(*)::DOUBLE AS n FROM raw_t');
    const rows = Number(count.getChildAt(0)?.get(0) ?? 0);
    await conn.close();
    return { ms, rows, bytes: bytes.byteLength, format };
  } finally {
    await db.terminate();
  }
}

export async function ingestOurs(): Promise<IngestFigures> {
  const input = requireFile();
  const engine = new LocalEngine(browserDuckDBFactory);
  try {
    await engine.ready();
    const store = await createDatasetStore();
    const doc = new Y.Doc();
    initWorkbook(doc, { name: 'Benchmark' });
    const phases: Record<string, number> = {};
    const previewStarted = performance.now();
    const preview = await previewImport(engine, input);
    const started = performance.now();
    const result = await commitImport(engine, store, doc, input, preview, {
      onProgress: (_fraction, phase) => {
        if (!(phase in phases)) phases[phase] = performance.now() - started;
      },
    });
    const ms = performance.now() - started;
    const stored = await store.get(result.datasetId, result.version);
    const figures: IngestFigures = {
      ms,
      rows: result.rowCount,
      bytes: stored?.size ?? 0,
      format: stored ? await formatOf(stored) : 'unknown',
      previewMs: started - previewStarted,
      phases,
    };
    await store.delete(result.datasetId);
    return figures;
  } finally {
    await engine.dispose();
  }
}
