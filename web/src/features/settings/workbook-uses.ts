/**
 * Reads which datasets every workbook stored in this browser references, and an estimate of each
 * workbook's size (y-indexeddb does not expose database sizes: the encoded document state is the
 * estimate). The open workbook is read from its live Y.Doc; the others are opened and closed again.
 */
import { listDatasets, readWorkbook } from '@tessera/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { storedWorkbookIds } from '../home/local-workbooks';
import { DEFAULT_WORKBOOK_NAME } from '../../workbook';
import { workbookDatabaseName } from '../../workbook/open-local-workbook';
import type { DatasetUse } from './storage-report';

export interface WorkbookSize {
  id: string;
  name: string;
  /** bytes of the encoded document state (an estimate of its stored size) */
  bytes: number;
  open: boolean;
}

function describe(id: string, doc: Y.Doc, open: boolean): { workbook: WorkbookSize; uses: DatasetUse[] } {
  const name = readWorkbook(doc).meta.name || DEFAULT_WORKBOOK_NAME;
  const uses = listDatasets(doc).map((d) => ({ workbookId: id, workbookName: name, datasetId: d.id, datasetName: d.name, version: d.version }));
  return { workbook: { id, name, bytes: Y.encodeStateAsUpdate(doc).byteLength, open }, uses };
}

async function readStored(id: string): Promise<{ workbook: WorkbookSize; uses: DatasetUse[] }> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(workbookDatabaseName(id), doc);
  try {
    await persistence.whenSynced;
    return describe(id, doc, false);
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
}

/** Every workbook of this browser (the open one first) and the datasets they reference. */
export async function collectWorkbookUses(open: { id: string; doc: Y.Doc }): Promise<{ workbooks: WorkbookSize[]; uses: DatasetUse[] }> {
  const first = describe(open.id, open.doc, true);
  const workbooks = [first.workbook];
  const uses = [...first.uses];
  const ids = (await storedWorkbookIds()) ?? [];
  for (const id of ids) {
    if (id === open.id) continue;
    const other = await readStored(id);
    workbooks.push(other.workbook);
    uses.push(...other.uses);
  }
  return { workbooks, uses };
}
