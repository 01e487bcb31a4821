/**
 * Who is here, with a grace period for leaving: a peer whose awareness state disappears stays listed
 * for `graceMs` and is dropped only if it has not come back by then. A teammate whose socket reopens
 * (a renewed token, a network blip) keeps the same client id and so never blinks out of the avatars;
 * one who really left goes a moment later. A departing entry of someone already back under a new
 * client id (a reload) goes at once, so nobody is listed twice.
 */
import type { Peer } from './sync-store';

export const PRESENCE_GRACE_MS = 3000;

export class PresenceGrace {
  private readonly shown = new Map<number, Peer>();
  private readonly leaving = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly publish: (peers: Peer[]) => void,
    private readonly graceMs = PRESENCE_GRACE_MS,
  ) {}

  /** The peers in awareness now. */
  update(current: readonly Peer[]): void {
    const here = new Map(current.map((peer) => [peer.clientId, peer]));
    for (const [clientId, peer] of here) {
      clearTimeout(this.leaving.get(clientId));
      this.leaving.delete(clientId);
      this.shown.set(clientId, peer);
    }
    for (const [clientId, peer] of [...this.shown]) {
      if (here.has(clientId)) continue;
      const backAs = current.some((p) => p.name === peer.name && p.color === peer.color);
      if (backAs) this.forget(clientId);
      else if (!this.leaving.has(clientId)) this.leaving.set(clientId, setTimeout(() => (this.forget(clientId), this.emit()), this.graceMs));
    }
    this.emit();
  }

  /** Nobody is shown any more (the connection ended). */
  clear(): void {
    for (const timer of this.leaving.values()) clearTimeout(timer);
    this.leaving.clear();
    this.shown.clear();
  }

  private forget(clientId: number): void {
    clearTimeout(this.leaving.get(clientId));
    this.leaving.delete(clientId);
    this.shown.delete(clientId);
  }

  private emit(): void {
    this.publish([...this.shown.values()]);
  }
}
