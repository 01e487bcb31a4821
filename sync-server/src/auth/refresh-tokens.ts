import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { refreshTokens } from '../db/schema';
import { ApiError } from '../errors';

const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new opaque refresh token; `family` continues a rotation chain (absent → a new login). */
export async function issueRefreshToken(db: Database, userId: string, family: string = randomUUID()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(refreshTokens).values({ userId, family, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + REFRESH_TTL_MS) });
  return token;
}

const invalid = () => new ApiError(401, 'invalid_refresh_token', 'This session has ended or the refresh token is not valid. Please log in again.');

/**
 * Spends `token` and returns its user and family so a new token continues the family.
 * Presenting an already spent token is reuse (a stolen token): the whole family is revoked.
 */
export async function spendRefreshToken(db: Database, token: string): Promise<{ userId: string; family: string }> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashToken(token)));
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
  const spent = await db
    .update(refreshTokens)
    .set({ spentAt: new Date() })
    .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.spentAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (spent.length === 0) {
    await revokeFamily(db, row.family);
    throw new ApiError(
      401,
      'refresh_token_reused',
      'This refresh token was already used, so every session it belongs to was signed out for safety. Please log in again.',
    );
  }
  return { userId: row.userId, family: row.family };
}

export async function revokeFamily(db: Database, family: string): Promise<void> {
  await db.update(refreshTokens).set({ revokedAt: new Date() }).where(and(eq(refreshTokens.family, family), isNull(refreshTokens.revokedAt)));
}

/** Logout: revokes the family of `token` when it belongs to `userId`. */
export async function revokeRefreshToken(db: Database, userId: string, token: string): Promise<void> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashToken(token)));
  if (row && row.userId === userId) await revokeFamily(db, row.family);
}
