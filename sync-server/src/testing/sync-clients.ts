import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A stock y-websocket client in Node (ws polyfill, no BroadcastChannel shortcut between clients). */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closeCodes: number[];
  destroy(): void;
}

export function connectClient(serverUrl: string, workbookId: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, workbookId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `check` until it returns true (the test runner's timeout bounds the wait). */
export async function waitFor(check: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  for (let i = 0; ; i++) {
    if (await check()) return;
    if (i > 2000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const synced = (client: TestClient) => waitFor(() => client.provider.synced, 'the client to sync');

/** JSON with object keys sorted (Y.Map key order follows local integration order, which may differ). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The content of the named top-level types (all of them by default), key order ignored. */
export function docJson(doc: Y.Doc, names = ['meta', 'datasets', 'model', 'pages', 'visuals']): string {
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = doc.getMap(name).toJSON();
  out.pageOrder = doc.getArray('pageOrder').toJSON();
  return canonicalJson(out);
}

/** Same content in both docs (key order ignored). */
export const sameContent = (a: Y.Doc, b: Y.Doc) => docJson(a) === docJson(b);
