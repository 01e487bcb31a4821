/**
 * Moves dataset snapshots between this browser's DatasetStore and the server, with progress.
 * The server holds Parquet (DESIGN §5.1), this browser Arrow IPC: snapshot-parquet.ts converts at the
 * boundary. A downloaded snapshot is stored under the version the workbook names (the sharer's content
 * hash of its Arrow bytes), so both sides agree on dataset id and version.
 */
import { DatasetBlobSchema, listDatasets, WorkbookSchema } from '@tessera/shared';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { LocalEngine } from '../../engine/local-engine';
import type { DatasetStore } from '../../engine/storage/dataset-store';
import { workbookDatabaseName } from '../../workbook/open-local-workbook';
import { accessToken, authorisedFetch, callApi, errorText, ServerError } from './api-client';
import { rememberServerLink } from './server-links';
import { parquetToSnapshot, snapshotToParquet } from './snapshot-parquet';
import { syncServerUrl } from './sync-connection';

/** Share of a dataset's progress taken by the transfer; the rest is the conversion to Arrow. */
const DOWNLOAD_SHARE = 0.6;

/** 0..1 over the whole transfer, with a line of what is happening. */
export type Progress = (fraction: number, label: string) => void;

const datasetPath = (workbookId: string, datasetId: string, version: string): string =>
  `/api/workbooks/${encodeURIComponent(workbookId)}/datasets/${encodeURIComponent(datasetId)}/${encodeURIComponent(version)}`;

/** Creates the server copy of a local workbook (same id), uploads every dataset snapshot, remembers the link. */
export async function shareWorkbook(input: {
  workspaceId: string;
  localId: string;
  name: string;
  doc: Y.Doc;
  engine: LocalEngine;
  store: DatasetStore;
  onProgress: Progress;
}): Promise<void> {
  const { workspaceId, localId, name, doc, engine, store, onProgress } = input;
  onProgress(0, 'Creating the workbook on the server…');
  await callApi(WorkbookSchema, `/api/workspaces/${encodeURIComponent(workspaceId)}/workbooks`, { method: 'POST', json: { id: localId, name } });
  const datasets = listDatasets(doc);
  for (const [index, dataset] of datasets.entries()) {
    const base = index / Math.max(1, datasets.length);
    const of = `(${index + 1} of ${datasets.length})`;
    onProgress(base, `Preparing “${dataset.name}” for upload ${of}…`);
    const blob = await store.get(dataset.id, dataset.version);
    if (!blob) throw new Error(`The data of “${dataset.name}” is not stored in this browser, so it cannot be shared. Import or refresh it, then share again.`);
    const parquet = await snapshotToParquet(engine, dataset, blob).catch((error: unknown) => {
      throw new Error(`“${dataset.name}” could not be converted to Parquet for the server: ${errorText(error).replace(/\.$/, '')}.`, { cause: error });
    });
    onProgress(base + 0.5 / datasets.length, `Uploading “${dataset.name}” ${of}…`);
    const response = await authorisedFetch(datasetPath(localId, dataset.id, dataset.version), {
      method: 'PUT',
      body: parquet as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': 'application/vnd.apache.parquet' },
    });
    DatasetBlobSchema.parse(await response.json());
  }
  onProgress(1, 'Shared.');
  rememberServerLink(localId, { workspaceId, workbookId: localId });
}

async function downloadBytes(path: string, onBytes: (received: number, total: number) => void): Promise<Uint8Array> {
  const response = await authorisedFetch(path);
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received, total);
  }
  const out = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Fetches the whole server document of `workbookId` once (sync handshake), then closes the socket. */
async function fetchServerDoc(workbookId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncServerUrl(), workbookId, doc, { params: { token: await accessToken() } });
  try {
    await new Promise<void>((resolve, reject) => {
      provider.on('sync', (synced) => synced && resolve());
      provider.on('closed', ({ code }) => reject(new ServerError(code, 'sync_closed', code === 4403 ? 'You no longer have access to this workbook.' : `The server closed the connection (code ${code}).`)));
    });
  } finally {
    provider.destroy();
  }
  return doc;
}

/** Downloads a server workbook into this browser under the server's id (document + dataset snapshots). */
export async function downloadWorkbook(input: { workspaceId: string; workbookId: string; engine: LocalEngine; store: DatasetStore; onProgress: Progress }): Promise<void> {
  const { workspaceId, workbookId, engine, store, onProgress } = input;
  onProgress(0, 'Fetching the workbook…');
  const doc = await fetchServerDoc(workbookId);
  const persistence = new IndexeddbPersistence(workbookDatabaseName(workbookId), doc);
  try {
    await persistence.whenSynced;
    const datasets = listDatasets(doc);
    for (const [index, dataset] of datasets.entries()) {
      const base = index / Math.max(1, datasets.length);
      const share = 1 / Math.max(1, datasets.length);
      const of = `(${index + 1} of ${datasets.length})`;
      const label = `Downloading “${dataset.name}” ${of}…`;
      onProgress(base, label);
      if (await store.get(dataset.id, dataset.version).catch(() => undefined)) continue;
      // The transfer is the first half of this dataset's share of the bar, the conversion the second.
      const bytes = await downloadBytes(datasetPath(workbookId, dataset.id, dataset.version), (received, total) =>
        onProgress(base + (total > 0 ? received / total : 0) * share * DOWNLOAD_SHARE, label),
      );
      const converting = `Preparing “${dataset.name}” for offline use ${of}…`;
      onProgress(base + share * DOWNLOAD_SHARE, converting);
      const snapshot = await parquetToSnapshot(engine, new Blob([bytes as Uint8Array<ArrayBuffer>]), dataset, {
        onProgress: (fraction) => onProgress(base + share * (DOWNLOAD_SHARE + (1 - DOWNLOAD_SHARE) * fraction), converting),
      });
      // Under the version the workbook names: the same id and version as everyone else's copy.
      await store.save(dataset.id, dataset.version, snapshot);
    }
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
  rememberServerLink(workbookId, { workspaceId, workbookId });
  onProgress(1, 'Ready offline.');
}
