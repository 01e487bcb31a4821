import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addSalesDatasets, cloneDoc, makeWorkbook, syncPair } from '../../test/helpers';
import {
  CommandError,
  VISUAL_TYPES,
  WorkbookSnapshotSchema,
  addMeasure,
  addPage,
  addVisual,
  bindField,
  movePage,
  moveField,
  moveVisual,
  readWorkbook,
  removeMeasure,
  removePage,
  removeVisual,
  renameDataset,
  renamePage,
  renameWorkbook,
  resizeVisual,
  setPageSize,
  setVisualFormat,
  setVisualTitle,
  setVisualType,
  unbindField,
  updateMeasure,
  type FieldRef,
} from '../index';

/** mulberry32: a tiny seeded PRNG, so a failing seed replays exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Peer {
  doc: Y.Doc;
  /** Updates made here, not yet delivered to each other peer (index = receiver). */
  outbox: Uint8Array[][];
}

const REFS: FieldRef[] = [
  { datasetId: 'ds_sales', column: 'Amount', aggregate: 'sum' },
  { datasetId: 'ds_customers', column: 'Country' },
  { datasetId: 'ds_sales', column: 'OrderDate' },
];

function runFuzz(seed: number, steps: number): { peers: Peer[]; commands: number } {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[int(items.length)] : undefined);

  const base = makeWorkbook(1);
  addSalesDatasets(base);
  const peers: Peer[] = [base, cloneDoc(base, 2), cloneDoc(base, 3)].map((doc) => ({ doc, outbox: [[], [], []] }));
  peers.forEach((peer, i) => {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'fuzz-remote') return; // forward only what this peer made itself
      peers.forEach((_, j) => j !== i && peer.outbox[j].push(update));
    });
  });

  let counter = 0;
  let commands = 0;
  const ops: ((doc: Y.Doc, p: number) => void)[] = [
    (doc, p) => {
      const page = pick(readWorkbook(doc).pageOrder);
      if (page) addVisual(doc, { id: `v${p}_${counter++}`, pageId: page, type: pick(VISUAL_TYPES) ?? 'bar', x: int(800), y: int(600), w: 50 + int(300), h: 50 + int(300) });
    },
    (doc) => withVisual(doc, (id) => moveVisual(doc, id, int(1000), int(700))),
    (doc) => withVisual(doc, (id) => resizeVisual(doc, id, 1 + int(500), 1 + int(500))),
    (doc, p) => withVisual(doc, (id) => setVisualTitle(doc, id, `T${p}.${int(100)}`)),
    (doc) => withVisual(doc, (id) => setVisualFormat(doc, id, pick(['color', 'legend', 'fontSize']) ?? 'color', rnd() < 0.2 ? undefined : { v: int(50) })),
    (doc) => withVisual(doc, (id) => setVisualType(doc, id, pick(VISUAL_TYPES) ?? 'bar')),
    (doc) => withVisual(doc, (id, v) => bindField(doc, id, pick(Object.keys(v.fields)) ?? 'values', pick(REFS) ?? { measureId: 'm' }, rnd() < 0.5 ? 0 : undefined)),
    (doc) =>
      withVisual(doc, (id, v) => {
        const role = pick(Object.keys(v.fields).filter((r) => v.fields[r].length > 0));
        if (role) unbindField(doc, id, role, int(v.fields[role].length));
      }),
    (doc) =>
      withVisual(doc, (id, v) => {
        const role = pick(Object.keys(v.fields).filter((r) => v.fields[r].length > 0));
        if (role) moveField(doc, id, role, int(v.fields[role].length), pick(Object.keys(v.fields)) ?? role, int(3));
      }),
    (doc) => withVisual(doc, (id) => removeVisual(doc, id)),
    (doc, p) => void addPage(doc, { id: `p${p}_${counter++}`, name: `Page ${p}.${int(100)}`, index: rnd() < 0.5 ? int(4) : undefined }),
    (doc, p) => withPage(doc, (id) => renamePage(doc, id, `R${p}.${int(100)}`)),
    (doc) =>
      withPage(doc, (id) => {
        if (rnd() < 0.4) removePage(doc, id);
        else movePage(doc, id, int(5));
      }),
    (doc) => withPage(doc, (id) => setPageSize(doc, id, { width: 100 + int(2000), height: 100 + int(2000) })),
    (doc, p) => void addMeasure(doc, { id: `m${p}_${counter++}`, name: `M${p}.${int(1000)}`, datasetId: pick(['ds_sales', 'ds_customers']) ?? 'ds_sales', expression: `SUM(Sales[Amount]) * ${int(9)}` }),
    (doc) => {
      const id = pick(Object.keys(readWorkbook(doc).model.measures));
      if (!id) return;
      if (rnd() < 0.5) removeMeasure(doc, id);
      else updateMeasure(doc, id, { expression: `COUNT(${int(9)})`, format: rnd() < 0.5 ? '0%' : '' });
    },
    (doc, p) => renameDataset(doc, pick(['ds_sales', 'ds_customers']) ?? 'ds_sales', `DS ${p}.${int(20)}`),
    (doc, p) => renameWorkbook(doc, `Workbook ${p}.${int(100)}`),
  ];
  function withVisual(doc: Y.Doc, fn: (id: string, v: ReturnType<typeof readWorkbook>['visuals'][string]) => void): void {
    const visuals = readWorkbook(doc).visuals;
    const id = pick(Object.keys(visuals));
    if (id) fn(id, visuals[id]);
  }
  function withPage(doc: Y.Doc, fn: (id: string) => void): void {
    const id = pick(readWorkbook(doc).pageOrder);
    if (id) fn(id);
  }

  /** Delivers a random part of the i → j queue in a shuffled order (Yjs must hold early arrivals). */
  function deliverSome(i: number, j: number): void {
    const queue = peers[i].outbox[j];
    const chosen: Uint8Array[] = [];
    for (let k = queue.length - 1; k >= 0; k--) if (rnd() < 0.5) chosen.push(...queue.splice(k, 1));
    for (let k = chosen.length - 1; k > 0; k--) {
      const s = int(k + 1);
      [chosen[k], chosen[s]] = [chosen[s], chosen[k]];
    }
    for (const u of chosen) Y.applyUpdate(peers[j].doc, u, 'fuzz-remote');
    if (chosen.length && rnd() < 0.1) Y.applyUpdate(peers[j].doc, chosen[0], 'fuzz-remote'); // a duplicate
  }

  for (let step = 0; step < steps; step++) {
    const roll = rnd();
    const p = int(3);
    if (roll < 0.7) {
      try {
        ops[int(ops.length)](peers[p].doc, p);
        commands++;
      } catch (err) {
        if (!(err instanceof CommandError)) throw err; // refused commands are fine, anything else is a bug
      }
    } else if (roll < 0.93) {
      const q = (p + 1 + int(2)) % 3;
      deliverSome(p, q);
    } else {
      const q = (p + 1 + int(2)) % 3;
      // a reconnect: state-vector exchange; queued updates stay queued and arrive again later (harmless)
      syncPair(peers[p].doc, peers[q].doc);
    }
  }
  // let everything arrive
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) for (const u of peers[i].outbox[j].splice(0)) Y.applyUpdate(peers[j].doc, u, 'fuzz-remote');
  return { peers, commands };
}

describe('convergence fuzz (3 peers, random commands, random partial out-of-order delivery)', () => {
  it.each([1, 42, 20261124])('seed %i converges to one workbook', (seed) => {
    const { peers, commands } = runFuzz(seed, 500);
    expect(commands).toBeGreaterThan(200);
    const snaps = peers.map((p) => readWorkbook(p.doc));
    expect(snaps[1]).toEqual(snaps[0]);
    expect(snaps[2]).toEqual(snaps[0]);
    expect(JSON.stringify(snaps[1])).toBe(JSON.stringify(snaps[0]));
    for (const p of peers) expect(p.doc.store.pendingStructs).toBeNull();
    expect(WorkbookSnapshotSchema.parse(snaps[0])).toEqual(snaps[0]);
    expect(Object.keys(snaps[0].visuals).length + Object.keys(snaps[0].pages).length).toBeGreaterThan(3);
  });
});
