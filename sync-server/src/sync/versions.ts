import * as Y from 'yjs';
import { WORKBOOK_TOP_TYPES } from '@tessera/shared';
import type { Room } from './room';

/** Inside `room.exclusive`: the current state as an encoded `Y.snapshot` (state vector + delete set). */
export function encodeVersion(room: Room): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(room.doc));
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
export function buildRestoreUpdate(room: Room, encodedVersion: Uint8Array): Uint8Array {
  const restored = Y.createDocFromSnapshot(room.doc, Y.decodeSnapshot(encodedVersion));
  const working = new Y.Doc({ gc: false });
  Y.applyUpdate(working, Y.encodeStateAsUpdate(room.doc));
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
