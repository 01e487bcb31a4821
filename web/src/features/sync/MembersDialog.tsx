import { MemberListSchema, ROLES, type Member, type Role } from '@tessera/shared';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { authorisedFetch, callApi, errorText } from './api-client';
import { Dialog } from './Dialog';
import { useSyncStore } from './sync-store';

/** Members of the open workbook's workspace: owners invite, change roles and remove; others read. */
export function MembersDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }): ReactNode {
  const isOwner = useSyncStore((s) => s.role === 'owner');
  const [members, setMembers] = useState<Member[] | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<string | null>(null);
  const base = `/api/workspaces/${encodeURIComponent(workspaceId)}/members`;

  const load = useCallback(() => {
    callApi(MemberListSchema, base).then(setMembers, (e: unknown) => setError(errorText(e)));
  }, [base]);
  useEffect(load, [load]);

  const run = (action: Promise<unknown>): void => {
    setError(null);
    action.then(load, (e: unknown) => setError(errorText(e)));
  };
  const put = (to: string, r: Role): void => run(authorisedFetch(base, { method: 'PUT', json: { email: to, role: r } }));

  return (
    <Dialog title="Manage access" onClose={onClose}>
      {!isOwner ? <p className="sync-muted">Only owners can change access.</p> : null}
      <ul className="sync-list" aria-label="Members">
        {members?.map((m) => (
          <li key={m.userId} className="sync-row">
            <span>
              {m.name} <span className="sync-muted">{m.email}</span>
            </span>
            <select aria-label={`Role of ${m.email}`} value={m.role} disabled={!isOwner} onChange={(e) => put(m.email, e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {isOwner ? (
              <button type="button" aria-label={`Remove ${m.email}`} onClick={() => run(authorisedFetch(`${base}/${encodeURIComponent(m.userId)}`, { method: 'DELETE' }))}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {isOwner ? (
        <form
          className="sync-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!email.trim()) return setError('Type the email of the person to invite.');
            put(email.trim(), role);
            setEmail('');
          }}
        >
          <input type="email" aria-label="Invite email" placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
          <select aria-label="Invite role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit">Invite</button>
        </form>
      ) : null}
      {error ? <p role="alert" className="sync-error">{error}</p> : null}
    </Dialog>
  );
}
