import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { AuthResponse } from '@tessera/shared';
import { queryRows } from '../db/rows';
import { workbookUpdates } from '../db/schema';
import { apiClient } from '../testing/api-client';
import { connectClient, docJson, sameContent, synced, waitFor, type TestClient } from '../testing/sync-clients';
import { startTestServer, type TestServer } from '../testing/server';
import { applyLoaded } from './stored-state';

describe.each(['postgres', 'pglite'] as const)('sync over WebSocket on %s', (kind) => {
  let server: TestServer;
  let api: ReturnType<typeof apiClient>;
  let owner: AuthResponse;
  let editor: AuthResponse;
  let viewer: AuthResponse;
  let ws: string;
  const clients: TestClient[] = [];
  const client = (wb: string, token: string, doc?: Y.Doc) => {
    const created = connectClient(server.url, wb, token, doc);
    clients.push(created);
    return created;
  };
  const newWorkbook = async () => (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'WB' }, owner.accessToken)).body.id as string;
  const storedRows = async (wb: string) =>
    (await queryRows<{ n: number }>(server.db.db, sql`select count(*)::int as n from workbook_updates where workbook_id = ${wb}`))[0].n;

  beforeAll(async () => {
    server = await startTestServer(kind, { services: { sync: { compactAfter: 25 } } });
    api = apiClient(server.url);
    [owner, editor, viewer] = await Promise.all([api.register('Owner'), api.register('Editor'), api.register('Viewer')]);
    ws = (await api.call('POST', '/api/workspaces', { name: 'Team' }, owner.accessToken)).body.id as string;
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: editor.user.email, role: 'editor' }, owner.accessToken);
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: viewer.user.email, role: 'viewer' }, owner.accessToken);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('two stock y-websocket clients converge, and an update another client received is already in the DB', async () => {
    const wb = await newWorkbook();
    const a = client(wb, owner.accessToken);
    const b = client(wb, editor.accessToken);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('meta').set('name', 'Q3 review');
    await waitFor(() => b.doc.getMap('meta').get('name') === 'Q3 review', 'b to receive the edit');
    // Broadcast happens only after COMMIT: the row is there the moment b has it.
    const rows = await server.db.db.select({ update: workbookUpdates.update }).from(workbookUpdates).where(eq(workbookUpdates.workbookId, wb));
    const fromDb = new Y.Doc();
    for (const row of rows) Y.applyUpdate(fromDb, row.update);
    expect(fromDb.getMap('meta').get('name')).toBe('Q3 review');
    b.doc.getArray('pageOrder').push(['p1']);
    await waitFor(() => a.doc.getArray('pageOrder').length === 1, 'a to receive the page');
    expect(sameContent(a.doc, b.doc)).toBe(true);
  });

  it('merges offline edits of two clients on reconnect', async () => {
    const wb = await newWorkbook();
    const a = client(wb, owner.accessToken);
    const b = client(wb, editor.accessToken);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    b.provider.disconnect();
    a.doc.getMap('visuals').set('v1', 'from a');
    b.doc.getMap('visuals').set('v2', 'from b');
    a.doc.getMap('meta').set('theme', 'dark');
    a.provider.connect();
    b.provider.connect();
    await waitFor(() => a.doc.getMap('visuals').size === 2 && b.doc.getMap('visuals').size === 2 && b.doc.getMap('meta').get('theme') === 'dark');
    expect(sameContent(a.doc, b.doc)).toBe(true);
    // A late joiner loads the merged state from the server.
    const c = client(wb, viewer.accessToken);
    await synced(c);
    await waitFor(() => sameContent(c.doc, a.doc), 'the late joiner');
  });

  it("closes a viewer's socket with 4403 on a write; the update never reaches the DB or the others", async () => {
    const wb = await newWorkbook();
    const a = client(wb, owner.accessToken);
    await synced(a);
    a.doc.getMap('meta').set('name', 'owned');
    const v = client(wb, viewer.accessToken);
    await synced(v);
    await waitFor(() => v.doc.getMap('meta').get('name') === 'owned', 'the viewer to read');
    const before = await storedRows(wb);
    v.doc.getMap('meta').set('name', 'hijacked');
    await waitFor(() => v.closeCodes.includes(4403), 'the viewer socket to close');
    a.doc.getMap('meta').set('theme', 'light'); // a later edit proves the server is still serving a
    await waitFor(async () => (await storedRows(wb)) === before + 1);
    expect(a.doc.getMap('meta').get('name')).toBe('owned');
    const loaded = client(wb, editor.accessToken);
    await synced(loaded);
    await waitFor(() => loaded.doc.getMap('meta').get('theme') === 'light');
    expect(loaded.doc.getMap('meta').get('name')).toBe('owned');
  });

  it('refuses a bad token (4401) and a user without access (4403)', async () => {
    const wb = await newWorkbook();
    const bad = client(wb, 'not-a-token');
    await waitFor(() => bad.closeCodes.includes(4401), 'a 4401 close');
    const stranger = await api.register('Stranger');
    const outsider = client(wb, stranger.accessToken);
    await waitFor(() => outsider.closeCodes.includes(4403), 'a 4403 close');
    const unknown = client('no-such-workbook', owner.accessToken);
    await waitFor(() => unknown.closeCodes.includes(4403), 'a 4403 close for an unknown workbook');
  });

  it("closes a member's sockets at once when they are removed, and when their role changes", async () => {
    const wb = await newWorkbook();
    const member = await api.register('Member');
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: member.user.email, role: 'editor' }, owner.accessToken);
    const m = client(wb, member.accessToken);
    await synced(m);
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: member.user.email, role: 'viewer' }, owner.accessToken);
    await waitFor(() => m.closeCodes.includes(4001), 'the role-change close');
    // y-websocket reconnects by itself, now as a viewer: its writes are refused.
    await synced(m);
    const removed = await api.call('DELETE', `/api/workspaces/${ws}/members/${member.user.id}`, undefined, owner.accessToken);
    expect(removed.status).toBe(204);
    await waitFor(() => m.closeCodes.includes(4403), 'the removal close');
  });

  it('compacts the log into a snapshot (one transaction) and the stored document stays identical', async () => {
    const wb = await newWorkbook();
    const a = client(wb, owner.accessToken);
    await synced(a);
    for (let i = 0; i < 60; i++) a.doc.getMap('visuals').set(`v${i % 7}`, i);
    a.doc.getArray('pageOrder').push(['x', 'y']);
    const b = client(wb, editor.accessToken);
    await synced(b);
    await waitFor(() => sameContent(a.doc, b.doc), 'b to catch up');
    await waitFor(async () => (await queryRows<{ n: number }>(server.db.db, sql`select count(*)::int as n from workbook_snapshots where workbook_id = ${wb}`))[0].n === 1);
    expect(await storedRows(wb)).toBeLessThan(25);
    // What a server opening the workbook reads: latest snapshot + the updates after it.
    const loaded = await server.services.hub.persistence.load(wb);
    expect(loaded.snapshot?.encoding).toBe(2);
    const reloaded = new Y.Doc();
    applyLoaded(reloaded, loaded, null);
    expect(docJson(reloaded)).toBe(docJson(a.doc));
    expect(reloaded.getMap('visuals').toJSON()).toEqual({ v0: 56, v1: 57, v2: 58, v3: 59, v4: 53, v5: 54, v6: 55 });
    expect(reloaded.getArray('pageOrder').toJSON()).toEqual(['x', 'y']);
  });

  it('restores a named version with a new update that every client receives', async () => {
    const wb = await newWorkbook();
    const a = client(wb, owner.accessToken);
    const b = client(wb, editor.accessToken);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('meta').set('name', 'Before');
    const page = new Y.Map<unknown>();
    page.set('name', 'Page 1');
    a.doc.getMap('pages').set('p1', page);
    await waitFor(() => b.doc.getMap('pages').size === 1);
    const version = await api.call('POST', `/api/workbooks/${wb}/versions`, { name: 'good' }, editor.accessToken);
    expect(version.status).toBe(201);
    b.doc.getMap('meta').set('name', 'After');
    (b.doc.getMap('pages').get('p1') as Y.Map<unknown>).set('name', 'Renamed');
    b.doc.getMap('pages').set('p2', new Y.Map());
    await waitFor(() => a.doc.getMap('pages').size === 2);
    const restored = await api.call('POST', `/api/workbooks/${wb}/versions/${String(version.body.id)}/restore`, undefined, editor.accessToken);
    expect(restored.status).toBe(200);
    for (const c of [a, b]) {
      await waitFor(() => c.doc.getMap('meta').get('name') === 'Before' && c.doc.getMap('pages').size === 1, 'the restore to arrive');
      expect((c.doc.getMap('pages').get('p1') as Y.Map<unknown>).get('name')).toBe('Page 1');
    }
  });
});
