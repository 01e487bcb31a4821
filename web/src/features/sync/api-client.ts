/**
 * Calls the Tessera server on this origin: JSON bodies parsed with the shared zod schemas, the
 * access token attached, refreshed shortly before it expires and once on a 401 (the rotated pair is
 * stored). Errors become `ServerError` with the server's message.
 */
import { ApiErrorBodySchema, AuthResponseSchema, type AuthResponse } from '@tessera/shared';
import type { z } from 'zod';
import { storedRefreshToken, useAuthStore } from './auth-store';

export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

const REFRESH_MARGIN_MS = 60_000;
let refreshing: Promise<string> | null = null;

async function readError(response: Response): Promise<ServerError> {
  let message = `The server answered ${response.status} ${response.statusText}.`;
  let code = 'http_error';
  try {
    const parsed = ApiErrorBodySchema.safeParse(await response.json());
    if (parsed.success) {
      message = parsed.data.error.message;
      code = parsed.data.error.code;
    }
  } catch {
    /* not JSON: keep the status text */
  }
  return new ServerError(response.status, code, message);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    throw new ServerError(0, 'offline', 'The Tessera server cannot be reached. Check your connection and try again; your local work is kept.');
  }
}

/** Exchanges the stored refresh token for a new pair (one exchange at a time per tab). */
export function refreshSession(): Promise<string> {
  refreshing ??= (async () => {
    const refreshToken = storedRefreshToken();
    if (!refreshToken) throw new ServerError(401, 'unauthorized', 'You are signed out. Sign in again to sync.');
    const response = await send('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      const error = await readError(response);
      if (response.status === 401) useAuthStore.getState().clear();
      throw error;
    }
    const session = AuthResponseSchema.parse(await response.json());
    useAuthStore.getState().setSession(session);
    return session.accessToken;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** A valid access token: the current one, or a refreshed one when it is missing or about to expire. */
export async function accessToken(): Promise<string> {
  const { accessToken: token, expiresAt } = useAuthStore.getState();
  if (token && (expiresAt === 0 || expiresAt - Date.now() > REFRESH_MARGIN_MS)) return token;
  return refreshSession();
}

interface CallOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** An authorised request; retried once after a refresh when the server says 401. */
export async function authorisedFetch(path: string, options: CallOptions = {}): Promise<Response> {
  const build = (token: string): RequestInit => ({
    method: options.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  let response = await send(path, build(await accessToken()));
  if (response.status === 401) response = await send(path, build(await refreshSession()));
  if (!response.ok) throw await readError(response);
  return response;
}

/** An authorised JSON call parsed with `schema`. */
export async function callApi<S extends z.ZodType>(schema: S, path: string, options: CallOptions = {}): Promise<z.infer<S>> {
  const response = await authorisedFetch(path, options);
  return schema.parse(await response.json());
}

/** Register or sign in; stores the session. */
export async function authenticate(kind: 'register' | 'login', body: { email: string; password: string; name?: string }): Promise<AuthResponse> {
  const response = await send(`/api/auth/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await readError(response);
  const session = AuthResponseSchema.parse(await response.json());
  useAuthStore.getState().setSession(session);
  return session;
}

export async function signOut(): Promise<void> {
  const refreshToken = storedRefreshToken();
  if (refreshToken) await authorisedFetch('/api/auth/logout', { method: 'POST', json: { refreshToken } }).catch(() => undefined);
  useAuthStore.getState().clear();
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
