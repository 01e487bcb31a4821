import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, makeWorkbook } from '../../test/helpers';
import { CURRENT_SCHEMA_VERSION, CommandError, WorkbookSnapshotSchema, addVisual, base64ToBytes, bytesToBase64, initWorkbook, moveVisual, observeWorkbook, readWorkbook, renameWorkbook } from '../index';

describe('initWorkbook', () => {
  it('lays out meta, model and a first page once', () => {
    const doc = new Y.Doc();
    expect(initWorkbook(doc, { name: 'Sales', createdAt: '2026-01-01T00:00:00.000Z' })).toBe(true);
    const snap = readWorkbook(doc);
    expect(snap.meta).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION, name: 'Sales', theme: 'default', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(snap.model).toEqual({ relationships: {}, measures: {}, columns: {}, hierarchies: {} });
    expect(snap.pageOrder).toHaveLength(1);
    expect(snap.pages[snap.pageOrder[0]].name).toBe('Page 1');
    expect(doc.share.get('pageOrder')).toBeInstanceOf(Y.Array);
    expect(initWorkbook(doc, { name: 'Other' })).toBe(false);
    expect(readWorkbook(doc)).toEqual(snap);
    expect(WorkbookSnapshotSchema.parse(snap)).toEqual(snap);
  });

  it('rejects an empty name', () => {
    expect(() => initWorkbook(new Y.Doc(), { name: ' ' })).toThrow(CommandError);
  });
});

describe('readWorkbook', () => {
  it('returns copies that cannot change the document', () => {
    const doc = makeWorkbook();
    const id = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 10, h: 10 });
    const snap = readWorkbook(doc);
    snap.visuals[id].fields.values.push({ measureId: 'm' });
    snap.pages[FIRST_PAGE].size.width = 1;
    expect(readWorkbook(doc).visuals[id].fields.values).toEqual([]);
    expect(readWorkbook(doc).pages[FIRST_PAGE].size.width).toBe(1280);
  });
});

describe('observeWorkbook', () => {
  it('calls back once per changing transaction, local or remote, until unsubscribed', () => {
    const doc = makeWorkbook();
    const origins: unknown[] = [];
    const stop = observeWorkbook(doc, (tx) => origins.push(tx.origin));
    const id = addVisual(doc, { pageId: FIRST_PAGE, type: 'bar', x: 0, y: 0, w: 10, h: 10 });
    moveVisual(doc, id, 5, 5);
    expect(origins).toHaveLength(2);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    renameWorkbook(peer, 'Renamed');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'remote');
    expect(origins).toHaveLength(3);
    expect(origins[2]).toBe('remote');
    doc.transact(() => doc.getMap('unrelated').set('x', 1));
    expect(origins).toHaveLength(3);
    stop();
    renameWorkbook(doc, 'Again');
    expect(origins).toHaveLength(3);
  });
});

describe('base64', () => {
  it('round-trips every length and rejects junk', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }
    expect(bytesToBase64(Uint8Array.from([77, 97, 110]))).toBe('TWFu');
    expect(bytesToBase64(Uint8Array.from([77]))).toBe('TQ==');
    expect(() => base64ToBytes('ab$d')).toThrow(/unexpected character "\$"/);
  });
});
