import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { LoginRequestSchema, RefreshRequestSchema, RegisterRequestSchema, type AuthResponse, type User } from '@tessera/shared';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { requireUser } from '../auth/middleware';
import { issueRefreshToken, revokeRefreshToken, spendRefreshToken } from '../auth/refresh-tokens';
import { users } from '../db/schema';
import { ApiError } from '../errors';
import type { Services } from '../services';
import { readJson } from './read-json';

function clientIp(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `/api/auth`: register, login (rate-limited per account and IP), refresh (rotation + reuse detection), logout. */
export function authRoutes(services: Services) {
  const { db } = services.handle;
  const session = async (user: User, family?: string): Promise<AuthResponse> => ({
    user,
    accessToken: await services.tokens.sign(user.id),
    refreshToken: await issueRefreshToken(db, user.id, family),
  });

  return new Hono()
    .post('/register', async (c) => {
      const input = await readJson(c, RegisterRequestSchema);
      const passwordHash = await hashPassword(input.password);
      const [user] = await db
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, email: users.email, name: users.name });
      if (!user) throw new ApiError(409, 'email_taken', 'An account with this email already exists. Log in instead, or use another email.');
      return c.json(await session(user), 201);
    })
    .post('/login', async (c) => {
      const input = await readJson(c, LoginRequestSchema);
      const wait = Math.max(...(await Promise.all([services.loginLimiters.account.take(input.email), services.loginLimiters.ip.take(clientIp(c))])));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'rate_limited', `Too many login attempts. Wait ${wait} seconds, then try again.`);
      }
      const [row] = await db.select().from(users).where(eq(users.email, input.email));
      const ok = await verifyPassword(input.password, row?.passwordHash ?? (await dummyPasswordHash));
      if (!row || !ok) throw new ApiError(401, 'invalid_credentials', 'Wrong email or password. Check both and try again.');
      return c.json(await session({ id: row.id, email: row.email, name: row.name }));
    })
    .post('/refresh', async (c) => {
      const input = await readJson(c, RefreshRequestSchema);
      const { userId, family } = await spendRefreshToken(db, input.refreshToken);
      const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
      if (!user) throw new ApiError(401, 'invalid_refresh_token', 'This account no longer exists.');
      return c.json(await session(user, family));
    })
    .post('/logout', requireUser(services), async (c) => {
      const input = await readJson(c, RefreshRequestSchema);
      await revokeRefreshToken(db, c.var.user.id, input.refreshToken);
      return c.body(null, 204);
    });
}
