import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from './db';
import { createAccessTokens, type AccessTokens } from './auth/tokens';
import type { TokenBucketOptions } from './auth/rate-limit';
import { SharedTokenBucketLimiter, type RateLimiter } from './auth/shared-rate-limit';
import { SyncHub, type SyncHubOptions } from './sync/hub';

export interface Limits {
  /** JSON request bodies. */
  jsonBodyBytes: number;
  /** Dataset snapshots (PUT …/datasets/:ds/:version). */
  datasetBytes: number;
  /** One WebSocket message. */
  wsMaxPayloadBytes: number;
  /** Login attempts per account. */
  loginPerAccount: TokenBucketOptions;
  /** Login attempts per client IP. */
  loginPerIp: TokenBucketOptions;
}

export const defaultLimits: Limits = {
  jsonBodyBytes: 1024 * 1024,
  datasetBytes: 512 * 1024 * 1024,
  wsMaxPayloadBytes: 16 * 1024 * 1024,
  loginPerAccount: { capacity: 10, refillPerSecond: 10 / 60 },
  loginPerIp: { capacity: 60, refillPerSecond: 1 },
};

/** What the routes share: database, tokens, the sync hub, limits. Created once per server. */
export interface Services {
  handle: DatabaseHandle;
  tokens: AccessTokens;
  hub: SyncHub;
  limits: Limits;
  /** Shared by every server process on the database. */
  loginLimiters: { account: RateLimiter; ip: RateLimiter };
  /** Empty: same origin only. */
  allowedOrigins: string[];
  /** Dataset blobs live in `<dataDir>/blobs`. */
  dataDir: string;
}

export interface ServicesOptions {
  /** Signs access tokens. Absent (development only): a random per-process secret, so tokens end with the process. */
  jwtSecret?: string;
  accessTokenTtlSeconds?: number;
  allowedOrigins?: string[];
  limits?: Partial<Limits>;
  sync?: SyncHubOptions;
}

export function createServices(handle: DatabaseHandle, dataDir: string, options: ServicesOptions = {}): Services {
  const limits = { ...defaultLimits, ...options.limits };
  return {
    handle,
    tokens: createAccessTokens(options.jwtSecret ?? randomBytes(32).toString('base64'), { ttlSeconds: options.accessTokenTtlSeconds }),
    hub: new SyncHub(handle, options.sync),
    limits,
    loginLimiters: {
      account: new SharedTokenBucketLimiter(handle.db, 'login-account', limits.loginPerAccount),
      ip: new SharedTokenBucketLimiter(handle.db, 'login-ip', limits.loginPerIp),
    },
    allowedOrigins: options.allowedOrigins ?? [],
    dataDir,
  };
}
