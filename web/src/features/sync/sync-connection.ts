/**
 * One live link between the open workbook's Y.Doc and the server: the stock y-websocket
 * `WebsocketProvider` (sync + awareness, reconnect with backoff) plus what Tessera adds —
 * a fresh token on reconnect; an expired token (the server closes with 4401 when it expires) is
 * refreshed and the socket reopened without the user noticing (status and presence are held
 * meanwhile), and a session that cannot be renewed signs the user out with a notice; the role read
 * again when it changes (4001); access-lost notices (4403/4404); a count of local edits the server
 * has not confirmed yet; and presence in awareness. Close decisions: close-policy.ts.
 */
import { readUnsynced, writeUnsynced } from './server-links';
import { PresenceGrace } from './presence-grace';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { accessToken, errorText, refreshSession } from './api-client';
import { useAuthStore } from './auth-store';
import { closeAction, refreshFailure, renewDelay } from './close-policy';
import { useSyncStore, type Peer } from './sync-store';

export function syncServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}

export interface PresenceUser {
  name: string;
  color: string;
}

export class SyncConnection {
  readonly provider: WebsocketProvider;
  private pending = 0;
  private destroyed = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while an expired token is being replaced: the brief disconnect is not shown. */
  private renewing = false;
  /** Renewals since the last successful sync (backs off a server that keeps refusing tokens). */
  private renewals = 0;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  /** The notice this connection put up while it could not renew the token (taken down once synced). */
  private pausedNotice: string | null = null;
  /** the avatars shown: a teammate whose socket reopens does not blink out */
  private readonly presence = new PresenceGrace((peers) => useSyncStore.getState().set({ peers }));

  constructor(
    private readonly doc: Y.Doc,
    private readonly workbookId: string,
    user: PresenceUser,
    private readonly onRoleChanged: () => void,
  ) {
    // Edits made before a reload and not yet sent are still in IndexedDB: keep counting them until the next sync.
    this.pending = readUnsynced(workbookId);
    this.provider = new WebsocketProvider(syncServerUrl(), workbookId, doc, { connect: false, params: {}, maxBackoffTime: 5000 });
    this.provider.awareness.setLocalStateField('user', user);
    this.provider.awareness.setLocalStateField('selection', []);
    this.provider.on('status', ({ status }) => {
      if (status === 'disconnected') this.forgetRemoteClocks();
      if (status === 'connected') this.announceAgain();
      if (this.renewing) return;
      if (status === 'connected') this.publish(this.provider.synced ? 'synced' : 'connecting');
      else if (status === 'connecting') this.publish('connecting');
      else this.publish(navigator.onLine ? 'connecting' : 'offline');
    });
    this.provider.on('sync', (synced) => {
      if (synced) {
        this.pending = 0;
        this.renewing = false;
        this.renewals = 0;
        this.onAwareness();
        if (this.pausedNotice && useSyncStore.getState().notice === this.pausedNotice) useSyncStore.getState().set({ notice: null });
        this.pausedNotice = null;
      }
      if (!this.renewing) this.publish(synced ? 'synced' : 'connecting');
    });
    this.provider.on('connection-close', (event) => {
      const action = closeAction(event?.code);
      if (action === 'renew-token') {
        // Hold the status and the avatars until the socket is back (see onClosed).
        this.renewing = true;
        return;
      }
      if (this.renewing) {
        // The socket reopened with the renewed token failed too (e.g. the server went away): show it.
        this.renewing = false;
        this.onAwareness();
        this.publish(navigator.onLine ? 'connecting' : 'offline');
      }
      if (action === 'reread-role') this.onRoleChanged();
      // The next attempt (after the provider's backoff) must carry a valid token.
      void accessToken().then(
        (token) => this.setToken(token),
        () => undefined,
      );
    });
    this.provider.on('closed', ({ code }) => void this.onClosed(code));
    this.provider.awareness.on('change', this.onAwareness);
    doc.on('update', this.onUpdate);
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    void this.start();
  }

  setSelection(ids: string[]): void {
    this.provider.awareness.setLocalStateField('selection', ids);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.flushTimer);
    clearTimeout(this.renewTimer);
    this.doc.off('update', this.onUpdate);
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    this.provider.awareness.off('change', this.onAwareness);
    this.provider.destroy();
    this.presence.clear();
    useSyncStore.getState().set({ status: 'local', pending: 0, peers: [] });
  }

  private async start(): Promise<void> {
    this.publish(navigator.onLine ? 'connecting' : 'offline');
    try {
      this.setToken(await accessToken());
    } catch (error) {
      if (!this.destroyed) useSyncStore.getState().set({ status: 'offline', notice: `Sync is paused: ${errorText(error)}` });
      return;
    }
    if (!this.destroyed && navigator.onLine) this.provider.connect();
  }

  private setToken(token: string): void {
    this.provider.params = { ...this.provider.params, token };
  }

  private async onClosed(code: number): Promise<void> {
    if (this.destroyed) return;
    switch (closeAction(code)) {
      case 'renew-token':
        clearTimeout(this.renewTimer);
        this.renewTimer = setTimeout(() => void this.renewToken(), renewDelay(this.renewals++));
        return;
      case 'access-lost':
        this.onRoleChanged();
        useSyncStore.getState().set({ status: 'offline', notice: 'You no longer have access to this workbook on the server. Your copy stays in this browser; ask an owner to invite you again.' });
        return;
      case 'deleted':
        useSyncStore.getState().set({ status: 'offline', notice: 'This workbook was deleted on the server. Your copy stays in this browser.' });
        return;
      default:
        // Any other deliberate close (e.g. rate limit): try again after a pause.
        setTimeout(() => !this.destroyed && this.provider.connect(), 3000);
    }
  }

  /**
   * The server refused the token (it expired on an open socket, or is no good): a new one is forced
   * (the one in memory may look valid to this clock), then the socket reopens. A session the server
   * no longer knows signs the user out, with a notice; a network failure tries again later.
   */
  private async renewToken(): Promise<void> {
    if (this.destroyed) return;
    try {
      const token = await refreshSession();
      if (this.destroyed) return;
      this.setToken(token);
      this.provider.connect();
    } catch (error) {
      const failure = refreshFailure(error);
      if (failure.signedOut) {
        // Checked before `destroyed`: the failed refresh has usually cleared the session already, and
        // that ends this connection (SyncHost) before we get here. The notice stays up until the next sign-in.
        useSyncStore.getState().set({ notice: failure.notice });
        useAuthStore.getState().clear();
        return;
      }
      if (this.destroyed) return;
      this.renewing = false;
      this.onAwareness();
      this.publish(navigator.onLine ? 'connecting' : 'offline');
      this.pausedNotice = `Sync is paused: ${errorText(error)}`;
      useSyncStore.getState().set({ notice: this.pausedNotice });
      this.renewTimer = setTimeout(() => void this.renewToken(), renewDelay(this.renewals++));
    }
  }

  private readonly goOffline = (): void => {
    this.provider.disconnect();
    this.publish('offline');
  };

  private readonly goOnline = (): void => {
    void this.start();
  };

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || origin instanceof IndexeddbPersistence) return;
    this.pending += 1;
    if (this.provider.wsconnected && this.provider.synced) {
      this.publish('syncing');
      this.scheduleFlushCheck();
    } else {
      this.publish(useSyncStore.getState().status);
    }
  };

  /** While connected, an edit counts as sent once the socket has flushed it. */
  private scheduleFlushCheck(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      const ws = this.provider.ws;
      if (!ws || !this.provider.synced) return;
      if (ws.bufferedAmount > 0) return this.scheduleFlushCheck();
      this.pending = 0;
      this.publish('synced');
    }, 150);
  }

  /**
   * On a closed socket the provider drops the other people's awareness states but keeps their clocks,
   * and y-protocols ignores a state whose clock it has already seen — so after reconnecting, the server's
   * current states (same clocks) would be ignored and teammates would stay missing until they next
   * change something (up to 15 s). Forgetting their clocks lets the states sent on reconnect apply.
   */
  private forgetRemoteClocks(): void {
    const { awareness } = this.provider;
    for (const clientId of [...awareness.meta.keys()]) if (clientId !== this.doc.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
  }

  /**
   * When this socket closed, the server dropped our awareness state but kept its clock, and so did the
   * other clients: the same state re-sent with the same clock would be ignored by all of them until our
   * next change. Setting it again bumps the clock, so everyone sees us back at once.
   */
  private announceAgain(): void {
    const state = this.provider.awareness.getLocalState();
    if (state) this.provider.awareness.setLocalState({ ...state });
  }

  private readonly onAwareness = (): void => {
    // While the socket is being reopened with a renewed token, keep showing who was here.
    if (this.renewing) return;
    const peers: Peer[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const user: unknown = state.user;
      if (!user || typeof user !== 'object' || !('name' in user) || typeof user.name !== 'string') continue;
      const color = 'color' in user && typeof user.color === 'string' ? user.color : '#888';
      const selection: unknown = state.selection;
      peers.push({ clientId, name: user.name, color, selection: Array.isArray(selection) ? selection.filter((s): s is string => typeof s === 'string') : [] });
    }
    this.presence.update(peers);
  };

  private publish(status: 'offline' | 'connecting' | 'syncing' | 'synced' | 'local'): void {
    if (this.destroyed) return;
    const shown = status === 'synced' && this.pending > 0 ? 'syncing' : status;
    writeUnsynced(this.workbookId, this.pending);
    useSyncStore.getState().set({ status: shown, pending: this.pending });
  }
}
