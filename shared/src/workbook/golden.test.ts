import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkbookSnapshotSchema, addVisual, base64ToBytes, bindField, checkAndMigrate, readWorkbook, removeDataset } from '../index';

const FixtureSchema = z.object({ schemaVersion: z.number(), update: z.string(), snapshot: z.unknown() });

/** Loads a fixture JSON through the test runner (a non-literal import keeps it out of the TS project). */
async function loadFixture(name: string): Promise<z.infer<typeof FixtureSchema>> {
  const path = `../../test/fixtures/${name}`;
  const mod: unknown = await import(/* @vite-ignore */ path);
  return FixtureSchema.parse((mod as { default?: unknown }).default ?? mod);
}

/**
 * Golden documents of every published schema version (made once by test/make-fixture.ts and
 * never regenerated). A change to the layout or the reader that breaks documents users already
 * have fails here.
 */
describe('golden workbook v1', () => {
  let fixtureV1: z.infer<typeof FixtureSchema>;
  beforeAll(async () => {
    fixtureV1 = await loadFixture('workbook-v1.json');
  });
  const load = (): Y.Doc => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base64ToBytes(fixtureV1.update));
    return doc;
  };

  it('reads back exactly the stored snapshot and needs no migration', () => {
    const doc = load();
    expect(fixtureV1.schemaVersion).toBe(1);
    expect(readWorkbook(doc)).toEqual(fixtureV1.snapshot);
    expect(WorkbookSnapshotSchema.parse(fixtureV1.snapshot)).toEqual(fixtureV1.snapshot);
    expect(checkAndMigrate(doc)).toEqual({ status: 'current', readOnly: false, version: 1 });
    expect(readWorkbook(doc)).toEqual(fixtureV1.snapshot);
  });

  it('stays editable with today\'s commands', () => {
    const doc = load();
    const id = addVisual(doc, { pageId: 'page_detail', type: 'line', x: 0, y: 0, w: 100, h: 100 });
    bindField(doc, id, 'values', { measureId: 'ms_total' });
    removeDataset(doc, 'ds_sales');
    const snap = readWorkbook(doc);
    expect(snap.visuals[id].z).toBe(2);
    expect(snap.model.measures).toEqual({});
    expect(snap.model.relationships).toEqual({});
  });
});
