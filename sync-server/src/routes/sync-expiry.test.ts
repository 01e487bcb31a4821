import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '@tessera/shared';
import { apiClient } from '../testing/api-client';
import { connectClient, synced, waitFor, type TestClient } from '../testing/sync-clients';
import { startTestServer, type TestServer } from '../testing/server';

/** The `exp` claim of a JWT, in ms. */
function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number };
  return payload.exp * 1000;
}

// Access tokens live 3 s here (whole seconds in `exp`, so 2–3 s in practice): long enough to open a
// socket and sync, short enough to watch one expire.
describe.each(['postgres', 'pglite'] as const)('a sync socket outliving its access token on %s', (kind) => {
  let server: TestServer;
  let api: ReturnType<typeof apiClient>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, { services: { accessTokenTtlSeconds: 3 } });
    api = apiClient(server.url);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('is closed with 4401 when the token expires; a refreshed token reconnects and the edits are kept', async () => {
    const owner: AuthResponse = await api.register('Owner');
    const ws = (await api.call('POST', '/api/workspaces', { name: 'Team' }, owner.accessToken)).body.id as string;
    const wb = (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'WB' }, owner.accessToken)).body.id as string;
    const session = await api.call('POST', '/api/auth/refresh', { refreshToken: owner.refreshToken });
    const token = String(session.body.accessToken);
    const expiresAt = expiryOf(token);

    const first = connectClient(server.url, wb, token);
    clients.push(first);
    await synced(first);
    first.doc.getMap('meta').set('name', 'before expiry');
    expect(first.closeCodes).toEqual([]);

    await waitFor(() => first.closeCodes.length > 0, 'the server to close the socket');
    expect(first.closeCodes).toEqual([4401]);
    // Closed by the expiry timer, not earlier (exp has whole-second resolution).
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    // 4401 is terminal for the stock client: it does not hammer the server with the dead token.
    expect(first.provider.shouldConnect).toBe(false);

    // The dead token is refused at once; a refreshed one gets the document back, edit included.
    const stale = connectClient(server.url, wb, token);
    clients.push(stale);
    await waitFor(() => stale.closeCodes.includes(4401), 'the stale token to be refused');
    const refreshed = await api.call('POST', '/api/auth/refresh', { refreshToken: String(session.body.refreshToken) });
    expect(refreshed.status).toBe(200);
    first.provider.params = { token: String(refreshed.body.accessToken) };
    first.provider.connect();
    await synced(first);
    const second = connectClient(server.url, wb, String(refreshed.body.accessToken));
    clients.push(second);
    await synced(second);
    expect(second.doc.getMap('meta').get('name')).toBe('before expiry');
  });
});
