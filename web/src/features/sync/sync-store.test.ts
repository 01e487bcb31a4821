import { describe, expect, it } from 'vitest';
import { sameUser, tokenExpiry } from './auth-store';
import { colorFor, initials, syncStatusText } from './sync-store';

describe('sync status text', () => {
  it('names each state and counts edits not yet on the server', () => {
    expect(syncStatusText('synced', 0)).toBe('Synced');
    expect(syncStatusText('syncing', 1)).toBe('Syncing 1 edit');
    expect(syncStatusText('syncing', 3)).toBe('Syncing 3 edits');
    expect(syncStatusText('offline', 0)).toBe('Offline');
    expect(syncStatusText('offline', 2)).toBe('Offline · 2 edits not on the server yet');
    expect(syncStatusText('connecting', 0)).toBe('Connecting…');
  });
});

describe('presence helpers', () => {
  it('makes initials and a stable colour', () => {
    expect(initials('Alice Able')).toBe('AA');
    expect(initials('bob')).toBe('BO');
    expect(initials('  ')).toBe('?');
    expect(colorFor('u_1')).toBe(colorFor('u_1'));
  });
});

describe('tokenExpiry', () => {
  it('reads exp of a JWT in ms and 0 for anything else', () => {
    const payload = btoa(JSON.stringify({ exp: 1_700_000_000 })).replace(/=+$/, '');
    expect(tokenExpiry(`h.${payload}.s`)).toBe(1_700_000_000_000);
    expect(tokenExpiry('not a token')).toBe(0);
  });
});

describe('sameUser', () => {
  it('treats a refreshed session of the same account as the same user', () => {
    const user = { id: 'u_1', email: 'a@example.com', name: 'Alice' };
    expect(sameUser(user, { ...user })).toBe(true);
    expect(sameUser(user, { ...user, name: 'Alice Able' })).toBe(false);
    expect(sameUser(user, { ...user, id: 'u_2' })).toBe(false);
    expect(sameUser(null, user)).toBe(false);
    expect(sameUser(null, null)).toBe(true);
  });
});
