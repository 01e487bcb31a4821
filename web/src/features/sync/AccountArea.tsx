import './sync.css';
import { useState, type ReactNode } from 'react';
import { signOut } from './api-client';
import { useAuthStore } from './auth-store';
import { MembersDialog } from './MembersDialog';
import { ShareDialog } from './ShareDialog';
import { SignInDialog } from './SignInDialog';
import { colorFor, initials, useSyncStore } from './sync-store';
import { VersionsDialog } from './VersionsDialog';
import { WorkspacesDialog } from './WorkspacesDialog';

type Open = 'signin' | 'workspaces' | 'share' | 'members' | 'versions' | null;

/** Top-bar account area: who is here, Workspaces, Share / Manage access / Version history, sign in/out. */
export function AccountArea(): ReactNode {
  const user = useAuthStore((s) => s.user);
  const link = useSyncStore((s) => s.link);
  const [open, setOpen] = useState<Open>(null);
  const close = (): void => setOpen(null);

  if (!user) {
    return (
      <span className="sync-account">
        <button type="button" className="btn" onClick={() => setOpen('signin')}>
          Sign in
        </button>
        {open === 'signin' ? <SignInDialog onClose={close} /> : null}
      </span>
    );
  }
  return (
    <span className="sync-account">
      {link ? <PeopleHere /> : null}
      <button type="button" className="btn" onClick={() => setOpen('workspaces')}>
        Workspaces
      </button>
      {link ? (
        <>
          <button type="button" className="btn" onClick={() => setOpen('members')}>
            Manage access
          </button>
          <button type="button" className="btn" onClick={() => setOpen('versions')}>
            Version history
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => setOpen('share')}>
          Share workbook
        </button>
      )}
      <span className="sync-avatar sync-avatar--me" style={{ background: colorFor(user.id) }} title={`Signed in as ${user.name} (${user.email})`} aria-label={`Signed in as ${user.name}`}>
        {initials(user.name)}
      </span>
      <button type="button" className="btn" onClick={() => void signOut()}>
        Sign out
      </button>
      {open === 'workspaces' ? <WorkspacesDialog onClose={close} /> : null}
      {open === 'share' ? <ShareDialog onClose={close} /> : null}
      {open === 'members' && link ? <MembersDialog workspaceId={link.workspaceId} onClose={close} /> : null}
      {open === 'versions' && link ? <VersionsDialog workbookId={link.workbookId} onClose={close} /> : null}
    </span>
  );
}

/** Avatars of the other people in this workbook right now. */
export function PeopleHere(): ReactNode {
  const peers = useSyncStore((s) => s.peers);
  return (
    <ul className="sync-people" aria-label="People here">
      {peers.map((p) => (
        <li key={p.clientId} className="sync-avatar" style={{ background: p.color }} title={p.name} aria-label={p.name}>
          {initials(p.name)}
        </li>
      ))}
    </ul>
  );
}
