import type { ReactNode } from 'react';
import { syncStatusText, useSyncStore } from './sync-store';

/** Status-bar item: Offline / Connecting… / Syncing N edits / Synced (nothing for a local-only workbook). */
export function SyncStatusItem(): ReactNode {
  const status = useSyncStore((s) => s.status);
  const pending = useSyncStore((s) => s.pending);
  const link = useSyncStore((s) => s.link);
  if (!link) return null;
  return (
    <span className={`statusbar__item sync-status sync-status--${status}`} aria-label="Sync status">
      {syncStatusText(status, pending)}
    </span>
  );
}

/** Banners above the current view: read-only for viewers, lost access. */
export function SyncBanner(): ReactNode {
  const readOnly = useSyncStore((s) => s.role === 'viewer');
  const notice = useSyncStore((s) => s.notice);
  return (
    <>
      {readOnly ? (
        <p className="shell__banner shell__banner--warning" role="alert">
          View only — ask an owner for edit access
        </p>
      ) : null}
      {notice ? (
        <p className="shell__banner shell__banner--warning" role="alert">
          {notice}
        </p>
      ) : null}
    </>
  );
}
