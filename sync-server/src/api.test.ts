import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '@tessera/shared';
import { apiClient } from './testing/api-client';
import { startTestServer, type TestServer } from './testing/server';

const MAGIC = new TextEncoder().encode('PAR1');

describe.each(['postgres', 'pglite'] as const)('the §5.1 HTTP contract on %s', (kind) => {
  let server: TestServer;
  let api: ReturnType<typeof apiClient>;
  let owner: AuthResponse;
  let editor: AuthResponse;
  let viewer: AuthResponse;
  let outsider: AuthResponse;
  let ws: string;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      services: {
        allowedOrigins: ['https://app.example.com'],
        limits: { loginPerAccount: { capacity: 3, refillPerSecond: 0.01 }, jsonBodyBytes: 64 * 1024, datasetBytes: 100_000 },
      },
    });
    api = apiClient(server.url);
    [owner, editor, viewer, outsider] = await Promise.all([api.register('Owner'), api.register('Editor'), api.register('Viewer'), api.register('Out')]);
    const created = await api.call('POST', '/api/workspaces', { name: 'Team' }, owner.accessToken);
    ws = String(created.body.id);
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: editor.user.email, role: 'editor' }, owner.accessToken);
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: viewer.user.email, role: 'viewer' }, owner.accessToken);
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('registers (201), refuses a taken email (409) and bad input (400)', async () => {
    const email = `reg-${kind}@example.com`;
    const first = await api.call('POST', '/api/auth/register', { email, password: 'longenough', name: 'Reg' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ user: { email, name: 'Reg' }, accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect((await api.call('POST', '/api/auth/register', { email: email.toUpperCase(), password: 'longenough', name: 'Reg' })).status).toBe(409);
    const bad = await api.call('POST', '/api/auth/register', { email: 'not-an-email', password: 'short', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_input');
    expect(bad.body.error?.message).toContain('password');
    const notJson = await fetch(`${server.url}/api/auth/register`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('logs in, refuses a wrong password (401) and rate-limits an account (429 + Retry-After)', async () => {
    const user = await api.register('Limited');
    const ok = await api.call('POST', '/api/auth/login', { email: user.user.email, password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toEqual(user.user);
    expect((await api.call('POST', '/api/auth/login', { email: user.user.email, password: 'wrong password' })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/login', { email: user.user.email, password: 'wrong password' })).status).toBe(401);
    const limited = await api.call('POST', '/api/auth/login', { email: user.user.email, password: 'correct horse battery' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error?.code).toBe('rate_limited');
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
    const user = await api.register('Rotating');
    const second = await api.call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(second.status).toBe(200);
    const newer = String(second.body.refreshToken);
    expect(newer).not.toBe(user.refreshToken);
    expect((await api.call('GET', '/api/me', undefined, String(second.body.accessToken))).status).toBe(200);
    // The stolen old token comes back: refused, and the family (including `newer`) is revoked.
    const reuse = await api.call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error?.code).toBe('refresh_token_reused');
    expect((await api.call('POST', '/api/auth/refresh', { refreshToken: newer })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/refresh', {})).status).toBe(400);
  });

  it('logs out (204) and the refresh token stops working; logout needs a user (401)', async () => {
    const user = await api.register('Leaving');
    expect((await api.call('POST', '/api/auth/logout', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/logout', { refreshToken: user.refreshToken }, user.accessToken)).status).toBe(204);
    expect((await api.call('POST', '/api/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
  });

  it('answers /api/me, and 401 for a missing, forged or wrong-algorithm token', async () => {
    const me = await api.call('GET', '/api/me', undefined, owner.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: owner.user, workspaces: [{ id: ws, name: 'Team', role: 'owner' }] });
    expect((await api.call('GET', '/api/me')).status).toBe(401);
    const [header, payload] = owner.accessToken.split('.');
    expect((await api.call('GET', '/api/me', undefined, `${header}.${payload}.AAAA`)).status).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await api.call('GET', '/api/me', undefined, none)).status).toBe(401);
  });

  it('workspaces: create (201), members list for members only (404 for others)', async () => {
    const created = await api.call('POST', '/api/workspaces', { name: 'Solo' }, outsider.accessToken);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Solo', role: 'owner' });
    expect((await api.call('POST', '/api/workspaces', { name: '' }, outsider.accessToken)).status).toBe(400);
    const list = await api.call('GET', `/api/workspaces/${ws}/members`, undefined, viewer.accessToken);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      { userId: owner.user.id, email: owner.user.email, name: 'Owner', role: 'owner' },
      { userId: editor.user.id, email: editor.user.email, name: 'Editor', role: 'editor' },
      { userId: viewer.user.id, email: viewer.user.email, name: 'Viewer', role: 'viewer' },
    ]);
    expect((await api.call('GET', `/api/workspaces/${ws}/members`, undefined, outsider.accessToken)).status).toBe(404);
    expect((await api.call('GET', `/api/workspaces/not-a-uuid/members`, undefined, owner.accessToken)).status).toBe(404);
  });

  it('members: only owners change them (403), unknown email (404), last owner kept (409), remove (204)', async () => {
    expect((await api.call('PUT', `/api/workspaces/${ws}/members`, { email: outsider.user.email, role: 'viewer' }, editor.accessToken)).status).toBe(403);
    expect((await api.call('PUT', `/api/workspaces/${ws}/members`, { email: 'nobody@example.com', role: 'viewer' }, owner.accessToken)).status).toBe(404);
    expect((await api.call('PUT', `/api/workspaces/${ws}/members`, { email: outsider.user.email, role: 'boss' }, owner.accessToken)).status).toBe(400);
    expect((await api.call('PUT', `/api/workspaces/${ws}/members`, { email: owner.user.email, role: 'editor' }, owner.accessToken)).status).toBe(409);
    expect((await api.call('DELETE', `/api/workspaces/${ws}/members/${owner.user.id}`, undefined, owner.accessToken)).status).toBe(409);
    const added = await api.call('PUT', `/api/workspaces/${ws}/members`, { email: outsider.user.email, role: 'viewer' }, owner.accessToken);
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ userId: outsider.user.id, email: outsider.user.email, name: 'Out', role: 'viewer' });
    expect((await api.call('DELETE', `/api/workspaces/${ws}/members/${outsider.user.id}`, undefined, editor.accessToken)).status).toBe(403);
    expect((await api.call('DELETE', `/api/workspaces/${ws}/members/${outsider.user.id}`, undefined, owner.accessToken)).status).toBe(204);
    expect((await api.call('DELETE', `/api/workspaces/${ws}/members/${outsider.user.id}`, undefined, owner.accessToken)).status).toBe(404);
  });

  it('workbooks: create with and without id (201), duplicate id (409), viewer (403), list, rename, delete', async () => {
    const withId = await api.call('POST', `/api/workspaces/${ws}/workbooks`, { id: `local-${kind}`, name: 'Sales' }, editor.accessToken);
    expect(withId.status).toBe(201);
    expect(withId.body).toEqual({ id: `local-${kind}`, name: 'Sales' });
    const withoutId = await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'Costs' }, owner.accessToken);
    expect(withoutId.status).toBe(201);
    expect((await api.call('POST', `/api/workspaces/${ws}/workbooks`, { id: `local-${kind}`, name: 'Again' }, editor.accessToken)).status).toBe(409);
    expect((await api.call('POST', `/api/workspaces/${ws}/workbooks`, { id: 'bad id!', name: 'X' }, editor.accessToken)).status).toBe(400);
    expect((await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'X' }, viewer.accessToken)).status).toBe(403);
    expect((await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'X' }, outsider.accessToken)).status).toBe(404);

    const list = await api.call('GET', `/api/workspaces/${ws}/workbooks`, undefined, viewer.accessToken);
    expect(list.status).toBe(200);
    expect((list.body as unknown as { id: string; name: string; updatedAt: string }[]).map((w) => w.name).sort()).toEqual(['Costs', 'Sales']);
    expect((await api.call('GET', `/api/workspaces/${ws}/workbooks`, undefined, outsider.accessToken)).status).toBe(404);

    expect((await api.call('PATCH', `/api/workbooks/local-${kind}`, { name: 'Revenue' }, viewer.accessToken)).status).toBe(403);
    const renamed = await api.call('PATCH', `/api/workbooks/local-${kind}`, { name: 'Revenue' }, editor.accessToken);
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Revenue');
    expect((await api.call('PATCH', `/api/workbooks/nope`, { name: 'Revenue' }, editor.accessToken)).status).toBe(404);
    expect((await api.call('DELETE', `/api/workbooks/${String(withoutId.body.id)}`, undefined, editor.accessToken)).status).toBe(403);
    expect((await api.call('DELETE', `/api/workbooks/${String(withoutId.body.id)}`, undefined, owner.accessToken)).status).toBe(204);
    expect((await api.call('PATCH', `/api/workbooks/${String(withoutId.body.id)}`, { name: 'Gone' }, owner.accessToken)).status).toBe(404);
  });

  it('versions: list (member), create and restore (editor+), unknown version (404)', async () => {
    const wb = (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'Versioned' }, owner.accessToken)).body.id as string;
    expect((await api.call('GET', `/api/workbooks/${wb}/versions`, undefined, viewer.accessToken)).body).toEqual([]);
    expect((await api.call('POST', `/api/workbooks/${wb}/versions`, { name: 'v1' }, viewer.accessToken)).status).toBe(403);
    const v1 = await api.call('POST', `/api/workbooks/${wb}/versions`, { name: 'v1' }, editor.accessToken);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ name: 'v1', createdBy: editor.user.id });
    const list = await api.call('GET', `/api/workbooks/${wb}/versions`, undefined, viewer.accessToken);
    expect(list.body).toEqual([v1.body]);
    expect((await api.call('POST', `/api/workbooks/${wb}/versions/${String(v1.body.id)}/restore`, undefined, viewer.accessToken)).status).toBe(403);
    expect((await api.call('POST', `/api/workbooks/${wb}/versions/${String(v1.body.id)}/restore`, undefined, editor.accessToken)).status).toBe(200);
    expect((await api.call('POST', `/api/workbooks/${wb}/versions/00000000-0000-0000-0000-000000000000/restore`, undefined, editor.accessToken)).status).toBe(404);
    expect((await api.call('GET', `/api/workbooks/${wb}/versions`, undefined, outsider.accessToken)).status).toBe(404);
  });

  it('datasets: PUT streams to disk (201, idempotent), GET returns the bytes, limits and roles hold', async () => {
    const wb = (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'Data' }, owner.accessToken)).body.id as string;
    // The server only checks the Parquet magic at both ends: "PAR1" + filler + "PAR1".
    const parquetLike = (size: number) => {
      const out = new Uint8Array(size).map((_, i) => (i * 7) % 256);
      out.set(MAGIC, 0);
      out.set(MAGIC, size - MAGIC.length);
      return out;
    };
    const bytes = parquetLike(50_000);
    const put = (token: string, body: Uint8Array<ArrayBuffer>, path = `/api/workbooks/${wb}/datasets/sales/abc123`) =>
      fetch(`${server.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body });
    const first = await put(editor.accessToken, bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ workbookId: wb, datasetId: 'sales', version: 'abc123', size: 50_000 });
    expect((await put(editor.accessToken, bytes)).status).toBe(201);
    expect((await put(viewer.accessToken, bytes)).status).toBe(403);
    expect((await put(outsider.accessToken, bytes)).status).toBe(404);
    expect((await put(editor.accessToken, parquetLike(100_001), `/api/workbooks/${wb}/datasets/sales/big`)).status).toBe(413);
    // A streamed body without Content-Length is cut off while streaming.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(MAGIC);
        for (let i = 0; i < 30; i++) controller.enqueue(new Uint8Array(10_000));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/api/workbooks/${wb}/datasets/sales/streamed`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${editor.accessToken}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await put(editor.accessToken, bytes, `/api/workbooks/${wb}/datasets/sa%20les/v1`)).status).toBe(400);

    const got = await fetch(`${server.url}/api/workbooks/${wb}/datasets/sales/abc123`, { headers: { authorization: `Bearer ${viewer.accessToken}` } });
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    const missing = await fetch(`${server.url}/api/workbooks/${wb}/datasets/sales/big`, { headers: { authorization: `Bearer ${viewer.accessToken}` } });
    expect(missing.status).toBe(404);
  });

  it('datasets: a body that is not Parquet is refused (400 invalid_input) while streaming and nothing is stored', async () => {
    const wb = (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'Not Parquet' }, owner.accessToken)).body.id as string;
    const put = (version: string, body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>) =>
      fetch(`${server.url}/api/workbooks/${wb}/datasets/sales/${version}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${editor.accessToken}` },
        body,
        duplex: 'half',
      } as RequestInit);
    const arrow = new Uint8Array(2_000).fill(1);
    arrow.set(new TextEncoder().encode('ARROW1'), 0);
    const noTail = new Uint8Array(2_000);
    noTail.set(MAGIC, 0);
    const tooShort = new Uint8Array([...MAGIC, ...MAGIC]);
    // Right at the start, over a chunked stream of which only the first bytes are ever read.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('{"rows": [1, 2, 3]} '.repeat(500)));
      },
    });
    for (const [version, body] of [['arrow', arrow], ['notail', noTail], ['short', tooShort], ['json', endless]] as const) {
      const answer = await put(version, body);
      expect(answer.status, version).toBe(400);
      const error = ((await answer.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain('Parquet file is expected');
      const got = await fetch(`${server.url}/api/workbooks/${wb}/datasets/sales/${version}`, { headers: { authorization: `Bearer ${editor.accessToken}` } });
      expect(got.status, version).toBe(404);
    }
    // Nothing on disk either: no blob, no half-written temporary file.
    expect(await readdir(join(server.services.dataDir, 'blobs', encodeURIComponent(wb), 'sales')).catch(() => [])).toEqual([]);
    // A real upload to the same place still works afterwards.
    const good = new Uint8Array([...MAGIC, 0, 0, 0, 0, ...MAGIC]);
    expect((await put('arrow', good)).status).toBe(201);
  });

  it('limits JSON bodies (413) and refuses foreign origins (403) but allows listed ones with CORS', async () => {
    const huge = await api.call('POST', '/api/workspaces', { name: 'x'.repeat(100_000) }, owner.accessToken);
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('too_large');
    const foreign = await fetch(`${server.url}/api/me`, { headers: { origin: 'https://evil.example.com', authorization: `Bearer ${owner.accessToken}` } });
    expect(foreign.status).toBe(403);
    const allowed = await fetch(`${server.url}/api/me`, { headers: { origin: 'https://app.example.com', authorization: `Bearer ${owner.accessToken}` } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});
