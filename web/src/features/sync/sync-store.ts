/**
 * Sync state of the open workbook for the UI: connection status, local edits not yet confirmed,
 * the user's role (viewer → read-only), who else is here, and an access-lost notice.
 */
import type { Role } from '@tessera/shared';
import { create } from 'zustand';

export type SyncStatus = 'local' | 'offline' | 'connecting' | 'syncing' | 'synced';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  selection: string[];
}

interface SyncState {
  status: SyncStatus;
  pending: number;
  role: Role | null;
  peers: Peer[];
  notice: string | null;
  /** The server link of the open workbook (null when it is only local). */
  link: { workspaceId: string; workbookId: string } | null;
  set(patch: Partial<Omit<SyncState, 'set'>>): void;
}

export const useSyncStore = create<SyncState>()((set) => ({
  status: 'local',
  pending: 0,
  role: null,
  peers: [],
  notice: null,
  link: null,
  set(patch) {
    set(patch);
  },
}));

export const READ_ONLY_REASON = 'View only — ask an owner for edit access';

/** true when the open workbook is shared with this user as a viewer. */
export function isReadOnly(): boolean {
  return useSyncStore.getState().role === 'viewer';
}

export function useReadOnly(): boolean {
  return useSyncStore((s) => s.role === 'viewer');
}

/** Text of the status bar item. */
export function syncStatusText(status: SyncStatus, pending: number): string {
  const edits = pending === 1 ? '1 edit' : `${pending} edits`;
  switch (status) {
    case 'local':
      return 'Local only';
    case 'offline':
      return pending > 0 ? `Offline · ${edits} not on the server yet` : 'Offline';
    case 'connecting':
      return pending > 0 ? `Connecting… · ${edits} not on the server yet` : 'Connecting…';
    case 'syncing':
      return `Syncing ${edits}`;
    case 'synced':
      return 'Synced';
  }
}

const COLORS = ['#e4572e', '#17bebb', '#7b2cbf', '#ffb400', '#2e86ab', '#43aa8b', '#d7263d', '#5f0f40'];

/** A stable colour per user id. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length] ?? '#2e86ab';
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase() || '?';
}
