import type { AuthResponse } from '@tessera/shared';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

export interface ApiClient {
  call(method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer>;
  /** Registers a fresh user (unique email) and returns its session. */
  register(name?: string): Promise<AuthResponse>;
}

/** A tiny JSON client for tests and benchmarks: `call(method, path, body?, token?)`. */
export function apiClient(baseUrl: string): ApiClient {
  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, body: json as ApiAnswer['body'] };
  };
  let counter = 0;
  /** Registers a fresh user (unique email) and returns its session. */
  const register = async (name = 'User'): Promise<AuthResponse> => {
    counter += 1;
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const response = await call('POST', '/api/auth/register', { email, password: 'correct horse battery', name });
    if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as unknown as AuthResponse;
  };
  return { call, register };
}
