import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { User } from '@tessera/shared';
import { users } from '../db/schema';
import { ApiError } from '../errors';
import type { Services } from '../services';

export interface AuthEnv {
  Variables: { user: User };
}

/** Requires `Authorization: Bearer <access token>` of an existing user; sets `c.var.user`. */
export function requireUser(services: Services) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError(401, 'unauthorized', 'Log in first: send the access token as "Authorization: Bearer <token>".');
    const claims = await services.tokens.verify(match[1]);
    if (!claims) throw new ApiError(401, 'invalid_token', 'Your session token is invalid or has expired. Refresh it or log in again.');
    const [user] = await services.handle.db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, claims.userId));
    if (!user) throw new ApiError(401, 'invalid_token', 'This account no longer exists. Log in again.');
    c.set('user', user);
    await next();
  });
}
