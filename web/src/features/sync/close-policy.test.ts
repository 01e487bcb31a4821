import { SYNC_CLOSE } from '@tessera/shared';
import { describe, expect, it } from 'vitest';
import { ServerError } from './api-client';
import { closeAction, refreshFailure, renewDelay, SIGNED_OUT_NOTICE } from './close-policy';

describe('closeAction', () => {
  it('renews the token on 4401 and maps every other server close code', () => {
    expect(closeAction(SYNC_CLOSE.unauthorized)).toBe('renew-token');
    expect(closeAction(SYNC_CLOSE.roleChanged)).toBe('reread-role');
    expect(closeAction(SYNC_CLOSE.forbidden)).toBe('access-lost');
    expect(closeAction(SYNC_CLOSE.notFound)).toBe('deleted');
    expect(closeAction(SYNC_CLOSE.rateLimited)).toBe('retry-later');
  });

  it('leaves transient closes to the provider’s own reconnect', () => {
    for (const code of [1000, 1001, 1006, 1011, 4500, undefined]) expect(closeAction(code)).toBe('none');
  });
});

describe('refreshFailure', () => {
  it('signs out when the server refuses the refresh token or none is stored (401)', () => {
    const refused = refreshFailure(new ServerError(401, 'invalid_token', 'This refresh token was revoked.'));
    expect(refused).toEqual({ signedOut: true, notice: SIGNED_OUT_NOTICE });
    expect(refreshFailure(new ServerError(401, 'unauthorized', 'You are signed out. Sign in again to sync.')).signedOut).toBe(true);
    expect(SIGNED_OUT_NOTICE).toMatch(/Sign in again/);
    expect(SIGNED_OUT_NOTICE).toMatch(/edits stay in this browser/);
  });

  it('stays signed in when the refresh could not reach the server or the server failed', () => {
    expect(refreshFailure(new ServerError(0, 'offline', 'The Tessera server cannot be reached.'))).toEqual({ signedOut: false });
    expect(refreshFailure(new ServerError(503, 'unavailable', 'Down for maintenance.'))).toEqual({ signedOut: false });
    expect(refreshFailure(new ServerError(429, 'rate_limited', 'Slow down.'))).toEqual({ signedOut: false });
    expect(refreshFailure(new TypeError('Failed to fetch'))).toEqual({ signedOut: false });
  });
});

describe('renewDelay', () => {
  it('renews at once the first time, then backs off to at most 30 s', () => {
    expect(renewDelay(0)).toBe(0);
    expect([1, 2, 3, 4, 5].map(renewDelay)).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(renewDelay(6)).toBe(30_000);
    expect(renewDelay(40)).toBe(30_000);
  });
});
