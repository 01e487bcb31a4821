import { addDataset, initWorkbook, readWorkbook } from '@tessera/shared';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { datasetEntryPath, packWorkbookFile, sha256Hex, TesseraFileError, unpackWorkbookFile, type WorkbookFileContent } from './tessera-format';

function sampleContent(): { content: WorkbookFileContent; doc: Y.Doc } {
  const doc = new Y.Doc();
  initWorkbook(doc, { name: 'Quarterly sales' });
  const id = addDataset(doc, {
    name: 'sales',
    source: { kind: 'file', fileName: 'sales.csv', format: 'csv' },
    columns: [{ name: 'region', type: 'VARCHAR' }],
    rowCount: 3,
    version: 'v1',
  } as Parameters<typeof addDataset>[1]);
  const data = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
  return {
    doc,
    content: { workbookId: 'wb_test', name: 'Quarterly sales', appVersion: '0.1.0', update: Y.encodeStateAsUpdate(doc), datasets: [{ id, name: 'sales', version: 'v1', data }] },
  };
}

async function expectFileError(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  const error: unknown = await unpackWorkbookFile(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TesseraFileError);
  expect((error as Error).message).toMatch(pattern);
}

describe('.tessera file format', () => {
  it('round-trips the document and the dataset bytes, with a manifest', async () => {
    const { content, doc } = sampleContent();
    const bytes = await packWorkbookFile(content);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['datasets/' + encodeURIComponent(content.datasets[0]!.id) + '@v1.arrows', 'manifest.json', 'workbook.yjs'].sort());

    const file = await unpackWorkbookFile(bytes);
    expect(file.manifest).toMatchObject({ format: 'tessera', formatVersion: 1, appVersion: '0.1.0', workbookId: 'wb_test', name: 'Quarterly sales' });
    expect(file.manifest.datasets[0]).toMatchObject({ name: 'sales', version: 'v1', bytes: 4096, sha256: await sha256Hex(content.datasets[0]!.data) });
    expect(file.datasets[0]!.data).toEqual(content.datasets[0]!.data);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, file.update);
    expect(readWorkbook(copy)).toEqual(readWorkbook(doc));
  });

  it('rejects a truncated file', async () => {
    const bytes = await packWorkbookFile(sampleContent().content);
    await expectFileError(bytes.subarray(0, Math.floor(bytes.length / 2)), /not a readable zip archive.*truncated or damaged/);
  });

  it('rejects a zip that is not a Tessera workbook', async () => {
    await expectFileError(zipSync({ 'readme.txt': strToU8('hello') }), /without a Tessera manifest/);
    await expectFileError(zipSync({ 'manifest.json': strToU8('{"name":"x"}') }), /does not describe a Tessera workbook/);
    await expectFileError(strToU8('region,amount\nNorth,1\n'), /not a readable zip archive/);
  });

  it('rejects a newer format version with what to do', async () => {
    const manifest = { format: 'tessera', formatVersion: 2, appVersion: '9', workbookId: 'w', name: 'n', datasets: [] };
    await expectFileError(zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)) }), /newer Tessera.*Update Tessera/);
  });

  it('rejects dataset bytes that do not match the checksum', async () => {
    const { content } = sampleContent();
    const entries = unzipSync(await packWorkbookFile(content));
    const path = datasetEntryPath(content.datasets[0]!.id, 'v1');
    const tampered = entries[path]!.slice();
    tampered[10] = (tampered[10]! + 1) % 256;
    await expectFileError(zipSync({ ...entries, [path]: tampered }), /does not match its checksum/);
    const { [path]: _dropped, ...withoutData } = entries;
    await expectFileError(zipSync(withoutData), /is missing/);
  });

  it('rejects a document that is not a workbook or is not an update at all', async () => {
    const { content } = sampleContent();
    const entries = unzipSync(await packWorkbookFile(content));
    await expectFileError(zipSync({ ...entries, 'workbook.yjs': Y.encodeStateAsUpdate(new Y.Doc()) }), /no workbook in it/);
    await expectFileError(zipSync({ ...entries, 'workbook.yjs': new Uint8Array([255, 1, 2, 3, 4, 5, 6, 7]) }), /workbook document cannot be read/);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Record<string, unknown>;
    await expectFileError(zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify({ ...manifest, workbookId: 42 })) }), /manifest is invalid \(workbookId/);
  });
});
