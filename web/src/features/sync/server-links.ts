/**
 * Which local workbooks are shared, and where: `tessera.serverLinks` in localStorage maps a local
 * workbook id to its workspace and server workbook id, so reopening the workbook reconnects.
 */
export interface ServerLink {
  workspaceId: string;
  workbookId: string;
}

export const SERVER_LINKS_KEY = 'tessera.serverLinks';

function readAll(): Record<string, ServerLink> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(SERVER_LINKS_KEY) ?? '{}');
    if (!value || typeof value !== 'object') return {};
    const out: Record<string, ServerLink> = {};
    for (const [id, link] of Object.entries(value)) {
      if (link && typeof link === 'object' && typeof link.workspaceId === 'string' && typeof link.workbookId === 'string') {
        out[id] = { workspaceId: link.workspaceId, workbookId: link.workbookId };
      }
    }
    return out;
  } catch {
    return {};
  }
}

export function serverLinkOf(localId: string): ServerLink | undefined {
  return readAll()[localId];
}

export function rememberServerLink(localId: string, link: ServerLink): void {
  localStorage.setItem(SERVER_LINKS_KEY, JSON.stringify({ ...readAll(), [localId]: link }));
}

export function forgetServerLink(localId: string): void {
  const all = readAll();
  delete all[localId];
  localStorage.setItem(SERVER_LINKS_KEY, JSON.stringify(all));
}

const unsyncedKey = (localId: string): string => `tessera.unsynced.${localId}`;

/** Local edits of a shared workbook not yet on the server, remembered across reloads (localStorage). */
export function readUnsynced(localId: string): number {
  const n = Number(localStorage.getItem(unsyncedKey(localId)) ?? 0);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function writeUnsynced(localId: string, count: number): void {
  if (count > 0) localStorage.setItem(unsyncedKey(localId), String(count));
  else localStorage.removeItem(unsyncedKey(localId));
}
