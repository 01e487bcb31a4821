import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceGrace } from './presence-grace';
import type { Peer } from './sync-store';

const alice: Peer = { clientId: 1, name: 'Alice', color: '#f00', selection: [] };
const bob: Peer = { clientId: 2, name: 'Bob', color: '#0f0', selection: ['v1'] };

describe('PresenceGrace', () => {
  let shown: string[][];
  let grace: PresenceGrace;
  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    grace = new PresenceGrace((peers) => shown.push(peers.map((p) => `${p.name}#${p.clientId}`)), 3000);
  });
  afterEach(() => {
    grace.clear();
    vi.useRealTimers();
  });

  it('keeps a peer whose socket reopens within the grace period: no blink', () => {
    grace.update([alice, bob]);
    grace.update([alice]); // Bob's socket closed (token renewal)
    expect(shown.at(-1)).toEqual(['Alice#1', 'Bob#2']);
    vi.advanceTimersByTime(2000);
    grace.update([alice, { ...bob, selection: ['v2'] }]); // back, same client id
    vi.advanceTimersByTime(5000);
    expect(shown.every((names) => names.includes('Bob#2'))).toBe(true);
    expect(shown.at(-1)).toEqual(['Alice#1', 'Bob#2']);
  });

  it('drops a peer who really left once the grace period is over', () => {
    grace.update([alice, bob]);
    grace.update([alice]);
    vi.advanceTimersByTime(2999);
    expect(shown.at(-1)).toEqual(['Alice#1', 'Bob#2']);
    vi.advanceTimersByTime(1);
    expect(shown.at(-1)).toEqual(['Alice#1']);
  });

  it('drops the old entry at once when the same person is back under a new client id (a reload)', () => {
    grace.update([alice, bob]);
    grace.update([alice, { ...bob, clientId: 9 }]);
    expect(shown.at(-1)).toEqual(['Alice#1', 'Bob#9']);
  });

  it('clear() forgets everyone and cancels pending departures', () => {
    grace.update([alice, bob]);
    grace.update([]);
    grace.clear();
    const before = shown.length;
    vi.advanceTimersByTime(10_000);
    expect(shown.length).toBe(before);
  });
});
