/**
 * Moves dataset snapshots between this browser's DatasetStore and the server, with progress.
 * The stored bytes are sent as they are (Arrow IPC today; DESIGN §5.1 names Parquet).
 */
import { DatasetBlobSchema, listDatasets, WorkbookSchema } from '@tessera/shared';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { DatasetStore } from '../../engine/storage/dataset-store';
import { workbookDatabaseName } from '../../workbook/open-local-workbook';
import { accessToken, authorisedFetch, callApi, ServerError } from './api-client';
import { rememberServerLink } from './server-links';
import { syncServerUrl } from './sync-connection';

/** 0..1 over the whole transfer, with a line of what is happening. */
export type Progress = (fraction: number, label: string) => void;

const datasetPath = (workbookId: string, datasetId: string, version: string): string =>
  `/api/workbooks/${encodeURIComponent(workbookId)}/datasets/${encodeURIComponent(datasetId)}/${encodeURIComponent(version)}`;

/** Creates the server copy of a local workbook (same id), uploads every dataset snapshot, remembers the link. */
export async function shareWorkbook(input: { workspaceId: string; localId: string; name: string; doc: Y.Doc; store: DatasetStore; onProgress: Progress }): Promise<void> {
  const { workspaceId, localId, name, doc, store, onProgress } = input;
  onProgress(0, 'Creating the workbook on the server…');
  await callApi(WorkbookSchema, `/api/workspaces/${encodeURIComponent(workspaceId)}/workbooks`, { method: 'POST', json: { id: localId, name } });
  const datasets = listDatasets(doc);
  for (const [index, dataset] of datasets.entries()) {
    onProgress(index / Math.max(1, datasets.length), `Uploading “${dataset.name}” (${index + 1} of ${datasets.length})…`);
    const blob = await store.get(dataset.id, dataset.version);
    if (!blob) throw new Error(`The data of “${dataset.name}” is not stored in this browser, so it cannot be shared. Import or refresh it, then share again.`);
    const response = await authorisedFetch(datasetPath(localId, dataset.id, dataset.version), {
      method: 'PUT',
      body: blob,
      headers: { 'content-type': 'application/vnd.apache.arrow.file' },
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
export async function downloadWorkbook(input: { workspaceId: string; workbookId: string; store: DatasetStore; onProgress: Progress }): Promise<void> {
  const { workspaceId, workbookId, store, onProgress } = input;
  onProgress(0, 'Fetching the workbook…');
  const doc = await fetchServerDoc(workbookId);
  const persistence = new IndexeddbPersistence(workbookDatabaseName(workbookId), doc);
  try {
    await persistence.whenSynced;
    const datasets = listDatasets(doc);
    for (const [index, dataset] of datasets.entries()) {
      const base = index / Math.max(1, datasets.length);
      const label = `Downloading “${dataset.name}” (${index + 1} of ${datasets.length})…`;
      onProgress(base, label);
      if (await store.get(dataset.id, dataset.version).catch(() => undefined)) continue;
      const bytes = await downloadBytes(datasetPath(workbookId, dataset.id, dataset.version), (received, total) =>
        onProgress(base + (total > 0 ? received / total : 0) / datasets.length, label),
      );
      await store.save(dataset.id, dataset.version, bytes);
    }
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
  rememberServerLink(workbookId, { workspaceId, workbookId });
  onProgress(1, 'Ready offline.');
}
