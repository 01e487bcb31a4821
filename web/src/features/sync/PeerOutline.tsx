import type { ReactNode } from 'react';
import { useSyncStore } from './sync-store';

/** A coloured outline with the name of each other person who has this visual selected. */
export function PeerOutline({ visualId }: { visualId: string }): ReactNode {
  const peers = useSyncStore((s) => s.peers);
  const here = peers.filter((p) => p.selection.includes(visualId));
  const first = here[0];
  if (!first) return null;
  return (
    <span className="sync-peer-outline" style={{ borderColor: first.color }} aria-label={`Selected by ${here.map((p) => p.name).join(', ')}`}>
      <span className="sync-peer-outline__name" style={{ background: first.color }}>
        {here.map((p) => p.name).join(', ')}
      </span>
    </span>
  );
}
