/**
 * Who is signed in. The access token lives only in memory; the refresh token is kept in
 * localStorage (`tessera.refreshToken`) so a reload or a new tab stays signed in. localStorage
 * rather than IndexedDB: it is read synchronously at start-up, and IndexedDB would give no extra
 * protection (both are readable by script on this origin); the token is single-use (rotated on
 * every refresh, reuse revokes its family), which bounds the damage of a leaked copy.
 */
import type { User } from '@tessera/shared';
import { create } from 'zustand';

export const REFRESH_TOKEN_KEY = 'tessera.refreshToken';
export const USER_KEY = 'tessera.user';

interface AuthState {
  user: User | null;
  accessToken: string | null;
  /** ms since epoch when the access token expires (0 when unknown). */
  expiresAt: number;
  setSession(session: { user: User; accessToken: string; refreshToken: string }): void;
  clear(): void;
}

function storedUser(): User | null {
  try {
    const raw = globalThis.localStorage?.getItem(USER_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && 'id' in value && 'email' in value && 'name' in value) {
      const { id, email, name } = value as Record<string, unknown>;
      if (typeof id === 'string' && typeof email === 'string' && typeof name === 'string') return { id, email, name };
    }
  } catch {
    /* a damaged entry means "not signed in" */
  }
  return null;
}

/** The `exp` claim of a JWT in ms (0 when it cannot be read). */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    if (json && typeof json === 'object' && 'exp' in json && typeof json.exp === 'number') return json.exp * 1000;
  } catch {
    /* not a JWT we can read: refresh on 401 only */
  }
  return 0;
}

export function storedRefreshToken(): string | null {
  return globalThis.localStorage?.getItem(REFRESH_TOKEN_KEY) ?? null;
}

/** Same account, same details: a token refresh must not look like a new sign-in to subscribers. */
export function sameUser(a: User | null, b: User | null): boolean {
  return a === b || (a !== null && b !== null && a.id === b.id && a.email === b.email && a.name === b.name);
}

export const useAuthStore = create<AuthState>()((set, get) => ({
  user: storedRefreshToken() ? storedUser() : null,
  accessToken: null,
  expiresAt: 0,
  setSession({ user, accessToken, refreshToken }) {
    localStorage.setItem(REFRESH_TOKEN_KEY, refreshToken);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    // Keep the user object when only the tokens changed (SyncHost reconnects when the user changes).
    set({ user: sameUser(get().user, user) ? get().user : user, accessToken, expiresAt: tokenExpiry(accessToken) });
  },
  clear() {
    localStorage.removeItem(REFRESH_TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
    set({ user: null, accessToken: null, expiresAt: 0 });
  },
}));
