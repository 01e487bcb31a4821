/**
 * The .tessera workbook file: a zip (fflate) holding
 *   manifest.json                      {format: 'tessera', formatVersion: 1, appVersion, workbookId, name, datasets[]}
 *   workbook.yjs                       Y.encodeStateAsUpdate of the workbook document
 *   datasets/<id>@<version>.arrows     each dataset's stored snapshot (Arrow IPC stream), checked by sha256
 * `unpackWorkbookFile` validates everything (archive, manifest, checksums, the Y update on a scratch
 * document) before it returns: a damaged or foreign file throws TesseraFileError and nothing is used.
 * Pure: no DOM, works in Node (unit tests) and the browser.
 */
import { readMeta } from '@tessera/shared';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import * as Y from 'yjs';
import { z } from 'zod';

export const TESSERA_FORMAT = 'tessera';
export const TESSERA_FORMAT_VERSION = 1;
export const TESSERA_EXTENSION = '.tessera';
export const TESSERA_MIME = 'application/x-tessera';

const ManifestDatasetSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  version: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const ManifestSchema = z.object({
  format: z.literal(TESSERA_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  workbookId: z.string().min(1),
  name: z.string(),
  datasets: z.array(ManifestDatasetSchema),
});

export type TesseraManifest = z.infer<typeof ManifestSchema>;
export type ManifestDataset = z.infer<typeof ManifestDatasetSchema>;

/** A file that cannot be opened; `message` says what is wrong and what to do. */
export class TesseraFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TesseraFileError';
  }
}

export interface WorkbookFileDataset {
  id: string;
  name: string;
  version: string;
  data: Uint8Array;
}

export interface WorkbookFileContent {
  workbookId: string;
  name: string;
  appVersion: string;
  /** Y.encodeStateAsUpdate of the workbook document */
  update: Uint8Array;
  datasets: WorkbookFileDataset[];
}

export interface UnpackedWorkbookFile extends WorkbookFileContent {
  manifest: TesseraManifest;
}

/** Path of a dataset snapshot inside the archive. */
export function datasetEntryPath(id: string, version: string): string {
  return `datasets/${encodeURIComponent(id)}@${encodeURIComponent(version)}.arrows`;
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const encoder = new TextEncoder();

/** Builds the .tessera archive. */
export async function packWorkbookFile(content: WorkbookFileContent): Promise<Uint8Array> {
  const datasets: ManifestDataset[] = [];
  const files: Zippable = {};
  for (const ds of content.datasets) {
    datasets.push({ id: ds.id, name: ds.name, version: ds.version, bytes: ds.data.byteLength, sha256: await sha256Hex(ds.data) });
    // snapshots can be large: fast compression
    files[datasetEntryPath(ds.id, ds.version)] = [ds.data, { level: 1 }];
  }
  const manifest: TesseraManifest = {
    format: TESSERA_FORMAT,
    formatVersion: TESSERA_FORMAT_VERSION,
    appVersion: content.appVersion,
    workbookId: content.workbookId,
    name: content.name,
    datasets,
  };
  files['manifest.json'] = encoder.encode(JSON.stringify(manifest, null, 2));
  files['workbook.yjs'] = content.update;
  return zipSync(files, { level: 6 });
}

const NOT_TESSERA = 'This file is not a Tessera workbook';

/** Reads and validates a .tessera archive; throws TesseraFileError when anything is wrong. */
export async function unpackWorkbookFile(bytes: Uint8Array): Promise<UnpackedWorkbookFile> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new TesseraFileError(
      `${NOT_TESSERA}: it is not a readable zip archive (${error instanceof Error ? error.message : String(error)}). It may be truncated or damaged — open the original file again, or a backup.`,
    );
  }

  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new TesseraFileError(`${NOT_TESSERA}: it is a zip archive without a Tessera manifest.json. Choose a file saved by Tessera (.tessera).`);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw new TesseraFileError('This Tessera workbook is damaged: its manifest.json is not valid JSON. Open the original file again, or a backup.');
  }
  const probe = z.object({ format: z.literal(TESSERA_FORMAT), formatVersion: z.number() }).safeParse(manifestJson);
  if (!probe.success) throw new TesseraFileError(`${NOT_TESSERA}: its manifest.json does not describe a Tessera workbook. Choose a file saved by Tessera (.tessera).`);
  if (probe.data.formatVersion > TESSERA_FORMAT_VERSION) {
    throw new TesseraFileError(
      `This workbook was saved by a newer Tessera (file format ${probe.data.formatVersion}; this version reads up to ${TESSERA_FORMAT_VERSION}). Update Tessera, then open it again.`,
    );
  }
  const parsed = ManifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TesseraFileError(
      `This Tessera workbook is damaged: its manifest is invalid (${issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'unknown problem'}). Open the original file again, or a backup.`,
    );
  }
  const manifest = parsed.data;

  const update = entries['workbook.yjs'];
  if (!update) throw new TesseraFileError('This Tessera workbook is damaged: the workbook document (workbook.yjs) is missing. Open the original file again, or a backup.');
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) throw new Error('the document update is incomplete');
    if (readMeta(scratch).schemaVersion <= 0) throw new Error('the document has no workbook in it');
  } catch (error) {
    throw new TesseraFileError(
      `This Tessera workbook is damaged: its workbook document cannot be read (${error instanceof Error ? error.message : String(error)}). Open the original file again, or a backup.`,
    );
  } finally {
    scratch.destroy();
  }

  const datasets: WorkbookFileDataset[] = [];
  for (const ds of manifest.datasets) {
    const path = datasetEntryPath(ds.id, ds.version);
    const data = entries[path];
    if (!data) throw new TesseraFileError(`This Tessera workbook is damaged: the data of dataset “${ds.name}” (${path}) is missing. Open the original file again, or a backup.`);
    if (data.byteLength !== ds.bytes || (await sha256Hex(data)) !== ds.sha256) {
      throw new TesseraFileError(`This Tessera workbook is damaged: the data of dataset “${ds.name}” does not match its checksum. Open the original file again, or a backup.`);
    }
    datasets.push({ id: ds.id, name: ds.name, version: ds.version, data });
  }

  return { manifest, workbookId: manifest.workbookId, name: manifest.name, appVersion: manifest.appVersion, update, datasets };
}
