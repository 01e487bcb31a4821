import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export const ISSUER = 'tessera';
export const AUDIENCE = 'tessera-api';

export interface AccessTokenClaims {
  userId: string;
  /** When the token stops being valid (its `exp`), in ms since the epoch: open sockets are closed then. */
  expiresAt: number;
}

/** Short-lived HS256 access tokens (jose). Verification allows HS256 only and checks iss/aud/exp. */
export interface AccessTokens {
  sign(userId: string): Promise<string>;
  /** The claims, or undefined for a bad, forged or expired token (never throws, never logs the token). */
  verify(token: string): Promise<AccessTokenClaims | undefined>;
}

export function createAccessTokens(secret: string, options: { ttlSeconds?: number } = {}): AccessTokens {
  const key = new TextEncoder().encode(secret);
  const ttl = options.ttlSeconds ?? 15 * 60;
  return {
    sign: (userId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
        .setJti(randomBytes(8).toString('hex'))
        .sign(key),
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'sub'] });
        return typeof payload.sub === 'string' && typeof payload.exp === 'number' ? { userId: payload.sub, expiresAt: payload.exp * 1000 } : undefined;
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) return undefined;
        throw error;
      }
    },
  };
}
