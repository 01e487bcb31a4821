/**
 * What the sync client does when the server closes its socket (close codes: SYNC_CLOSE in shared,
 * DESIGN §5.1) and when renewing the session fails. Pure, so it is unit-tested without a socket.
 */
import { SYNC_CLOSE } from '@tessera/shared';
import { ServerError } from './api-client';

export type CloseAction =
  /** 4401: the access token expired (or is no good): refresh it and reconnect, unnoticed. */
  | 'renew-token'
  /** 4001: the role changed; the provider reconnects by itself, the role is read again. */
  | 'reread-role'
  /** 4403: access removed (or a viewer wrote). */
  | 'access-lost'
  /** 4404: the workbook was deleted on the server. */
  | 'deleted'
  /** Anything else the provider does not retry by itself (e.g. 4429 too many messages): retry after a pause. */
  | 'retry-later'
  /** Transient closes (network, server restart): the provider reconnects with backoff. */
  | 'none';

export function closeAction(code: number | undefined): CloseAction {
  switch (code) {
    case SYNC_CLOSE.unauthorized:
      return 'renew-token';
    case SYNC_CLOSE.roleChanged:
      return 'reread-role';
    case SYNC_CLOSE.forbidden:
      return 'access-lost';
    case SYNC_CLOSE.notFound:
      return 'deleted';
    default:
      // y-websocket treats 4400–4499 as final and stops; everything else it retries itself.
      return code !== undefined && code >= 4400 && code < 4500 ? 'retry-later' : 'none';
  }
}

export const SIGNED_OUT_NOTICE = 'Your session has ended, so sync stopped. Sign in again to keep syncing; your edits stay in this browser.';

/**
 * A failed refresh: the session is gone (the server refused the refresh token, or none is stored) →
 * signed out; anything else (offline, server down, rate-limited) → try again later, still signed in.
 */
export function refreshFailure(error: unknown): { signedOut: true; notice: string } | { signedOut: false } {
  if (error instanceof ServerError && error.status === 401) return { signedOut: true, notice: SIGNED_OUT_NOTICE };
  return { signedOut: false };
}

/**
 * Wait before renewal attempt `attempt` (0-based, reset once a connection synced): the first one at
 * once, so an expired token is replaced without the user noticing; then backing off, so a server
 * that keeps refusing fresh tokens is not hammered.
 */
export function renewDelay(attempt: number): number {
  return attempt <= 0 ? 0 : Math.min(30_000, 1000 * 2 ** (attempt - 1));
}
