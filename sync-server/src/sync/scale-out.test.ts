import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '@tessera/shared';
import { startServer, type RunningServer } from '../server';
import { apiClient } from '../testing/api-client';
import { withTestDatabase, createTempDir, type TestDatabaseSetup } from '../testing/databases';
import { TEST_JWT_SECRET } from '../testing/server';
import { connectClient, docJson, sameContent, synced, waitFor, type TestClient } from '../testing/sync-clients';

const mainTs = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Runs sync-server/src/main.ts as a real child process; resolves with its URL once it listens. */
function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainTs], {
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening:\n${output}`)));
  });
}

describe('several server processes on one PostgreSQL database', () => {
  let database: TestDatabaseSetup;
  const servers: RunningServer[] = [];
  const clients: TestClient[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await withTestDatabase('postgres');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) await s.close();
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const setup = async (url: string) => {
    const api = apiClient(url);
    const [owner, editor]: AuthResponse[] = await Promise.all([api.register('Owner'), api.register('Editor')]);
    const ws = (await api.call('POST', '/api/workspaces', { name: 'Team' }, owner.accessToken)).body.id as string;
    await api.call('PUT', `/api/workspaces/${ws}/members`, { email: editor.user.email, role: 'editor' }, owner.accessToken);
    const wb = (await api.call('POST', `/api/workspaces/${ws}/workbooks`, { name: 'Shared' }, owner.accessToken)).body.id as string;
    return { api, owner, editor, ws, wb };
  };

  it('delivers each other’s updates through LISTEN/NOTIFY, and member removal closes sockets on both', async () => {
    const options = { port: 0, host: '127.0.0.1', databaseUrl: database.databaseUrl, dataDir: database.dataDir, staticDir: database.dataDir };
    const one = await startServer({ ...options, services: { jwtSecret: TEST_JWT_SECRET, sync: { compactAfter: 40 } } });
    servers.push(one);
    const two = await startServer({ ...options, services: { jwtSecret: TEST_JWT_SECRET, sync: { compactAfter: 40 } } });
    servers.push(two);
    const { api, owner, editor, ws, wb } = await setup(one.url);
    const a = connectClient(one.url, wb, owner.accessToken);
    const b = connectClient(two.url, wb, editor.accessToken);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    // Concurrent bursts on both processes (also crossing the compaction threshold).
    for (let i = 0; i < 50; i++) {
      a.doc.getMap('visuals').set(`a${i % 10}`, i);
      b.doc.getMap('pages').set(`b${i % 10}`, i);
    }
    await waitFor(() => a.doc.getMap('pages').size === 10 && b.doc.getMap('visuals').size === 10 && sameContent(a.doc, b.doc), 'convergence');
    // A third client on the first process loads everything too.
    const c = connectClient(one.url, wb, editor.accessToken);
    clients.push(c);
    await synced(c);
    await waitFor(() => sameContent(c.doc, b.doc), 'the third client');

    expect((await api.call('DELETE', `/api/workspaces/${ws}/members/${editor.user.id}`, undefined, owner.accessToken)).status).toBe(204);
    await waitFor(() => b.closeCodes.includes(4403) && c.closeCodes.includes(4403), 'both editor sockets to close');
  });

  it('an acknowledged update survives kill -9 of the server process', async () => {
    const dataDir = await createTempDir('tessera-kill-');
    const env = { DATABASE_URL: database.databaseUrl ?? '', JWT_SECRET: TEST_JWT_SECRET, TESSERA_DATA_DIR: dataDir.path };
    try {
      const first = await startChild(env);
      children.push(first.child);
      const { owner, editor, wb } = await setup(first.url);
      const a = connectClient(first.url, wb, owner.accessToken);
      const b = connectClient(first.url, wb, editor.accessToken);
      clients.push(a, b);
      await Promise.all([synced(a), synced(b)]);
      for (let i = 0; i < 30; i++) a.doc.getMap('visuals').set(`v${i}`, { x: i });
      // Acknowledged = another client received it (the server broadcasts only after COMMIT).
      await waitFor(() => b.doc.getMap('visuals').size === 30, 'b to receive all 30 edits');
      const expected = docJson(b.doc);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      for (const c of clients.splice(0)) c.destroy();

      const second = await startChild(env);
      children.push(second.child);
      const reader = connectClient(second.url, wb, editor.accessToken);
      clients.push(reader);
      await synced(reader);
      await waitFor(() => reader.doc.getMap('visuals').size === 30, 'the reloaded document');
      expect(docJson(reader.doc)).toBe(expected);
    } finally {
      await dataDir.remove();
    }
  });
});
