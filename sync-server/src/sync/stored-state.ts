import * as Y from 'yjs';
import type { LoadedState } from './persistence';

/** Applies a stored snapshot (either encoding) and the updates after it. */
export function applyLoaded(doc: Y.Doc, loaded: LoadedState, origin: unknown): void {
  const { snapshot } = loaded;
  if (snapshot?.encoding === 2 && doc.gc && doc.store.clients.size === 0) {
    // A gc'd snapshot into an empty doc: its deleted content is already dropped, so the gc pass
    // over every deleted item (most of the build time of a long-edited workbook) would find nothing.
    doc.gc = false;
    try {
      doc.transact(() => Y.applyUpdateV2(doc, snapshot.state), origin);
    } finally {
      doc.gc = true;
    }
    applyUpdates(doc, loaded.updates, origin);
    return;
  }
  applyUpdates(doc, loaded.updates, origin, () => {
    if (snapshot?.encoding === 2) Y.applyUpdateV2(doc, snapshot.state);
    else if (snapshot) Y.applyUpdate(doc, snapshot.state);
  });
}

function applyUpdates(doc: Y.Doc, updates: LoadedState['updates'], origin: unknown, before?: () => void): void {
  if (updates.length === 0 && !before) return;
  // One transaction: observers and update events run once, not once per stored update.
  doc.transact(() => {
    before?.();
    for (const row of updates) Y.applyUpdate(doc, row.update);
  }, origin);
}

/**
 * The encoded state vector of what `loaded` holds, computed without building a document — or
 * undefined when that cannot be done exactly (no stored state vector, or an update that Yjs would
 * keep pending because structs before it are missing): then the document must be built.
 */
export function lazyStateVector(loaded: LoadedState): Uint8Array | undefined {
  const { snapshot } = loaded;
  if (snapshot?.encoding !== 2 || !snapshot.stateVector) return undefined;
  if (loaded.updates.length === 0) return snapshot.stateVector;
  const state = Y.decodeStateVector(snapshot.stateVector);
  for (const { update } of loaded.updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      const known = state.get(struct.id.client) ?? 0;
      if (struct instanceof Y.Skip || struct.id.clock > known) return undefined;
      state.set(struct.id.client, Math.max(known, struct.id.clock + struct.length));
    }
  }
  return Y.encodeStateVector(state);
}

/**
 * What a peer with `stateVector` lacks, as ONE v1 update (sync step 2), straight from the stored
 * bytes: the snapshot's diff plus each later update's diff, merged (overlaps are harmless).
 */
export function stateAsUpdateFor(loaded: LoadedState, stateVector: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const { snapshot } = loaded;
  if (snapshot?.encoding === 2) parts.push(Y.diffUpdateV2(snapshot.state, stateVector, Y.UpdateDecoderV2, Y.UpdateEncoderV1));
  else if (snapshot) parts.push(Y.diffUpdate(snapshot.state, stateVector));
  for (const row of loaded.updates) parts.push(Y.diffUpdate(row.update, stateVector));
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}
