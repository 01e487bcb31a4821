import { createMiddleware } from 'hono/factory';
import { errorBody } from '../errors';

/** True when `origin` is the server's own origin (same host) or listed in ALLOWED_ORIGINS. */
export function originAllowed(origin: string, host: string | undefined, allowed: string[]): boolean {
  if (allowed.includes(origin) || allowed.includes('*')) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Refuses requests (HTTP and WebSocket upgrades) whose Origin is neither this server nor allowed. */
export function originGuard(allowed: string[]) {
  return createMiddleware(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && !originAllowed(origin, c.req.header('host'), allowed)) {
      return c.json(
        errorBody('origin_not_allowed', `Requests from ${origin} are not allowed. The operator can add it to ALLOWED_ORIGINS.`),
        403,
      );
    }
    await next();
  });
}
