import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { WORKBOOK_TOP_TYPES } from '@tessera/shared';
import { ApiError } from '../errors';
import type { LoadedState, SyncPersistence } from './persistence';
import type { Room } from './room';
import { applyLoaded } from './stored-state';

/*
 * A named version is stored as: MAGIC, then the encoded `Y.snapshot` (state vector + delete set),
 * then the document's content at that moment (a Yjs v2 update of the gc'd doc). The server's
 * document does not keep deleted content (gc on, so it opens fast), so a bare `Y.snapshot` could not
 * be rebuilt from it later: the version carries what restore and preview need.
 * Versions saved before this format hold only the `Y.snapshot`; `upgradeLegacyVersions` adds the
 * content while the full history is still stored.
 */
const MAGIC = new Uint8Array([0x54, 0x53, 0x56, 0x02]); // "TSV" + format 2

interface DecodedVersion {
  snapshot: Uint8Array;
  /** Undefined for a version in the old format. */
  state?: Uint8Array;
}

function encodeEnvelope(snapshot: Uint8Array, state: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8Array(encoder, MAGIC);
  encoding.writeVarUint8Array(encoder, snapshot);
  encoding.writeVarUint8Array(encoder, state);
  return encoding.toUint8Array(encoder);
}

function decodeVersion(stored: Uint8Array): DecodedVersion {
  if (stored.length > MAGIC.length && MAGIC.every((byte, index) => stored[index] === byte)) {
    try {
      const decoder = decoding.createDecoder(stored.subarray(MAGIC.length));
      const snapshot = decoding.readVarUint8Array(decoder);
      const state = decoding.readVarUint8Array(decoder);
      if (!decoding.hasContent(decoder)) return { snapshot, state };
    } catch {
      // Not an envelope after all: an old-format snapshot that happens to start with the magic bytes.
    }
  }
  return { snapshot: stored };
}

/** Inside `room.exclusive`: the bytes to store for a new named version of the current state. */
export function encodeVersion(room: Room): Uint8Array {
  const { doc } = room;
  return encodeEnvelope(Y.encodeSnapshot(Y.snapshot(doc)), Y.encodeStateAsUpdateV2(doc));
}

/**
 * The document as it was at the named version (for preview and restore); the caller destroys it.
 * Throws ApiError 409 for an old-format version whose history is no longer stored.
 */
export function versionDoc(storedVersion: Uint8Array): Y.Doc {
  const { state } = decodeVersion(storedVersion);
  if (!state) {
    throw new ApiError(409, 'version_unavailable', 'This version was saved in an older format and its history is no longer stored: it cannot be opened.');
  }
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, state);
  return doc;
}

/**
 * While a workbook's whole history is loaded (no current-format snapshot yet), adds the content to
 * its old-format versions, so they stay restorable once the history is compacted away.
 */
export async function upgradeLegacyVersions(persistence: SyncPersistence, workbookId: string, history: LoadedState): Promise<void> {
  const legacy = (await persistence.versions(workbookId)).filter((version) => !decodeVersion(version.snapshot).state);
  if (legacy.length === 0) return;
  const full = new Y.Doc({ gc: false });
  try {
    applyLoaded(full, history, null);
    for (const version of legacy) {
      let upgraded: Uint8Array;
      try {
        const restored = Y.createDocFromSnapshot(full, Y.decodeSnapshot(version.snapshot));
        upgraded = encodeEnvelope(version.snapshot, Y.encodeStateAsUpdateV2(restored));
        restored.destroy();
      } catch (error) {
        console.error(`[tessera] sync: could not upgrade version ${version.id} of workbook ${workbookId}:`, error instanceof Error ? error.message : error);
        continue;
      }
      await persistence.replaceVersion(version.id, version.snapshot, upgraded);
    }
  } finally {
    full.destroy();
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    const current = target.get(key);
    if (value instanceof Y.Map) {
      if (current instanceof Y.Map) syncMap(current, value);
      else target.set(key, value.clone());
    } else if (value instanceof Y.AbstractType) {
      if (!(current instanceof Y.AbstractType) || current.constructor !== value.constructor || !sameJson(current.toJSON(), value.toJSON())) {
        target.set(key, (value as Y.Array<unknown>).clone());
      }
    } else if (current instanceof Y.AbstractType || !sameJson(current, value)) target.set(key, value);
  }
}

function syncArray(target: Y.Array<unknown>, source: Y.Array<unknown>): void {
  if (sameJson(target.toJSON(), source.toJSON())) return;
  target.delete(0, target.length);
  target.insert(
    0,
    source.toArray().map((item) => (item instanceof Y.AbstractType ? (item as Y.Array<unknown>).clone() : item)),
  );
}

/**
 * Inside `room.exclusive`: a NEW update (by a fresh client id) that sets the document's content back
 * to the named version. History is never rewritten: the update is committed and broadcast like any edit.
 */
export function buildRestoreUpdate(room: Room, storedVersion: Uint8Array): Uint8Array {
  const restored = versionDoc(storedVersion);
  const working = new Y.Doc();
  Y.applyUpdateV2(working, Y.encodeStateAsUpdateV2(room.doc));
  const updates: Uint8Array[] = [];
  working.on('update', (update: Uint8Array) => updates.push(update));
  working.transact(() => {
    for (const name of Object.values(WORKBOOK_TOP_TYPES)) {
      if (name === WORKBOOK_TOP_TYPES.pageOrder) syncArray(working.getArray(name), restored.getArray(name));
      else syncMap(working.getMap(name), restored.getMap(name));
    }
  });
  restored.destroy();
  working.destroy();
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}
