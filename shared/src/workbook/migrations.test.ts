import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { makeWorkbook } from '../../test/helpers';
import { CURRENT_SCHEMA_VERSION, CommandError, MigrationError, addPage, checkAndMigrate, createUndoManager, migrations, readWorkbook, renameWorkbook, type Migration } from '../index';

/** A document as an imaginary Tessera before schema versions wrote it: `title` instead of `name`, no theme. */
function v0Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('title', 'Old report');
    meta.set('createdAt', '2025-01-01T00:00:00.000Z');
  });
  return doc;
}

const renameTitle: Migration = {
  from: 0,
  to: 1,
  description: 'meta.title → meta.name; default theme',
  migrate: (doc) => {
    const meta = doc.getMap('meta');
    if (meta.has('title')) {
      meta.set('name', meta.get('title'));
      meta.delete('title');
    }
    if (!meta.has('theme')) meta.set('theme', 'default');
  },
};

describe('checkAndMigrate', () => {
  it('has no migrations beyond v1 today, and a v1 workbook is current', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    expect(migrations).toEqual([]);
    expect(checkAndMigrate(makeWorkbook())).toEqual({ status: 'current', readOnly: false, version: 1 });
  });

  it('migrates an older document with the ordered list, once, not undoably', () => {
    const doc = v0Doc();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const result = checkAndMigrate(doc, [renameTitle]);
    expect(result).toMatchObject({ status: 'migrated', readOnly: false, version: 1 });
    expect(readWorkbook(doc).meta).toEqual({ schemaVersion: 1, name: 'Old report', theme: 'default', createdAt: '2025-01-01T00:00:00.000Z' });
    expect(doc.getMap('meta').has('title')).toBe(false);
    expect(undo.canUndo()).toBe(false);
    expect(checkAndMigrate(doc, [renameTitle]).status).toBe('current');
  });

  it('runs several steps in order', () => {
    const doc = v0Doc();
    const seen: number[] = [];
    const step = (from: number): Migration => ({ from, to: from + 1, description: `step ${from}`, migrate: (d) => { seen.push(from); d.getMap('meta').set(`step${from}`, true); } });
    // listed out of order on purpose: steps are chained by version
    const result = checkAndMigrate(doc, [step(1), step(0), step(2)]);
    expect(result).toMatchObject({ status: 'migrated', version: 3 });
    expect(seen).toEqual([0, 1, 2]);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(3);
  });

  it('leaves the document untouched when a migration fails or is missing', () => {
    const doc = v0Doc();
    const before = Y.encodeStateAsUpdate(doc);
    const broken: Migration = { from: 0, to: 1, description: 'breaks', migrate: (d) => { d.getMap('meta').set('half', true); throw new Error('boom'); } };
    expect(() => checkAndMigrate(doc, [broken])).toThrow(/from schema 0 to 1: boom\. Nothing was changed/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(() => checkAndMigrate(doc, [{ ...renameTitle, from: 5, to: 6 }])).toThrow(MigrationError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('opens a newer document read-only with a clear message, and commands refuse to write', () => {
    const doc = makeWorkbook();
    doc.getMap('meta').set('schemaVersion', 7);
    expect(checkAndMigrate(doc)).toEqual({
      status: 'newer',
      readOnly: true,
      version: 7,
      message: 'This workbook was saved by a newer Tessera (schema 7); it opens read-only. Update Tessera to edit it.',
    });
    expect(() => renameWorkbook(doc, 'x')).toThrow(CommandError);
    expect(() => addPage(doc, { name: 'x' })).toThrow(/read-only/);
    expect(readWorkbook(doc).meta.name).toBe('Sales');
  });

  it('treats an empty (not yet initialised) document as current', () => {
    expect(checkAndMigrate(new Y.Doc())).toEqual({ status: 'current', readOnly: false, version: 1 });
  });
});
