import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CommandError,
  addPage,
  addVisual,
  initWorkbook,
  moveVisual,
  readPageOrder,
  readWorkbook,
  removeVisual,
  renameWorkbook,
  setVisualTitle,
  type AuthResponse,
} from '@tessera/shared';
import { apiClient } from '../testing/api-client';
import { startTestServer, type TestServer } from '../testing/server';
import { canonicalJson, connectClient, synced, waitFor, type TestClient } from '../testing/sync-clients';
import { applyLoaded } from './stored-state';

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

const visualIds = (doc: Y.Doc) => [...doc.getMap('visuals').keys()].sort();

/** One random workbook command on `doc`; CommandError (e.g. a visual removed by a peer) is a valid outcome. */
function randomEdit(doc: Y.Doc, random: () => number, step: number): void {
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const pages = readPageOrder(doc);
  const visuals = visualIds(doc);
  const roll = random();
  try {
    if (roll < 0.1) addPage(doc, { name: `Page ${step}` });
    else if (roll < 0.35 && pages.length > 0) {
      addVisual(doc, { pageId: pick(pages) ?? '', type: 'bar', x: Math.floor(random() * 800), y: Math.floor(random() * 600), w: 200, h: 150 });
    } else if (roll < 0.6 && visuals.length > 0) moveVisual(doc, pick(visuals) ?? '', Math.floor(random() * 800), Math.floor(random() * 600));
    else if (roll < 0.75 && visuals.length > 0) setVisualTitle(doc, pick(visuals) ?? '', `Title ${step}`);
    else if (roll < 0.85 && visuals.length > 0) removeVisual(doc, pick(visuals) ?? '');
    else renameWorkbook(doc, `Workbook ${step}`);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
  }
}

describe('sync fuzz: 4 stock clients, random commands, random disconnects (pinned seeds)', () => {
  let server: TestServer;
  let api: ReturnType<typeof apiClient>;
  let owner: AuthResponse;
  let ws: string;

  beforeAll(async () => {
    server = await startTestServer('postgres', { services: { sync: { compactAfter: 50 } } });
    api = apiClient(server.url);
    owner = await api.register('Owner');
    ws = (await api.call('POST', '/api/workspaces', { name: 'Fuzz' }, owner.accessToken)).body.id as string;
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it.each([1, 7, 42, 20261124])('seed %i converges', async (seed) => {
    const random = mulberry32(seed);
    const wb = (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: `seed ${seed}` }, owner.accessToken)).body.id as string;
    const clients: TestClient[] = [];
    try {
      for (let i = 0; i < 4; i++) clients.push(connectClient(server.url, wb, owner.accessToken));
      await Promise.all(clients.map(synced));
      initWorkbook(clients[0].doc, { name: 'Fuzz', createdAt: '2026-11-24T00:00:00.000Z' });
      await waitFor(() => clients.every((c) => readPageOrder(c.doc).length === 1), 'the initial page everywhere');

      for (let step = 0; step < 80; step++) {
        const target = clients[Math.floor(random() * clients.length)];
        const roll = random();
        if (roll < 0.08 && target.provider.shouldConnect) target.provider.disconnect();
        else if (roll < 0.16 && !target.provider.shouldConnect) target.provider.connect();
        else randomEdit(target.doc, random, step);
        if (random() < 0.2) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 15)));
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
      const state = (c: TestClient) => canonicalJson(readWorkbook(c.doc));
      await waitFor(() => clients.every((c) => c.provider.synced && state(c) === state(clients[0])), `seed ${seed} to converge`);
      expect(new Set(clients.map(state)).size).toBe(1);
      // The server's stored copy converged too.
      const loaded = await server.services.hub.persistence.load(wb);
      const stored = new Y.Doc();
      applyLoaded(stored, loaded, null);
      expect(canonicalJson(readWorkbook(stored))).toBe(state(clients[0]));
    } finally {
      for (const c of clients) c.destroy();
    }
  });
});
